import { citationPageHref } from './citations.ts';
import { entryTarget, SOURCES_PAGE_ID, sourceAnchor } from './generated-pages.ts';
import { parseLink, splitCitation, withBase } from './links.ts';
import { pagePath } from './routes.ts';

/**
 * The href a link written in a page is published with, wherever it is written: a Markdown link or
 * reference definition, an MDX component prop, raw HTML, or a frontmatter link. Site-root paths get
 * the base path; `source:` points at the entry on the Sources page; `tool:`, `term:` and `kpi:` at the
 * tool's row, the term's definition and the KPI's page; `podcast:` points at the moment on
 * its episode page (a Markdown link renders the full citation instead, see the remark plugin).
 * Everything else is published as written. The checker resolves the same parse of the link.
 */
export function rewriteLink(url: string, base: string): string {
  const link = parseLink(url);
  switch (link.kind) {
    case 'citation': {
      const { slug, time } = splitCitation(link.body);
      return citationPageHref(slug, time, base);
    }
    case 'source':
      return `${pagePath(SOURCES_PAGE_ID, base)}#${sourceAnchor(link.id)}`;
    case 'entry': {
      const { pageId, anchor } = entryTarget(link.entry, link.id);
      return `${pagePath(pageId, base)}${anchor ? `#${anchor}` : ''}`;
    }
    case 'site':
      return withBase(url, base);
    default:
      return url;
  }
}
