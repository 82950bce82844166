import { loadSiteData, type LoadedData } from './data.ts';
import { pageEdges, type Edge } from './link-graph.ts';
import { loadSite } from './load.ts';
import { resolveDataReferences, resolveDocument, type ResolutionMemo, type ResolvedReference } from './resolve.ts';
import { siteSettings } from './settings.ts';
import type { SiteIndex } from './site-index.ts';

/** The site model as the renderer reads it: the index, every resolved reference, and the web of edges. */
export interface Site {
  index: SiteIndex;
  resolved: ResolvedReference[];
  edges: Edge[];
}

/**
 * One cache per process, shared by every module instance that imports this file: Astro loads its
 * config and renders pages through separate module graphs, and both must read the data once.
 */
interface SiteCache {
  data: Map<string, LoadedData>;
  site: Map<string, Site>;
}
const CACHE_KEY = Symbol.for('mle-wiki.site-cache');
const cache = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] ??= { data: new Map(), site: new Map() }) as SiteCache;

/** The validated data collections of the project at `root`, read once per process. */
export function siteData(root = process.cwd()): LoadedData {
  let loaded = cache.data.get(root);
  if (!loaded) {
    loaded = loadSiteData(root);
    cache.data.set(root, loaded);
  }
  return loaded;
}

/** The site model of the project being built, computed once per build and shared by every page. */
export function getSite(root = process.cwd()): Site {
  let site = cache.site.get(root);
  if (!site) {
    const { index } = loadSite(root, siteSettings(process.env), siteData(root));
    // Draft pages are left out of production builds, so their links make no backlink, graph edge or citation.
    const published = index.documents.filter((document) => !index.pages.get(document.pageId)?.draft);
    const memo: ResolutionMemo = new Map();
    const resolved = [...published.flatMap((document) => resolveDocument(document, index, memo).resolved), ...resolveDataReferences(index).resolved];
    site = { index, resolved, edges: pageEdges(resolved) };
    cache.site.set(root, site);
  }
  return site;
}

/** Forgets what was read, so the next call reads the files again (the dev server calls it after a save). */
export function invalidateSite(root = process.cwd(), what: 'pages' | 'all' = 'all'): void {
  cache.site.delete(root);
  if (what === 'all') cache.data.delete(root);
}
