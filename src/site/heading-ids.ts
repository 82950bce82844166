import GithubSlugger from 'github-slugger';

/**
 * Heading ids, computed once for the site and the checker. The renderer's remark plugin sets each
 * heading's id from `headingText` before the heading is rendered, so what a citation or a component
 * inside a heading renders (a preview card, an icon) can never leak into the id; the checker calls the
 * same functions on its own parse of the page.
 */

interface MdastLike {
  type: string;
  value?: unknown;
  children?: readonly MdastLike[];
  position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;
}

/**
 * Starlight's Markdown pipeline parses `:name` as a text directive (for its asides) and turns the ones
 * nobody handles back into text at the very end: `17:04` is the text `17` and a directive named `04`
 * until then. Such a directive counts as the source text it was written as.
 */
const DIRECTIVES = new Set(['textDirective', 'leafDirective']);

/** Node types whose content is not part of a heading's words. */
const WORDLESS = new Set(['image', 'imageReference', 'html', 'mdxTextExpression', 'mdxFlowExpression', 'footnoteReference', 'break']);

/**
 * The words of a heading as its id sees them: text and inline code, the text of links (a citation
 * counts as its time) and of inline JSX elements; not images, raw HTML, or MDX expressions, whose value
 * is only known when the page runs.
 */
export function headingText(node: MdastLike, source?: string): string {
  if (WORDLESS.has(node.type)) return '';
  if ((node.type === 'text' || node.type === 'inlineCode') && typeof node.value === 'string') return node.value;
  const { start, end } = node.position ?? { start: {}, end: {} };
  if (DIRECTIVES.has(node.type) && source !== undefined && start.offset !== undefined && end.offset !== undefined) return source.slice(start.offset, end.offset);
  return (node.children ?? []).map((child) => headingText(child, source)).join('');
}

/** A fresh id generator for one page: github-slugger, so repeated headings get `-1`, `-2`. */
export function createHeadingIds(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text);
}

/** Ids every Starlight page has besides its headings. */
export const PAGE_FRAME_IDS = ['_top'] as const;

export const isFrameId = (id: string): boolean => (PAGE_FRAME_IDS as readonly string[]).includes(id);
