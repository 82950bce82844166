import type { Definition, Heading, Link, LinkReference, Nodes, Root } from 'mdast';
import type { Element, ElementContent } from 'hast';
import { htmlToHast, type HastNode } from 'satteri';
import { visit } from 'unist-util-visit';
import { citationView, resolveCitation, type CitationView } from '../site/citations.ts';
import type { SiteData } from '../site/site-data.ts';
import { LINK_ATTRIBUTES, parseLink } from '../site/links.ts';
import { rewriteLink } from '../site/rewrite-link.ts';
import { normaliseBase } from '../site/routes.ts';
import { sourcePosition } from '../site/dev-check-protocol.ts';

/** `data-source-position` (SOURCE_POSITION_ATTRIBUTE of the dev check) as a hast property name. */
const SOURCE_POSITION_PROPERTY = 'dataSourcePosition';

export interface RemarkReferencesOptions {
  /** The current data; a function so that the dev server's re-reads reach pages rendered after a save. */
  data: () => SiteData;
  base: string;
  /**
   * Whether to write each link's, image's and citation's `line:column` in its source on its element, for
   * the dev server's check to mark the broken ones (src/integrations/dev-check-app.ts). True only in dev.
   */
  sourcePositions?: () => boolean;
}

/**
 * Renders the wiki's links with the site model's functions, the ones the checker calls:
 * - a `podcast:` Markdown link becomes a citation that plays the moment and links to its notes (inside a
 *   heading, only the play link, so the heading's text stays its words);
 * - every other link, definition, image, component prop and raw HTML attribute is published through
 *   `rewriteLink` (base path, `source:` and `podcast:` targets).
 * Unresolvable citations render as marked text for the checker to report. Heading ids are given later,
 * by the rehype plugin of src/site/heading-ids.ts, from the text the headings render.
 */
export function remarkReferences({ data, base, sourcePositions = () => false }: RemarkReferencesOptions) {
  const root = normaliseBase(base);
  // Named, so that a build profile (npm run bench) can tell the plugins apart.
  return function remarkReferences() {
    return (tree: Root, file: { value: unknown }) => transform(tree, file);
  };
  function transform(tree: Root, file: { value: unknown }): void {
    const siteData = data();
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node: Definition) => {
      // The first definition of a label is the one links use, as in CommonMark.
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    });
    let citationCount = 0;
    const source = String(file.value);
    const renderLink = (node: Link | LinkReference, url: string, inHeading: boolean): void => {
      const link = parseLink(url);
      if (link.kind !== 'citation') return;
      const resolved = resolveCitation(link.body, siteData);
      citationCount += 1;
      if (!resolved.ok || !resolved.episode) {
        node.data = { hName: 'span', hProperties: { className: ['citation-unresolved'], href: undefined } };
        return;
      }
      const view = citationView(resolved.episode, resolved.moment, root);
      // The words as written: Starlight's directive parsing would otherwise drop `:04` from `17:04`.
      const text = writtenText(node, source);
      // A link's accessible name must contain its visible text, so a whole-episode citation keeps its words.
      const shown = resolved.moment ? view : { ...view, label: text, accessibleName: `${text} (${view.accessibleName})` };
      renderCitation(node, shown, `citation-${citationCount}`, { wholeEpisode: !resolved.moment, compact: inHeading });
    };
    // Citations in headings first: there they render compact, with only their play link.
    visit(tree, 'heading', (node: Heading) => {
      visit(node, (inner) => {
        if (inner.type !== 'link' && inner.type !== 'linkReference') return;
        const url = inner.type === 'link' ? inner.url : definitions.get(inner.identifier)?.url;
        if (url !== undefined) renderLink(inner, url, true);
      });
    });
    visit(tree, (node: Nodes) => {
      // A citation rendered above already carries its element.
      if (node.data && 'hName' in node.data) return;
      switch (node.type) {
        case 'link':
          if (parseLink(node.url).kind === 'citation') renderLink(node, node.url, false);
          else node.url = rewriteLink(node.url, root);
          return undefined;
        case 'linkReference': {
          const url = definitions.get(node.identifier)?.url;
          if (url !== undefined && parseLink(url).kind === 'citation') renderLink(node, url, false);
          return undefined;
        }
        case 'image':
          node.url = rewriteLink(node.url, root);
          return undefined;
        case 'html':
          node.value = rewriteHtmlLinks(node.value, root);
          return undefined;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          for (const attribute of node.attributes) {
            if (attribute.type === 'mdxJsxAttribute' && LINK_ATTRIBUTES.has(attribute.name) && typeof attribute.value === 'string') {
              attribute.value = rewriteLink(attribute.value, root);
            }
          }
          if (node.name === 'a') protectExternalAnchor(node);
          return undefined;
        default:
          return undefined;
      }
    });
    // Definitions are rewritten last: citations read their raw `podcast:` URL above.
    for (const definition of definitions.values()) {
      if (parseLink(definition.url).kind !== 'citation') definition.url = rewriteLink(definition.url, root);
    }
    // Last, so that the elements citations render as carry it too.
    if (sourcePositions()) markSourcePositions(tree);
  }
}

/**
 * An `<a>` written as JSX in an MDX page is not an element when rehype-external-links runs, so it would
 * open another site without `rel="noopener noreferrer"`, as no Markdown link does: it gets the same rel
 * (added to any rel the writer gave it).
 */
function protectExternalAnchor(node: { attributes: { type: string; name?: string; value?: unknown }[] }): void {
  const href = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'href')?.value;
  if (typeof href !== 'string' || !/^https?:\/\//i.test(href)) return;
  const rel = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'rel');
  if (!rel) {
    node.attributes.push({ type: 'mdxJsxAttribute', name: 'rel', value: 'noopener noreferrer' });
  } else if (typeof rel.value === 'string') {
    const tokens = rel.value.split(/\s+/).filter(Boolean);
    rel.value = [...tokens, ...['noopener', 'noreferrer'].filter((token) => !tokens.includes(token))].join(' ');
  }
}

