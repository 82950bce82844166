import { PAGE_FRAME_IDS } from './anchors.ts';
import type { PageEntry } from './model.ts';
import { RULES } from './rules.ts';
import type { SiteData } from './site-data.ts';

/**
 * Pages the site generates from data rather than from MDX files, and ids that components render on MDX
 * pages. The Astro routes and components import the same id functions, so links the checker accepts are
 * links the site renders; the output check proves it on the built HTML.
 */

export const episodePageId = (slug: string): string => `podcast/${slug}`;
export const momentAnchor = (t: string): string => `at-${t.replaceAll(':', '-')}`;
export const rulePageId = (rule: string): string => `contributing/rules/${rule}`;
export const kpiAnchor = (kpiId: string): string => kpiId;
export const kpiPageId = (kpiId: string): string => `kpis/${kpiId}`;
export const kpiCategoryAnchor = (category: string): string => `category-${category}`;
export const KPI_PAGE_ID = 'kpis';
export const GRAPH_PAGE_ID = 'graph';
/** Pages that are not part of the wiki's web of links (their links are checked, but they are no graph node). */
export const UNLINKED_PAGE_IDS: ReadonlySet<string> = new Set(['404']);
export const PODCAST_INDEX_ID = 'podcast';
export const RULES_INDEX_ID = 'contributing/rules';
/** Each written source has a heading on the Sources page whose id is the source id. */
export const sourceAnchor = (sourceId: string): string => sourceId;
export const SOURCES_PAGE_ID = 'about/sources';

function page(id: string, title: string, section: string, anchors: Iterable<string> = []): PageEntry {
  return { id, title, section, anchors: new Set([...PAGE_FRAME_IDS, ...anchors]), related: [], sources: [] };
}

export function generatedPages(data: SiteData): PageEntry[] {
  const episodes = [...data.episodes.entries()].map(([slug, episode]) =>
    page(episodePageId(slug), episode.title, 'podcast', ['summary', 'cited-moments', 'cited-by', ...episode.moments.map((m) => momentAnchor(m.t))]),
  );
  // An episode whose file is invalid still has a page once the file is fixed; links to it are not the problem.
  const invalidEpisodes = [...data.invalid]
    .filter((entry) => entry.startsWith('episodes/'))
    .map((entry) => page(episodePageId(entry.slice('episodes/'.length)), entry, 'podcast'));
  return [
    page(PODCAST_INDEX_ID, 'Podcast episodes', 'podcast'),
    ...episodes,
    ...invalidEpisodes,
    page(RULES_INDEX_ID, 'Reference checker rules', 'about'),
    ...RULES.map((rule) => page(rulePageId(rule.id), rule.title, 'about', ['broken', 'why', 'fix'])),
    page(GRAPH_PAGE_ID, 'Knowledge graph', 'about'),
    ...data.kpis.map((kpi) => page(kpiPageId(kpi.id), kpi.name, 'kpis', ['same-category'])),
  ];
}

/** Ids that components add to MDX pages (KPI rows and categories), by page id. */
export function componentAnchors(data: SiteData): Map<string, string[]> {
  const categories = [...new Set(data.kpis.map((kpi) => kpi.category))];
  return new Map([[KPI_PAGE_ID, [...data.kpis.map((kpi) => kpiAnchor(kpi.id)), ...categories.map(kpiCategoryAnchor)]]]);
}

/** The id of a page's node on the graph page, so every page can link to its own neighbourhood. */
export const graphNodeAnchor = (pageId: string): string => `node-${pageId === '' ? 'home' : pageId.replaceAll('/', '--')}`;
