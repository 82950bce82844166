import type { Checklist } from '../schemas/checklist.ts';
import type { Episode } from '../schemas/episode.ts';
import type { GlossaryTerm } from '../schemas/glossary.ts';
import type { Kpi } from '../schemas/kpi.ts';
import type { Resource } from '../schemas/resource.ts';
import type { SearchQuestion, SearchVocabulary } from '../schemas/search.ts';
import type { Source } from '../schemas/source.ts';
import type { Tool } from '../schemas/tool.ts';

/** The validated data collections that pages refer to and that generated pages are made from. */
export interface SiteData {
  episodes: ReadonlyMap<string, Episode>;
  sources: ReadonlyMap<string, Source>;
  kpis: readonly Kpi[];
  checklists: ReadonlyMap<string, Checklist>;
  /** The tools directory, in reading order. */
  tools: readonly Tool[];
  /** The glossary, in the order of its file. */
  glossary: readonly GlossaryTerm[];
  /** Learning resources outside the wiki, each listed on the pages it names. */
  resources: readonly Resource[];
  /** The words the search reads specially: function words, synonyms and spelling variants. */
  searchVocabulary: SearchVocabulary;
  /** The search's relevance test set: questions in learners' words, each with the page it must find. */
  searchQuestions: readonly SearchQuestion[];
  /**
   * Files that exist but failed validation, as "episodes/<slug>" or "sources/<id>". References to them
   * are not reported again: the data-invalid problem of the file itself is the one to fix.
   */
  invalid: ReadonlySet<string>;
}

/** The collections (`tools`, `kpis`, `episodes`…) with at least one invalid file. */
export function invalidCollections(data: SiteData): Set<string> {
  const kinds = new Set<string>();
  for (const entry of data.invalid) kinds.add(entry.slice(0, entry.indexOf('/')));
  return kinds;
}
