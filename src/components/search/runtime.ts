/**
 * What the search dialog loads when it first opens, as one module: the query, ranking, excerpt and
 * result code stays out of the JavaScript every page loads.
 */
export { countPages, searchSite } from './engine.ts';
export { pageExcerpts } from './excerpt.ts';
export { compileVocabulary } from './query.ts';
export { contributorsOffer, resultItem } from './result-item.ts';
