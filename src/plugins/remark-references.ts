import type { Link, Root } from 'mdast';
import type { ElementContent } from 'hast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { SiteData } from '../references/site-data.ts';
import { SOURCES_PAGE_ID, sourceAnchor } from '../references/generated-pages.ts';
import { normaliseBase, pagePath } from '../references/routes.ts';
import { citationView, type CitationView } from './citation-view.ts';
import { withBase } from './with-base.ts';

const LINK_PROPS = new Set(['href', 'link', 'src']);

export interface RemarkReferencesOptions {
  data: SiteData;
  base: string;
}

/**
 * Renders the wiki's reference syntax: `podcast:` links become citations that open the episode at the
 * second, `source:` links point at the entry on the Sources page, and site-root links get the base path.
 * Unresolvable references are left for the checker to report; here they render as plain text.
 */
export function remarkReferences({ data, base }: RemarkReferencesOptions) {
  const root = normaliseBase(base);
  return () => (tree: Root) => {
    let citationCount = 0;
    visit(tree, 'link', (node: Link) => {
      const { url } = node;
      if (url.startsWith('podcast:')) {
        const [slug = '', t] = url.slice('podcast:'.length).split('@');
        const episode = data.episodes.get(slug);
        const view = episode && citationView(episode, t, root);
        citationCount += 1;
        if (view && t === undefined) {
          // A link's accessible name must contain its visible text, so the episode follows the words shown.
          const text = toString(node);
          renderCitation(node, { ...view, label: text, accessibleName: `${text} (${view.accessibleName})` }, `citation-${citationCount}`, true);
        } else if (view) renderCitation(node, view, `citation-${citationCount}`, false);
        else node.data = { hName: 'span', hProperties: { className: ['citation-unresolved'], href: undefined } };
        return;
      }
      if (url.startsWith('source:')) {
        const id = url.slice('source:'.length);
        node.url = `${pagePath(SOURCES_PAGE_ID, root)}#${sourceAnchor(id)}`;
        node.data = { hProperties: { className: ['source-ref'] } };
        return;
      }
      node.url = withBase(url, root);
    });
    visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
      for (const attribute of (node as { attributes: { type: string; name?: string; value?: unknown }[] }).attributes) {
        if (attribute.type === 'mdxJsxAttribute' && LINK_PROPS.has(attribute.name ?? '') && typeof attribute.value === 'string') {
          attribute.value = withBase(attribute.value, root);
        }
      }
    });
  };
}

function renderCitation(node: Link, view: CitationView, id: string, wholeEpisode: boolean): void {
  const text = (value: string): ElementContent => ({ type: 'text', value });
  const element = (tagName: string, properties: Record<string, unknown>, children: ElementContent[]): ElementContent => ({
    type: 'element',
    tagName,
    properties: properties as never,
    children,
  });
  const play = element('svg', { className: ['citation-icon'], viewBox: '0 0 16 16', width: 12, height: 12, ariaHidden: 'true', focusable: 'false' }, [
    element('path', { d: 'M4 2.5v11l9-5.5z', fill: 'currentColor' }, []),
  ]);
  const card = element('span', { className: ['citation-card'], id, role: 'tooltip', dataPagefindIgnore: '' }, [
    element('span', { className: ['citation-card-title'] }, [text(view.episodeTitle)]),
    element('span', { className: ['citation-card-meta'] }, [text(wholeEpisode ? view.guests : `${view.guests} · ${view.label}`)]),
    ...(view.note ? [element('span', { className: ['citation-card-note'] }, [text(view.note)])] : []),
  ]);
  const playLink = element(
    'a',
    { className: ['citation-link'], href: view.href, ariaLabel: view.accessibleName, ariaDescribedby: id, rel: 'noopener noreferrer', target: '_blank' },
    [play, text(wholeEpisode ? ` ${view.label}` : view.label)],
  );
  const notesLink = element('a', { className: ['citation-notes'], href: view.episodePageHref, ariaLabel: `Episode notes: ${view.accessibleName}` }, [text('notes')]);
  node.data = {
    hName: 'span',
    hProperties: { className: ['citation', wholeEpisode ? 'citation-episode' : 'citation-moment'] },
    hChildren: [playLink, notesLink, card],
  };
}
