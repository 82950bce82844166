import { TRACK_IDS, type Track } from '../schemas/checklist.ts';
import { KPI_CATEGORIES } from '../schemas/kpi.ts';
import { learningMap, learningMaps, MAP_ENTRIES_TITLE_ID, mapAnchor, mapEntryId, mapNodeAnchor, mapPanelTitleId, mapStageAnchor } from './learning-maps.ts';
import type { SiteData } from './site-data.ts';
import { kpiAnchor, kpiCategoryAnchor, termAnchor, toolAnchor } from './generated-pages.ts';

/**
 * Ids that MDX components render on the page that uses them, declared once: each component builds its
 * ids with these functions, and the checker adds them to the anchors of every page that uses it.
 */

export const checklistHeadingId = (checklistId: string): string => `checklist-${checklistId}`;
/** The heading of the home page's row of start paths. */
export const START_PATHS_TITLE_ID = 'start-paths-title';

/** The letter a glossary term is filed under; terms that do not start with a letter go under "#". */
export function glossaryLetter(term: string): string {
  const first = term.normalize('NFD').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}
export const glossaryLetterId = (letter: string): string => `glossary-letter-${letter === '#' ? 'other' : letter.toLowerCase()}`;
export const checklistGroupId = (checklistId: string, groupId: string): string => `${checklistId}--${groupId}`;
export const checklistItemId = (checklistId: string, itemId: string): string => `${checklistId}--${itemId}`;

type AnchorsOf = (props: Readonly<Record<string, string>>, data: SiteData) => string[];

/**
 * The data files each component renders its ids from, as entries of `SiteData.invalid` ("tools/…") or
 * a whole collection ("tools"): while one of them is invalid, the ids the component renders are unknown.
 */
export const COMPONENT_DATA: Readonly<Record<string, (props: Readonly<Record<string, string>>) => string>> = {
  KpiExplorer: () => 'kpis',
  ToolsDirectory: () => 'tools',
  Glossary: () => 'glossary',
  ProgressChecklist: (props) => `checklists/${props['id'] ?? ''}`,
};

/** Whether a component used with these props renders ids from a data file that is invalid now. */
export function readsInvalidData(name: string, props: Readonly<Record<string, string>>, data: SiteData): boolean {
  const needs = COMPONENT_DATA[name]?.(props);
  if (needs === undefined) return false;
  if (needs.includes('/')) return data.invalid.has(needs);
  return [...data.invalid].some((entry) => entry.startsWith(`${needs}/`));
}

export const COMPONENT_ANCHORS: Readonly<Record<string, AnchorsOf>> = {
  KpiExplorer: (_props, data) => [
    ...data.kpis.map((kpi) => kpiAnchor(kpi.id)),
    ...KPI_CATEGORIES.filter((category) => data.kpis.some((kpi) => kpi.category === category)).map(kpiCategoryAnchor),
  ],
  ToolsDirectory: (_props, data) => data.tools.map((tool) => toolAnchor(tool.id)),
  Glossary: (_props, data) => [
    ...new Set(data.glossary.map((term) => glossaryLetterId(glossaryLetter(term.term)))),
    ...data.glossary.map((term) => termAnchor(term.id)),
  ],
  RoadmapMap: (props, data) => {
    const track = props['track'] as Track;
    if (!TRACK_IDS.includes(track)) return [];
    const map = learningMap(data.checklists, track);
    return [
      mapAnchor(track),
      ...map.stages.map((stage) => mapStageAnchor(track, stage.checklistId)),
      ...map.items.flatMap((entry) => [mapNodeAnchor(entry.item.id), mapPanelTitleId(entry.item.id)]),
    ];
  },
  MapEntries: (_props, data) => [MAP_ENTRIES_TITLE_ID, ...learningMaps(data.checklists).map((map) => mapEntryId(map.track))],
  StartPaths: () => [START_PATHS_TITLE_ID],
  ProgressChecklist: (props, data) => {
    const id = props['id'] ?? '';
    const checklist = data.checklists.get(id);
    if (!checklist) return [];
    return [checklistHeadingId(id), ...checklist.groups.flatMap((group) => [checklistGroupId(id, group.id), ...group.items.map((item) => checklistItemId(id, item.id))])];
  },
};
