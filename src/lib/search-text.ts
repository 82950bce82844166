/**
 * The copy of a page that the search indexer reads. Built pages have no whitespace between tags, and
 * Pagefind separates the text of only a few block elements (p, li, td, div, headings); the text of two
 * neighbouring table headers, definition terms, card titles or a time and its note runs together in
 * its excerpts ("What it measuresProportion"). A space between an end tag and the start tag that
 * follows it keeps those words apart. An element the index ignores gets none, or the space would stand
 * alone where it was ("17:04 )"). The copy is read by the indexer only: what readers get is unchanged.
 */
export function separateTagsForSearch(html: string): string {
  return html.replace(/(<\/[a-zA-Z][\w-]*\s*>)(?=<[a-zA-Z](?![^>]*data-pagefind-ignore))/g, '$1 ');
}

/** Punctuation, which Pagefind drops from a query before it searches (dashes, brackets, quotes, "/", "."). */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;
const COMBINING_MARKS = /\p{M}/gu;

/**
 * The words of a text as Pagefind's search reads a query: lowercased, punctuation dropped (so "A/B"
 * is "ab" and "fine-tuning" is "finetuning"), accents stripped, split at whitespace. Words compared in
 * this form match exactly when Pagefind would treat them as the same query word.
 */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(PUNCTUATION, '')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .split(/\s+/)
    .filter((word) => word.length > 0);
}
