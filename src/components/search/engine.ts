import { parseQuery, type ParsedQuery, type Vocabulary } from './query.ts';
import { rankPages, type RankedPage, type RankingWeights } from './rank.ts';

/** A heading or other element with an id on a page, at the position of its first word. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

/** The stored data of one page, loaded when a result is shown. */
export interface PagefindFragment {
  url: string;
  /** The page's indexed text, words separated by whitespace; word positions count in it. */
  content: string;
  meta: Record<string, string | undefined>;
  anchors: PagefindAnchor[];
  filters?: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<PagefindFragment>;
}

/** Pagefind's filter expression: `{ section: ['A', 'B'] }`, `{ any: … }`, `{ not: … }` and so on. */
export type PagefindFilters = Record<string, unknown>;

/** The part of Pagefind's browser API (pagefind.js) the search uses. */
export interface PagefindApi {
  search(term: string | null, options?: { filters?: PagefindFilters }): Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchOutcome {
  query: ParsedQuery;
  pages: RankedPage<PagefindResult>[];
}

/**
 * Searches the site for a query in a reader's words: each concept of the query (see `parseQuery`) is
 * searched on its own, every way of writing it in parallel, and the pages are ranked by `rankPages`.
 * Pagefind itself requires every word of a search on a page; searching concept by concept is what lets
 * a question whose words are spread over several pages still find the best of them.
 */
export async function searchSite(pagefind: PagefindApi, vocabulary: Vocabulary, text: string, options: { filters?: PagefindFilters; weights: RankingWeights; totalPages: number }): Promise<SearchOutcome> {
  const query = parseQuery(text, vocabulary);
  const alternatives = query.concepts.flatMap((concept, index) => concept.alternatives.map((alternative) => ({ concept: index, text: alternative })));
  const searchOptions = options.filters ? { filters: options.filters } : {};
  const responses = await Promise.all(alternatives.map(({ text: alternative }) => pagefind.search(alternative, searchOptions)));
  const hits = alternatives.map(({ concept }, index) => ({
    concept,
    hits: (responses[index]?.results ?? []).map((result) => ({ id: result.id, score: result.score, words: result.words, result })),
  }));
  return { query, pages: rankPages(query.concepts.length, hits, options.totalPages, options.weights) };
}

/** How many pages the index holds: the document count that word rarity is measured against. */
export async function countPages(pagefind: PagefindApi): Promise<number> {
  const all = await pagefind.search(null);
  return all?.results.length ?? 0;
}
