import { RULES } from '../rules/table.ts';
import type { Episode } from '../schemas/episode.ts';
import type { GlossaryTerm } from '../schemas/glossary.ts';
import type { Kpi } from '../schemas/kpi.ts';
import { invalidCollections, type SiteData } from './site-data.ts';
import type { PageEntry } from './page.ts';
import { PAGE_FRAME_IDS } from './heading-ids.ts';
import { pagePath } from './routes.ts';
import { OFFLINE_MANIFEST, SERVICE_WORKER } from './offline-protocol.ts';

/**
 * Pages and files the site generates from data rather than from MDX, declared once. The Astro routes
 * read their ids, titles and headings from here, and the checker resolves links against the same
 * declarations, so a link the checker accepts is a link the site renders.
 */

export const episodePageId = (slug: string): string => `podcast/${slug}`;
export const momentAnchor = (t: string): string => `at-${t.replaceAll(':', '-')}`;
export const chapterAnchor = (t: string): string => `chapter-${t.replaceAll(':', '-')}`;
export const rulePageId = (rule: string): string => `contributing/rules/${rule}`;
export const kpiPageId = (kpiId: string): string => `kpis/${kpiId}`;
export const kpiAnchor = (kpiId: string): string => kpiId;
export const kpiCategoryAnchor = (category: string): string => `category-${category}`;
/** Each written source has a heading on the Sources page whose id is the source id. */
export const sourceAnchor = (sourceId: string): string => sourceId;
/** The id of a page's node on the graph page, so every page can link to its own neighbourhood. */
export const graphNodeAnchor = (pageId: string): string => `node-${pageId === '' ? 'home' : pageId.replaceAll('/', '--')}`;
/** The node id a `graphNodeAnchor` names, or undefined when `anchor` is not one. */
export const graphNodeOfAnchor = (anchor: string): string | undefined => {
  if (!anchor.startsWith('node-')) return undefined;
  const written = anchor.slice('node-'.length);
  return written === 'home' ? '' : written.replaceAll('--', '/');
};

export const HOME_PAGE_ID = '';
export const KPI_PAGE_ID = 'kpis';
export const GRAPH_PAGE_ID = 'graph';
/** The knowledge graph as text: every node with its neighbours. */
export const GRAPH_LIST_PAGE_ID = 'graph/list';
/** The pages that hold an element for every node of the knowledge graph, with `graphNodeAnchor` as its id. */
export const GRAPH_NODE_PAGE_IDS: ReadonlySet<string> = new Set([GRAPH_PAGE_ID, GRAPH_LIST_PAGE_ID]);
export const PODCAST_INDEX_ID = 'podcast';
export const RULES_INDEX_ID = 'contributing/rules';
export const SOURCES_PAGE_ID = 'about/sources';
/** Written pages whose main content a component renders from data: the ids their links resolve to. */
export const GLOSSARY_PAGE_ID = 'reference/glossary';
export const TOOLS_PAGE_ID = 'reference/tools';
export const toolAnchor = (toolId: string): string => toolId;
export const termAnchor = (termId: string): string => termId;
/** Each glossary term has a page of its own, with its definition and the pages that use it. */
export const termPageId = (termId: string): string => `${GLOSSARY_PAGE_ID}/${termId}`;

/** Where `tool:`, `term:` and `kpi:` links lead. */
export function entryTarget(entry: 'tool' | 'term' | 'kpi', id: string): { pageId: string; anchor?: string } {
  switch (entry) {
    case 'tool':
      return { pageId: TOOLS_PAGE_ID, anchor: toolAnchor(id) };
    case 'term':
      return { pageId: termPageId(id) };
    case 'kpi':
      return { pageId: kpiPageId(id) };
  }
}
export const NOT_FOUND_PAGE_ID = '404';
/** Pages that are not part of the wiki's web of links (their links are checked, but they are no graph node). */
export const UNLINKED_PAGE_IDS: ReadonlySet<string> = new Set([NOT_FOUND_PAGE_ID]);
/** Pages a reader arrives at rather than follows a link to: they need no incoming link. */
export const ENTRY_PAGE_IDS: ReadonlySet<string> = new Set([HOME_PAGE_ID, ...UNLINKED_PAGE_IDS]);

