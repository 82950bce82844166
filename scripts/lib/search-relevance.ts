import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { countPages, searchSite, type PagefindApi, type PagefindEntry, type PagefindFilters } from '../../src/components/search/engine.ts';
import { compileVocabulary, type Vocabulary, type VocabularyData } from '../../src/components/search/query.ts';
import type { RankingWeights } from '../../src/components/search/rank.ts';
import type { GlossaryTerm } from '../../src/schemas/glossary.ts';
import type { Kpi } from '../../src/schemas/kpi.ts';
import type { SearchQuestion } from '../../src/schemas/search.ts';
import { GLOSSARY_PAGE_ID, kpiPageId, termPageId, TOOLS_PAGE_ID } from '../../src/site/generated-pages.ts';
import { pageIdOfUrl } from '../../src/site/routes.ts';
import { serveDirectory } from './static-server.ts';

/** The vocabulary a build ships to its search box, read from the build itself. */
export function builtVocabulary(dir: string): Vocabulary {
  const file = readdirSync(dir).find((name) => /^search-vocabulary\.[0-9a-f]+\.json$/.test(name));
  if (!file) throw new Error(`${dir} has no search-vocabulary.<hash>.json; build the site first`);
  return compileVocabulary(JSON.parse(readFileSync(join(dir, file), 'utf8')) as VocabularyData);
}

/** How deep the result list is read: a page found below this counts as not found. */
export const RESULT_DEPTH = 10;

export interface QuestionOutcome extends SearchQuestion {
  /** 1 for the first result; undefined when the page is not among the first RESULT_DEPTH. */
  rank: number | undefined;
  /** The first result paths, as the search returned them. */
  top: string[];
}

export interface RelevanceFigures {
  questions: number;
  first: number;
  firstThree: number;
  meanReciprocalRank: number;
  /** Questions for which the search returned no page at all. */
  empty: number;
}

interface Pagefind extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  destroy?(): Promise<void>;
}

/**
 * Runs every question through the search of a built site, exactly as the dialog runs it: the site's
 * own pagefind.js and index, served over HTTP under the base path, and the dialog's query and ranking
 * code. Pagefind's browser API runs in Node as it does in a page (on the main thread, without a worker).
 */
export async function askBuiltSite(
  site: { dir: string; base: string },
  questions: readonly SearchQuestion[],
  search: { vocabulary: Vocabulary; ranking: Record<string, unknown>; weights: RankingWeights; filters?: PagefindFilters; depth?: number },
): Promise<QuestionOutcome[]> {
  const server = await serveDirectory(site.dir, site.base);
  const restoreFetch = retryResetConnections();
  try {
    const pagefind = (await import(pathToFileURL(join(site.dir, 'pagefind', 'pagefind.js')).href)) as Pagefind;
    await pagefind.options({ basePath: server.url('pagefind/'), baseUrl: site.base, ranking: search.ranking });
    const totalPages = countPages(JSON.parse(readFileSync(join(site.dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry);
    const outcomes: QuestionOutcome[] = [];
    for (const question of questions) {
      const { pages } = await searchSite(pagefind, search.vocabulary, question.ask, { weights: search.weights, totalPages, ...(search.filters ? { filters: search.filters } : {}) });
      const fragments = await Promise.all(pages.slice(0, search.depth ?? RESULT_DEPTH).map((page) => page.result.data()));
      const top = fragments.map((fragment) => fragment.url.replace(/[?#].*$/, '').slice(site.base.length - 1));
      const at = top.indexOf(question.page);
      outcomes.push({ ...question, rank: at === -1 ? undefined : at + 1, top });
    }
    await pagefind.destroy?.();
    return outcomes;
  } finally {
    restoreFetch();
    await server.close();
  }
}

/**
 * Node's fetch keeps connections open and may reuse one just as the local server closes it for being
 * idle, which fails the request with ECONNRESET; a browser retries such a request, so this does too.
 * Returns the function that puts the original fetch back.
 */
export function retryResetConnections(attempts = 3): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await original(input, init);
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (attempt >= attempts || (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET')) throw error;
      }
    }
  };
  return () => {
    globalThis.fetch = original;
  };
}

export function relevanceFigures(outcomes: readonly QuestionOutcome[]): RelevanceFigures {
  const count = (test: (outcome: QuestionOutcome) => boolean) => outcomes.filter(test).length;
  return {
    questions: outcomes.length,
    first: count((outcome) => outcome.rank === 1),
    firstThree: count((outcome) => outcome.rank !== undefined && outcome.rank <= 3),
    meanReciprocalRank: outcomes.length === 0 ? 0 : outcomes.reduce((sum, outcome) => sum + (outcome.rank ? 1 / outcome.rank : 0), 0) / outcomes.length,
    empty: count((outcome) => outcome.top.length === 0),
  };
}

/** A search by an entry's name, with every page that counts as finding it. */
export interface NameSearch {
  ask: string;
  pages: string[];
}

/** How far down the results an entry searched by its name may be found. */
export const NAME_DEPTH = 8;

/**
 * The pages that count as finding an entry of the site's data by its name: a KPI on its page; a tool
 * (by its name or another of its names) on the directory; a glossary term on its own page, on the
 * glossary, or on the page the glossary names as covering it.
 */
export const byName = {
  kpi: (kpi: Pick<Kpi, 'id' | 'name'>): NameSearch => ({ ask: kpi.name, pages: [`/${kpiPageId(kpi.id)}/`] }),
  tool: (name: string): NameSearch => ({ ask: name, pages: [`/${TOOLS_PAGE_ID}/`] }),
  term: (term: Pick<GlossaryTerm, 'id' | 'term' | 'see'>): NameSearch => ({
    ask: term.term,
    pages: [`/${termPageId(term.id)}/`, `/${GLOSSARY_PAGE_ID}/`, `/${pageIdOfUrl(term.see.replace(/[?#].*$/, ''))}/`.replace('//', '/')],
  }),
};

/** Searches each name on a built site; `missed` holds those whose pages are not among the first NAME_DEPTH results. */
export async function askByName(
  site: { dir: string; base: string },
  searches: readonly NameSearch[],
  search: Omit<Parameters<typeof askBuiltSite>[2], 'depth'>,
): Promise<{ searched: number; missed: QuestionOutcome[] }> {
  const outcomes = await askBuiltSite(site, searches.map(({ ask, pages }) => ({ ask, page: pages[0]!, set: 'tuning' as const })), { ...search, depth: NAME_DEPTH });
  return { searched: searches.length, missed: outcomes.filter((outcome, index) => !searches[index]!.pages.some((page) => outcome.top.includes(page))) };
}
