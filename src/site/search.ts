/**
 * The search's settings, declared once for the search dialog (which runs in the browser, so this file
 * imports nothing), the index metadata (SearchMeta.astro), the relevance test and the bench.
 */

/**
 * What a page is, as the search ranks it. A `topic` page explains a subject and is what a question
 * should find first; a `list` page (the glossary, the tools directory, the episode list) names many
 * subjects in passing; an `entry` is one term or KPI of a directory; an `episode` is the notes on one
 * podcast conversation; a `contributor` page is for people changing the wiki, not reading it.
 */
export const SEARCH_PAGE_KINDS = ['topic', 'list', 'entry', 'episode', 'contributor'] as const;
export type SearchPageKind = (typeof SEARCH_PAGE_KINDS)[number];

/**
 * Besides its title under its kind (so each kind of title weighs what SEARCH_RANKING gives it), a topic
 * page gives the index its description, which says in a sentence what the page answers.
 */
export const DESCRIPTION_FIELD = 'description';

/**
 * A topic page also gives the index the glossary terms (with their other names) whose `see` sends
 * readers to it, separated by TERMS_SEPARATOR: a learner who asks about a term often wants the page that
 * explains it, and that page may say the term less often than the term's short definition does.
 */
export const TERMS_FIELD = 'terms';
export const TERMS_SEPARATOR = ';';

/** The filter that marks pages for contributors; the search leaves them out unless the reader asks. */
export const AUDIENCE_FILTER = 'audience';
export const CONTRIBUTORS_FILTER_VALUE = 'contributors';
/** The Pagefind filter of the default results: every page that is not for contributors. */
export const READER_FILTERS = { not: { [AUDIENCE_FILTER]: CONTRIBUTORS_FILTER_VALUE } } as const;
/** The filter that says which section a page belongs to, with the section's label as its value. */
export const SECTION_FILTER = 'section';

/**
 * How Pagefind ranks pages, declared once: the search dialog passes it to Pagefind, and the relevance
 * test and the bench run the same search with it. Pagefind's own title boost is off (`title: 0`): each
 * kind of page weighs its title through its own field instead, so a topic page's title counts far more
 * than an episode's. Every figure was chosen by measuring the tuning questions of the relevance test set
 * (src/content/search/questions/) with `npm run bench`; change one only with the figures in hand.
 */
export const SEARCH_RANKING = {
  pageLength: 0.1,
  termFrequency: 1,
  termSaturation: 2,
  termSimilarity: 9,
  metaWeights: { title: 0, topic: 8, list: 8, entry: 6, episode: 0.5, contributor: 2, [DESCRIPTION_FIELD]: 4, [TERMS_FIELD]: 4 } satisfies Record<SearchPageKind | 'title' | typeof DESCRIPTION_FIELD | typeof TERMS_FIELD, number>,
} as const;

/** How the dialog combines the concepts of a question and weighs the first pages again (see RankingWeights). */
export const SEARCH_WEIGHTS = {
  coverage: 1.5,
  fields: { title: 4, description: 4, [TERMS_FIELD]: 4 },
  phrases: 1,
  kinds: { topic: 1, list: 1, entry: 1, episode: 1, contributor: 1 } satisfies Record<SearchPageKind, number>,
  rerank: 12,
};