/** A heading of a generated page: its id and its text, for the route to render and the checker to resolve. */
export interface SectionHeading {
  slug: string;
  text: string;
  depth: 2 | 3;
}

const heading = (slug: string, text: string): SectionHeading => ({ slug, text, depth: 2 });

export function episodeHeadings(episode: Episode): SectionHeading[] {
  return [
    heading('summary', 'Summary'),
    ...(episode.chapters.length > 0 ? [heading('chapters', 'Chapters')] : []),
    heading('cited-moments', 'Cited moments'),
    heading('cited-by', 'Pages that cite this episode'),
  ];
}

export const TERM_PAGE_HEADINGS: readonly SectionHeading[] = [heading('used-on', 'Where this term is used')];

export const RULE_PAGE_HEADINGS: readonly SectionHeading[] = [heading('broken', 'Broken example'), heading('why', 'Why it is a problem'), heading('fix', 'How to fix it')];

export function kpiPeers(kpi: Kpi, kpis: readonly Kpi[]): Kpi[] {
  return kpis.filter((other) => other.category === kpi.category && other.id !== kpi.id);
}

/** The section of a KPI page that says how to compute the metric: formula, data sources, example, pitfalls. */
export const KPI_RECIPE_HEADING: SectionHeading = heading('how-to-compute-it', 'How to compute it');
export const kpiPeersHeading = (kpi: Kpi): SectionHeading => heading('same-category', `Other ${kpi.category} metrics`);

export function kpiHeadings(kpi: Kpi, kpis: readonly Kpi[]): SectionHeading[] {
  return [KPI_RECIPE_HEADING, ...(kpiPeers(kpi, kpis).length > 0 ? [kpiPeersHeading(kpi)] : [])];
}

/** The route files that render generated pages, for messages about what they output. */
export const GENERATED_ROUTES = {
  episode: 'src/pages/podcast/[slug].astro',
  podcastIndex: 'src/pages/podcast/index.astro',
  rule: 'src/pages/contributing/rules/[rule].astro',
  rulesIndex: 'src/pages/contributing/rules/index.astro',
  graph: 'src/pages/graph.astro',
  graphList: 'src/pages/graph/list.astro',
  kpi: 'src/pages/kpis/[kpi].astro',
  term: 'src/pages/reference/glossary/[term].astro',
} as const;

/** The written page on balancing KPIs, which every KPI page links to. */
export const KPI_BALANCING_PAGE_ID = 'kpis/balancing';

/**
 * The links a generated page publishes to written pages, as site paths that the route passes through
 * `rewriteLink`. They are declared here so that the checker resolves them too (`generatedPageLinks`):
 * renaming a written page they point to is reported at the route file, not found only after a build.
 */
export const kpiPageLinks = (kpi: Kpi) => ({
  category: `${pagePath(KPI_PAGE_ID)}#${kpiCategoryAnchor(kpi.category)}`,
  overview: `${pagePath(KPI_PAGE_ID)}#${kpiAnchor(kpi.id)}`,
  balancing: pagePath(KPI_BALANCING_PAGE_ID),
});
export const termPageLinks = (term: GlossaryTerm) => ({ covering: term.see, glossary: `${pagePath(GLOSSARY_PAGE_ID)}#${termAnchor(term.id)}` });

export interface GeneratedLink {
  /** The route file that renders the link. */
  route: string;
  url: string;
  /** Which link it is, for messages. */
  via: string;
}

/** Each distinct link from generated pages to written pages, with the route that renders it. */
export function generatedPageLinks(data: SiteData): GeneratedLink[] {
  const links = new Map<string, GeneratedLink>();
  const add = (route: string, url: string, via: string) => links.set(`${route} ${url}`, { route, url, via });
  for (const kpi of data.kpis) {
    for (const url of Object.values(kpiPageLinks(kpi))) add(GENERATED_ROUTES.kpi, url, 'links of the KPI pages this route renders');
  }
  // A term's covering page is written in the glossary data, and checked there.
  for (const term of data.glossary) add(GENERATED_ROUTES.term, termPageLinks(term).glossary, `glossary link of the term page "${term.id}", which this route renders`);
  return [...links.values()];
}

