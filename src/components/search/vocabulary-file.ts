import { createHash } from 'node:crypto';
import type { SearchVocabulary } from '../../schemas/search.ts';
import { vocabularyData } from './query.ts';

/**
 * The search vocabulary as the file the search box loads when it opens. Its name carries a hash of its
 * content, so a changed vocabulary is a new file that no browser cache serves stale.
 */
export function searchVocabularyFile(vocabulary: SearchVocabulary): { path: string; body: string } {
  const body = JSON.stringify(vocabularyData(vocabulary));
  return { path: `search-vocabulary.${createHash('sha256').update(body).digest('hex').slice(0, 12)}.json`, body };
}
