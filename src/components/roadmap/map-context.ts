import { citationElement } from '../../plugins/remark-references.ts';
import { citationView, resolveCitation } from '../../site/citations.ts';
import { entryLink } from '../../site/links.ts';
import { rewriteLink } from '../../site/rewrite-link.ts';
import type { SiteData } from '../../site/site-data.ts';
import type { SiteIndex } from '../../site/site-index.ts';
import type { MapRenderContext } from './map-render.ts';

/** What a map's panels look up in the data collections: citations drawn as everywhere else, tools, resources. */
export function dataRenderContext(data: SiteData, base: string): Pick<MapRenderContext, 'base' | 'citation' | 'tool' | 'resource'> {
  return {
    base,
    citation: (moment, id) => {
      const resolved = resolveCitation(moment, data);
      if (!resolved.ok || !resolved.episode || !resolved.moment) return undefined;
      const view = citationView(resolved.episode, resolved.moment, base);
      return { element: citationElement(view, id, { wholeEpisode: false, compact: false }), episodeTitle: view.episodeTitle, guests: view.guests, note: view.note };
    },
    tool: (id) => {
      const tool = data.tools.find((entry) => entry.id === id);
      return tool && { name: tool.name, href: rewriteLink(entryLink('tool', id), base) };
    },
    resource: (id) => data.resources.find((resource) => resource.id === id),
  };
}

/** Everything a map's panels look up, from the site index: also the titles of pages and the words of their headings. */
export function mapRenderContext(index: SiteIndex, base: string): MapRenderContext {
  const documents = new Map(index.documents.map((document) => [document.pageId, document]));
  return {
    ...dataRenderContext(index.data, base),
    pageTitle: (pageId) => index.pages.get(pageId)?.title ?? pageId,
    headingText: (pageId, anchor) => documents.get(pageId)?.headings.find((heading) => heading.id === anchor)?.text,
  };
}
