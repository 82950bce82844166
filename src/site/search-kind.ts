import type { Audience } from '../schemas/page.ts';
import { GENERATED_ROUTES, GLOSSARY_PAGE_ID, PODCAST_INDEX_ID, TOOLS_PAGE_ID } from './generated-pages.ts';
import type { GlossaryTerm } from '../schemas/glossary.ts';
import type { PageEntry } from './page.ts';
import { pageIdOfUrl } from './routes.ts';
import type { SearchPageKind } from './search.ts';

/** Written pages whose main content is a directory rendered from data. */
const LIST_PAGE_IDS: ReadonlySet<string> = new Set([GLOSSARY_PAGE_ID, TOOLS_PAGE_ID, PODCAST_INDEX_ID]);
const ENTRY_ROUTES: ReadonlySet<string> = new Set([GENERATED_ROUTES.kpi, GENERATED_ROUTES.term]);

/** The kind of a page for the search (see SEARCH_PAGE_KINDS), from the route that renders it and its audience. */
export function searchPageKind(page: Pick<PageEntry, 'id' | 'source'>, audience: Audience): SearchPageKind {
  if (audience === 'contributors') return 'contributor';
  if (page.source === GENERATED_ROUTES.episode) return 'episode';
  if (ENTRY_ROUTES.has(page.source)) return 'entry';
  if (LIST_PAGE_IDS.has(page.id)) return 'list';
  return 'topic';
}

/** The id of the written page a glossary term's entry sends readers to (its `see`, without the heading). */
export const termCoveringPageId = (term: Pick<GlossaryTerm, 'see'>): string => pageIdOfUrl(term.see.replace(/[?#].*$/, ''));
