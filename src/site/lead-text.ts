import type { MdastNode } from 'satteri';
import { parseLink } from './links.ts';

/** How much of a page's opening a link preview shows. */
export const LEAD_MAX_CHARACTERS = 220;

/**
 * The opening words of a page as plain text, for link previews: the page's first paragraph, with
 * citations left out (a preview cannot play them, and "(17:04)" reads as noise) and long text cut at a
 * sentence or word boundary. Empty when the page opens with no paragraph.
 */
export function leadText(tree: MdastNode): string {
  const children = 'children' in tree ? (tree.children as MdastNode[]) : [];
  const paragraph = children.find((node) => node.type === 'paragraph');
  if (!paragraph) return '';
  const text = plainText(paragraph)
    .replace(/\(\s*[,;]?\s*\)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
  return shorten(text, LEAD_MAX_CHARACTERS);
}

/** All the words of a page as plain text, without code, citations or expressions: what a reader reads. */
export function pageText(tree: MdastNode): string {
  return plainText(tree, ' ').replace(/\s+/g, ' ').trim();
}

function plainText(node: MdastNode, separator = ''): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return ' ';
    case 'link':
      return parseLink(node.url).kind === 'citation' ? '' : childrenText(node, separator);
    case 'code':
    case 'yaml':
      return '';
    case 'image':
    case 'footnoteReference':
    case 'html':
    case 'mdxTextExpression':
      return '';
    default:
      return childrenText(node, separator);
  }
}

const childrenText = (node: MdastNode, separator = ''): string =>
  'children' in node ? (node.children as MdastNode[]).map((child) => plainText(child, separator)).join(separator) : '';

/** `text` cut to at most `max` characters: after the last whole sentence that fits, or else at a word, with "…". */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  if (sentenceEnd >= max / 2) return cut.slice(0, sentenceEnd + 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}
