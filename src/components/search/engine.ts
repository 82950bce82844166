import { stemmer } from 'stemmer';
import { searchWords } from '../../lib/search-text.ts';
import { DESCRIPTION_FIELD, SEARCH_PAGE_KINDS, TERMS_FIELD, TERMS_SEPARATOR } from '../../site/search.ts';
import { parseQuery, type ParsedQuery, type Vocabulary } from './query.ts';
import { conceptRarity, fieldFactor, rankPages, type RankedPage, type RankingWeights } from './rank.ts';

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
  /** The loaded data of the first pages, which the second stage weighed. */
  fragments: ReadonlyMap<string, PagefindFragment>;
}

/**
 * Searches the site for a query in a reader's words: each concept of the query (see `parseQuery`) is
 * searched on its own, every way of writing it in parallel, and the pages are ranked by `rankPages`.
 * Pagefind itself requires every word of a search on a page; searching concept by concept is what lets
 * a question whose words are spread over several pages still find the best of them. The first
 * `weights.rerank` pages are then loaded (the dialog shows them anyway) and weighed again by what their
 * title, description and covered glossary terms name (`fieldFactor`) and by their kind of page. An
 * aborted `signal` stops the search, with its reason, before it starts or before the pages are loaded.
 */
export async function searchSite(
  pagefind: PagefindApi,
  vocabulary: Vocabulary,
  text: string,
  options: { filters?: PagefindFilters; weights: RankingWeights; totalPages: number; signal?: AbortSignal },
): Promise<SearchOutcome> {
  options.signal?.throwIfAborted();
  const query = parseQuery(text, vocabulary);
  const alternatives = query.concepts.flatMap((concept, index) => concept.alternatives.map((alternative) => ({ concept: index, text: alternative })));
  const searchOptions = options.filters ? { filters: options.filters } : {};
  // A quoted search finds the pages that hold the words side by side.
  const [responses, phrasePages] = await Promise.all([
    Promise.all(alternatives.map(({ text: alternative }) => pagefind.search(alternative, searchOptions))),
    Promise.all(query.phrases.map((phrase) => pagefind.search(`"${phrase}"`, searchOptions).then((found) => new Set(found?.results.map((result) => result.id))))),
  ]);
  // A search the reader has already replaced stops before it loads any page's text.
  options.signal?.throwIfAborted();
  const hits = alternatives.map(({ concept }, index) => ({
    concept,
    hits: (responses[index]?.results ?? []).map((result) => ({ id: result.id, score: result.score, words: result.words, result })),
  }));
  const pages = rankPages(query.concepts.length, hits, options.totalPages, options.weights);
  if (phrasePages.length > 0) {
    for (const page of pages) page.score *= 1 + (options.weights.phrases * phrasePages.filter((found) => found.has(page.id)).length) / phrasePages.length;
    pages.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }
  const rarity = conceptRarity(query.concepts.length, hits, options.totalPages);
  const head = pages.slice(0, options.weights.rerank);
  const loaded = await Promise.all(head.map((page) => page.result.data()));
  const fragments = new Map(head.map((page, index) => [page.id, loaded[index]!]));
  for (const page of head) {
    const fragment = fragments.get(page.id)!;
    const kind = SEARCH_PAGE_KINDS.find((name) => fragment.meta[name] !== undefined);
    const fields = {
      title: fieldTexts(fragment.meta['title']),
      [DESCRIPTION_FIELD]: fieldTexts(fragment.meta[DESCRIPTION_FIELD]),
      [TERMS_FIELD]: fieldTexts(fragment.meta[TERMS_FIELD], TERMS_SEPARATOR),
    };
    page.score *= fieldFactor(query.concepts, rarity, fields, options.weights.fields, stemmer) * (kind ? (options.weights.kinds[kind] ?? 1) : 1);
  }
  head.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return { query, pages: [...head, ...pages.slice(head.length)], fragments };
}

/** A title or description, or a list of names split at `separator`, as texts of words in the query's form joined by spaces. */
const fieldTexts = (text: string | undefined, separator?: string): string[] =>
  text === undefined ? [] : (separator === undefined ? [text] : text.split(separator)).map((part) => searchWords(part).join(' ')).filter((part) => part !== '');

/** The part of `pagefind-entry.json`, which Pagefind writes beside pagefind.js, that the search reads. */
export interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/**
 * How many pages the index holds: the document count that word rarity is measured against. Pagefind's
 * entry file records it per language; asking Pagefind instead (an empty search lists every page) costs
 * about a third of a second on a phone before the first result.
 */
export function countPages(entry: PagefindEntry): number {
  const count = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`pagefind-entry.json names no indexed page (page_count ${count})`);
  return count;
}