/**
 * Whether `pageId` may be a page the site generates from a data file that is invalid now (a KPI page
 * while kpis.yaml is broken): which pages there are is unknown until the file is fixed, and the file's
 * data-invalid problem is the one to report, not every link into its pages.
 */
export function mayBeGeneratedFromInvalidData(pageId: string, data: SiteData): boolean {
  const invalid = invalidCollections(data);
  if (invalid.size === 0) return false;
  return (invalid.has('kpis') && pageId.startsWith(`${KPI_PAGE_ID}/`)) || (invalid.has('glossary') && pageId.startsWith(`${GLOSSARY_PAGE_ID}/`));
}

/** Where Pagefind writes the search index. */
export const SEARCH_INDEX_DIR = 'pagefind';
/** The search index files with fixed names: Pagefind's scripts, styles and entry point; the rest are named by content hashes. */
const SEARCH_INDEX_FILES = [
  'pagefind.js',
  'pagefind-entry.json',
  'pagefind-worker.js',
  'pagefind-highlight.js',
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'wasm.unknown.pagefind',
  'wasm.en.pagefind',
];

/**
 * Files (not pages) the build writes beside the pages, as paths from the site root: links to them
 * resolve. The build test proves that every build writes each of them (tests/built/build.test.ts).
 */
export const GENERATED_FILES: ReadonlySet<string> = new Set([
  // The KPI data (src/pages/kpis.csv.ts and kpis.json.ts).
  'kpis.csv',
  'kpis.json',
  // Starlight's sitemap, written because the site has a URL.
  'sitemap-index.xml',
  'sitemap-0.xml',
  ...SEARCH_INDEX_FILES.map((file) => `${SEARCH_INDEX_DIR}/${file}`),
  // The offline copy: the service worker and the list of files it may keep (src/integrations/offline.ts).
  SERVICE_WORKER,
  OFFLINE_MANIFEST,
]);

function page(id: string, title: string, section: string, route: string, headings: readonly SectionHeading[] = [], extraAnchors: readonly string[] = []): PageEntry {
  return {
    id,
    title,
    section,
    source: route,
    generated: true,
    draft: false,
    anchors: new Set([...PAGE_FRAME_IDS, ...headings.map((h) => h.slug), ...extraAnchors]),
    related: [],
    sources: [],
  };
}

export function generatedPages(data: SiteData): PageEntry[] {
  const episodes = [...data.episodes.values()].map((episode) =>
    page(episodePageId(episode.slug), episode.title, 'podcast', GENERATED_ROUTES.episode, episodeHeadings(episode), [
      ...episode.moments.map((m) => momentAnchor(m.t)),
      ...episode.chapters.map((c) => chapterAnchor(c.t)),
    ]),
  );
  // An episode whose file is invalid still has a page once the file is fixed; links to it are not the problem.
  const invalidEpisodes = [...data.invalid]
    .filter((entry) => entry.startsWith('episodes/'))
    .map((entry) => page(episodePageId(entry.slice('episodes/'.length)), entry, 'podcast', GENERATED_ROUTES.episode));
  return [
    page(PODCAST_INDEX_ID, 'Podcast episodes', 'podcast', GENERATED_ROUTES.podcastIndex),
    ...episodes,
    ...invalidEpisodes,
    page(RULES_INDEX_ID, 'Reference checker rules', 'about', GENERATED_ROUTES.rulesIndex),
    ...RULES.map((rule) => page(rulePageId(rule.id), rule.id, 'about', GENERATED_ROUTES.rule, RULE_PAGE_HEADINGS)),
    page(GRAPH_PAGE_ID, 'Knowledge graph', 'about', GENERATED_ROUTES.graph),
    page(GRAPH_LIST_PAGE_ID, 'Knowledge graph as a list', 'about', GENERATED_ROUTES.graphList),
    ...data.kpis.map((kpi) => page(kpiPageId(kpi.id), kpi.name, 'kpis', GENERATED_ROUTES.kpi, kpiHeadings(kpi, data.kpis))),
    ...data.glossary.map((term) => page(termPageId(term.id), term.term, 'reference', GENERATED_ROUTES.term, TERM_PAGE_HEADINGS)),
  ];
}
