/** What Pagefind returns for one page of one search, before its fragment is loaded. */
export interface PageHit<R = unknown> {
  id: string;
  score: number;
  /** Positions of the matched words in the page's text. */
  words: readonly number[];
  /** The result object, kept to load the page's fragment from. */
  result: R;
}

/** The hits of one way of writing one concept of the query. */
export interface AlternativeHits<R = unknown> {
  concept: number;
  hits: readonly PageHit<R>[];
}

export interface RankedPage<R = unknown> {
  id: string;
  score: number;
  /** The concepts (by index) the page matches, in query order. */
  matched: number[];
  /** Positions of every matched word, sorted: for the excerpt and the highlights. */
  words: number[];
  result: R;
}

/**
 * How the search weighs what Pagefind returns. `coverage`: how much a page must match all of the
 * question (0 ranks by summed scores alone; larger values push pages that miss a concept further down,
 * in proportion to how rare the missed concept is). `phrases`: how much more a page ranks for each
 * pair of neighbouring words of the question it holds side by side. `fields`: how much more a page ranks when its title,
 * description or one of its covered glossary terms names the concepts of the question (see `fieldFactor`). `kinds`: a factor per kind of
 * page (see SEARCH_PAGE_KINDS). `rerank`: how many of the first pages are weighed again with those.
 */
export interface RankingWeights {
  coverage: number;
  fields: Readonly<Record<string, number>>;
  /** How much a page rises for holding words of the question side by side, as the reader wrote them. */
  phrases: number;
  kinds: Readonly<Record<string, number>>;
  rerank: number;
}

/**
 * Ranks pages for a query of several concepts, each searched on its own. A page's score is the sum of
 * its Pagefind scores for the concepts it matches (each already weighs the concept's rarity, the page's
 * length and matches in titles and headings), scaled by its coverage: the share of the query's rarity
 * (inverse document frequency) that it matches, raised to `weights.coverage`. A page that matches every
 * concept has coverage 1; a page that misses a word found on nearly every page loses almost nothing.
 * Pages that match only some concepts still rank, so a question never comes back empty while one of
 * its words is on the site.
 */
