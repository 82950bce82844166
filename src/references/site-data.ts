import type { Checklist } from '../schemas/checklist.ts';
import type { Episode } from '../schemas/episode.ts';
import type { Kpi } from '../schemas/kpi.ts';
import type { Source } from '../schemas/source.ts';

/** The validated data collections that pages refer to and that generated pages are made from. */
export interface SiteData {
  episodes: ReadonlyMap<string, Episode>;
  sources: ReadonlyMap<string, Source>;
  kpis: readonly Kpi[];
  checklists: ReadonlyMap<string, Checklist>;
}

export const EMPTY_SITE_DATA: SiteData = { episodes: new Map(), sources: new Map(), kpis: [], checklists: new Map() };
