/**
 * How the search box ranks pages, declared once: Starlight passes it to Pagefind's interface, and the
 * findability test runs Pagefind's search with the same weights. A low page-length weight keeps long
 * reference pages (the glossary, the tools directory) from sinking below short ones for their own terms.
 */
export const SEARCH_RANKING = {
  pageLength: 0.1,
  termFrequency: 0.1,
  termSaturation: 2,
  termSimilarity: 9,
} as const;