export function rankPages<R>(conceptCount: number, alternatives: readonly AlternativeHits<R>[], totalPages: number, weights: Pick<RankingWeights, 'coverage'>): RankedPage<R>[] {
  const perConcept = Array.from({ length: conceptCount }, () => new Map<string, { score: number; words: Set<number>; result: R }>());
  const rarity = conceptRarity(conceptCount, alternatives, totalPages);
  for (const { concept, hits } of alternatives) {
    const pages = perConcept[concept];
    if (!pages || hits.length === 0) continue;
    // Pagefind weighs each way of writing a concept by its own rarity, which would rank a page that
    // uses a rare synonym above one that uses the common word; every alternative is weighed as the
    // concept instead.
    const scale = Math.min(1, (rarity[concept] ?? 0) / inverseDocumentFrequency(totalPages, hits.length));
    for (const hit of hits) {
      const score = hit.score * scale;
      const seen = pages.get(hit.id);
      if (!seen) pages.set(hit.id, { score, words: new Set(hit.words), result: hit.result });
      else {
        for (const word of hit.words) seen.words.add(word);
        if (score > seen.score) Object.assign(seen, { score, result: hit.result });
      }
    }
  }
  const totalRarity = rarity.reduce((sum, value) => sum + value, 0);
  const ranked = new Map<string, RankedPage<R> & { sum: number; rarity: number; best: number }>();
  perConcept.forEach((pages, concept) => {
    for (const [id, hit] of pages) {
      const page = ranked.get(id) ?? { id, score: 0, matched: [], words: [], result: hit.result, sum: 0, rarity: 0, best: -Infinity };
      page.matched.push(concept);
      page.words.push(...hit.words);
      page.sum += hit.score;
      page.rarity += rarity[concept] ?? 0;
      // The page's fragment is loaded through its best-scoring result.
      if (hit.score > page.best) Object.assign(page, { best: hit.score, result: hit.result });
      ranked.set(id, page);
    }
  });
  return [...ranked.values()]
    .map(({ id, matched, words, result, sum, rarity: matchedRarity }) => {
      const coverage = totalRarity > 0 ? matchedRarity / totalRarity : 1;
      return { id, matched, words: [...new Set(words)].sort((a, b) => a - b), result, score: sum * coverage ** weights.coverage };
    })
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** How rare each concept is: the inverse document frequency of the pages that match any way of writing it. */
export function conceptRarity(conceptCount: number, alternatives: readonly AlternativeHits<unknown>[], totalPages: number): number[] {
  return Array.from({ length: conceptCount }, (_, concept) => {
    const pages = new Set(alternatives.filter((alternative) => alternative.concept === concept).flatMap(({ hits }) => hits.map((hit) => hit.id)));
    return inverseDocumentFrequency(totalPages, pages.size);
  });
}

/**
 * Words as the second ranking stage compares them: the query's and the page's title and description
 * reduced to their Porter stems, so "monitoring" in a question meets "Monitoring" and "monitor" in a title.
 */
export type Stem = (word: string) => string;

/**
 * Porter's stemmer cuts some words of one family at different places ("deliver" to "deliv",
 * "deliverables" to "deliver"), so a stem of at least this many letters also names a word whose stem
 * starts with it. Shorter stems must match exactly: "ml" must not name "mlops".
 */
export const STEM_PREFIX_LENGTH = 5;

/**
 * The factor by which a page's title, description and other named fields raise it: for each field, the
 * share of the question's rarity that the field names (every word of one of a concept's alternatives,
 * by stem), squared so that naming the whole question counts far more than naming one common word,
 * times the field's weight. A field of several texts (the glossary terms a page covers) counts by the
 * text that names the most. Pagefind also boosts title matches, but counts a word that merely starts
 * with a query word ("MLOps" for "ML") once for every such word; this stage matches whole words, or
 * stems of STEM_PREFIX_LENGTH letters or more of which one starts with the other.
 */
export function fieldFactor(
  concepts: readonly { alternatives: readonly string[] }[],
  rarity: readonly number[],
  fields: Readonly<Record<string, readonly string[]>>,
  weights: Readonly<Record<string, number>>,
  stem: Stem,
): number {
  const total = rarity.reduce((sum, value) => sum + value, 0);
  if (total === 0) return 1;
  const queryStems = concepts.map((concept) => concept.alternatives.map((alternative) => alternative.split(' ').map(stem)));
  const coverage = (text: string) => {
    const words = new Set(text.split(' ').map(stem));
    const names = (queryStem: string) => words.has(queryStem) || [...words].some((word) => sameFamily(queryStem, word));
    const named = queryStems.reduce((sum, alternatives, index) => (alternatives.some((stems) => stems.every(names)) ? sum + (rarity[index] ?? 0) : sum), 0);
    return named / total;
  };
  let factor = 1;
  for (const [name, texts] of Object.entries(fields)) {
    const weight = weights[name] ?? 0;
    if (weight === 0 || texts.length === 0) continue;
    factor += weight * Math.max(...texts.map(coverage)) ** 2;
  }
  return factor;
}

/** Whether two stems of STEM_PREFIX_LENGTH letters or more are one word family, the shorter starting the longer. */
const sameFamily = (a: string, b: string): boolean => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= STEM_PREFIX_LENGTH && long.startsWith(short);
};

/** Okapi BM25's inverse document frequency, the one Pagefind scores with: near 0 for a word on every page. */
export function inverseDocumentFrequency(totalPages: number, pagesWithTerm: number): number {
  return Math.log(1 + (totalPages - pagesWithTerm + 0.5) / (pagesWithTerm + 0.5));
}
