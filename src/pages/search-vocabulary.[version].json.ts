import type { APIRoute, GetStaticPaths } from 'astro';
import { searchVocabularyFile } from '../components/search/vocabulary-file.ts';
import { siteData } from '../site/site.ts';

/** The search vocabulary (function words, synonyms, spellings) for the search box; see vocabulary-file.ts. */
export const getStaticPaths = (() => {
  const { path } = searchVocabularyFile(siteData().data.searchVocabulary);
  return [{ params: { version: path.replace(/^search-vocabulary\.|\.json$/g, '') } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = () => new Response(searchVocabularyFile(siteData().data.searchVocabulary).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