/**
 * Puts each link's and image's source position on the element it renders as (a citation's outer
 * element included): `data-source-position="line:column"`, the place the checker reports a problem at.
 */
function markSourcePositions(tree: Root): void {
  visit(tree, (node: Nodes) => {
    if (node.type !== 'link' && node.type !== 'image') return;
    const start = node.position?.start;
    if (!start) return;
    const data = (node.data ??= {});
    const properties = (data.hProperties ??= {});
    properties[SOURCE_POSITION_PROPERTY] = sourcePosition(start);
  });
}

/**
 * Starlight's Markdown pipeline parses `:name` as a text directive (for its asides) and turns the ones
 * nobody handles back into text at the very end: `17:04` is the text `17` and a directive named `04`
 * until then. Such a directive counts as the source text it was written as.
 */
const DIRECTIVES = new Set(['textDirective', 'leafDirective']);

/** Node types whose content shows no words. */
const WORDLESS = new Set(['image', 'imageReference', 'html', 'mdxTextExpression', 'mdxFlowExpression', 'footnoteReference', 'break']);

interface MdastLike {
  type: string;
  value?: unknown;
  children?: readonly MdastLike[];
  position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;
}

/** The words of a link as written: its text and inline code, not its images, raw HTML or MDX expressions. */
function writtenText(node: MdastLike, source: string): string {
  if (WORDLESS.has(node.type)) return '';
  if ((node.type === 'text' || node.type === 'inlineCode') && typeof node.value === 'string') return node.value;
  const { start, end } = node.position ?? { start: {}, end: {} };
  if (DIRECTIVES.has(node.type) && start.offset !== undefined && end.offset !== undefined) return source.slice(start.offset, end.offset);
  return (node.children ?? []).map((child) => writtenText(child, source)).join('');
}

/** Raw HTML in Markdown files: each link attribute the HTML parser finds is published through `rewriteLink`. */
function rewriteHtmlLinks(html: string, base: string): string {
  const values = new Set<string>();
  const collect = (node: HastNode): void => {
    if (node.type === 'element') {
      for (const [name, value] of Object.entries(node.properties)) if (LINK_ATTRIBUTES.has(name) && typeof value === 'string') values.add(value);
    }
    if ('children' in node) for (const child of node.children as HastNode[]) collect(child);
  };
  collect(htmlToHast(html, { fragment: true }));
  let result = html;
  for (const value of values) {
    const rewritten = rewriteLink(value, base);
    if (rewritten !== value) result = result.replaceAll(`="${value}"`, `="${rewritten}"`).replaceAll(`='${value}'`, `='${rewritten}'`);
  }
  return result;
}

function renderCitation(node: Link | LinkReference, view: CitationView, id: string, options: { wholeEpisode: boolean; compact: boolean }): void {
  const element = citationElement(view, id, options);
  node.data = { hName: element.tagName, hProperties: element.properties as never, hChildren: element.children };
}

/**
 * A citation as the site renders it, wherever it stands: a play link to the second on YouTube, a notes
 * link to the moment on its episode page, and a preview card with the episode, its guests and the
 * moment's note (the touch panel of reader-previews.ts reads the same parts). `compact` renders only the
 * play link, as inside a heading. The map's panels render the moments behind an item with it.
 */
export function citationElement(view: CitationView, id: string, options: { wholeEpisode: boolean; compact: boolean }): Element {
  const text = (value: string): ElementContent => ({ type: 'text', value });
  const element = (tagName: string, properties: Record<string, unknown>, children: ElementContent[]): Element => ({
    type: 'element',
    tagName,
    properties: properties as never,
    children,
  });
  const play = element('svg', { className: ['citation-icon'], viewBox: '0 0 16 16', width: 12, height: 12, ariaHidden: 'true', focusable: 'false' }, [
    element('path', { d: 'M4 2.5v11l9-5.5z', fill: 'currentColor' }, []),
  ]);
  if (options.compact) {
    // In a heading the label is all the heading's id reads of the citation, so nothing is added to it:
    // a whole episode's words as written, a moment's time.
    return element(
      'a',
      { className: ['citation-link', 'citation-compact'], href: view.href, ariaLabel: view.accessibleName, rel: ['noopener', 'noreferrer'], target: '_blank' },
      [play, text(view.label)],
    );
  }
  const label = options.wholeEpisode ? ` ${view.label}` : view.label;
  const card = element('span', { className: ['citation-card'], id, role: 'tooltip', dataPagefindIgnore: '' }, [
    element('span', { className: ['citation-card-title'] }, [text(view.episodeTitle)]),
    element('span', { className: ['citation-card-meta'] }, [text(options.wholeEpisode ? view.guests : `${view.guests} · ${view.label}`)]),
    ...(view.note ? [element('span', { className: ['citation-card-note'] }, [text(view.note)])] : []),
  ]);
  const playLink = element(
    'a',
    { className: ['citation-link'], href: view.href, ariaLabel: view.accessibleName, ariaDescribedby: id, rel: 'noopener noreferrer', target: '_blank' },
    [play, text(label)],
  );
  const notesLink = element('a', { className: ['citation-notes'], href: view.episodePageHref, ariaLabel: `Episode notes: ${view.accessibleName}`, dataPagefindIgnore: '' }, [text('notes')]);
  return element('span', { className: ['citation', options.wholeEpisode ? 'citation-episode' : 'citation-moment'] }, [playLink, notesLink, card]);
}
