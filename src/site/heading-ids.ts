import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeSlug from 'rehype-slug';
import { parseTimestamp } from '../lib/timestamp.ts';
import { parseLink, splitCitation } from './links.ts';

/**
 * Heading ids have one engine, rehype-slug, run by both sides. The renderer's rehype pipeline runs it
 * over each rendered page (`rehypeHeadingIds`); the checker runs it once per page over the hast of that
 * page's headings (`assignHeadingIds`), which `headingHast` builds from the checker's own parse. What a
 * heading's id is made of is therefore its rendered text, as rehype-slug reads it (hast-util-to-string):
 * text, inline code, the text of links and emphasis, a component's children; a citation shows its time
 * (or, for a whole episode, its own words); images, raw HTML and MDX expressions show nothing.
 */

/** The plugin that gives every heading its id, in the renderer's pipeline and in the checker. */
export const rehypeHeadingIds = rehypeSlug;

/** The parts of an mdast node the heading's hast is built from (Satteri's and remark's nodes both fit). */
interface MdastLike {
  type: string;
  value?: unknown;
  url?: unknown;
  identifier?: unknown;
  depth?: unknown;
  name?: unknown;
  children?: readonly MdastLike[];
}

/** What a heading's rendering depends on beyond its own nodes. */
export interface HeadingContext {
  /** The URL a reference-style link's label stands for (`[text][label]`). */
  definition: (identifier: string) => string | undefined;
  /** The number a footnote call shows: its place among the page's footnotes, in order of first call. */
  footnoteNumber: (identifier: string) => number | undefined;
}

const NO_CONTEXT: HeadingContext = { definition: () => undefined, footnoteNumber: () => undefined };

const element = (tagName: string, children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties: {}, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/** Inline Markdown elements and the HTML element each renders as. */
const INLINE_ELEMENTS: Readonly<Record<string, string>> = { emphasis: 'em', strong: 'strong', delete: 'del', link: 'a', linkReference: 'a', mdxJsxTextElement: 'span' };

/** The `<hN>` a Markdown heading renders as, as far as its words go (the words are all an id reads). */
export function headingHast(node: MdastLike, context: HeadingContext = NO_CONTEXT): Element {
  const depth = typeof node.depth === 'number' ? node.depth : 1;
  return element(`h${depth}`, inlineHast(node.children ?? [], context));
}

function inlineHast(nodes: readonly MdastLike[], context: HeadingContext): ElementContent[] {
  return nodes.flatMap((node) => nodeHast(node, context));
}

function nodeHast(node: MdastLike, context: HeadingContext): ElementContent[] {
  switch (node.type) {
    case 'text':
      return typeof node.value === 'string' ? [text(node.value)] : [];
    case 'inlineCode':
      return typeof node.value === 'string' ? [element('code', [text(node.value)])] : [];
    // Rendered as elements without text, as raw HTML the browser parses later, or as a value only
    // known when the page runs: none of them is part of the id.
    case 'image':
    case 'imageReference':
      return [element('img')];
    case 'break':
      return [element('br')];
    case 'html':
    case 'mdxTextExpression':
    case 'mdxFlowExpression':
      return [];
    case 'footnoteReference': {
      const number = typeof node.identifier === 'string' ? context.footnoteNumber(node.identifier) : undefined;
      return [element('sup', number === undefined ? [] : [element('a', [text(String(number))])])];
    }
    case 'link':
    case 'linkReference': {
      const url = node.type === 'link' ? node.url : typeof node.identifier === 'string' ? context.definition(node.identifier) : undefined;
      const time = typeof url === 'string' ? citedTime(url) : undefined;
      // A moment's citation shows its time, whatever its text says.
      return [element('a', time === undefined ? inlineHast(node.children ?? [], context) : [text(time)])];
    }
    default:
      return [element(INLINE_ELEMENTS[node.type] ?? 'span', inlineHast(node.children ?? [], context))];
  }
}

/** The time a `podcast:` link shows: the moment it cites, when it names a well-formed one. */
function citedTime(url: string): string | undefined {
  const link = parseLink(url);
  if (link.kind !== 'citation') return undefined;
  const { time, parts } = splitCitation(link.body);
  return time !== undefined && parts === 2 && parseTimestamp(time).ok ? time : undefined;
}

/** The plugin's transformer, made once: it starts counting repeats afresh on every tree it is given. */
const slugHeadings = rehypeHeadingIds();

/** The ids of a page's headings, in order: rehype-slug run once over all of them, so repeats get `-1`, `-2`. */
export function assignHeadingIds(headings: readonly Element[]): { id: string; text: string }[] {
  if (headings.length === 0) return [];
  const tree: Root = { type: 'root', children: [...headings] };
  slugHeadings(tree);
  return headings.map((heading) => ({ id: String(heading.properties['id'] ?? ''), text: toString(heading) }));
}

/** Ids every Starlight page has besides its headings. */
export const PAGE_FRAME_IDS = ['_top'] as const;

export const isFrameId = (id: string): boolean => (PAGE_FRAME_IDS as readonly string[]).includes(id);
