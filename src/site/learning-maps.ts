import { closest } from 'fastest-levenshtein';
import type { Position } from '../lib/position.ts';
import { problem, type Problem } from '../rules/problem.ts';
import { TRACK_IDS, TRACKS, type Checklist, type ChecklistGroup, type ChecklistItem, type Track } from '../schemas/checklist.ts';
import { progressKey } from './progress-keys.ts';
import { pagePath, trimSlashes } from './routes.ts';

/**
 * The learning maps: each track's checklists read as one map, stage after stage, each stage's groups
 * side by side and each group's items in their order. The map component, the progress overviews, the
 * home page's "Continue" block and the checker all read the maps through this module, so an item has
 * one node id, one place in the reading order and one "next" wherever it appears.
 */

export interface MapItem {
  /** The item's key in the reader's saved progress: `<checklist id>/<item id>`. */
  key: string;
  item: ChecklistItem;
  checklistId: string;
  groupId: string;
  /** The stage's place on the map, from 0. */
  stageIndex: number;
}

export interface MapGroup {
  group: ChecklistGroup;
  /** The group's items, each after the items it names in `after`, otherwise in the order of the file. */
  items: MapItem[];
}

export interface MapStage {
  checklistId: string;
  checklist: Checklist;
  groups: MapGroup[];
}

export interface LearningMap {
  track: Track;
  title: string;
  /** The page the map is drawn on. */
  pageId: string;
  stages: MapStage[];
  /** Every item once, in reading order: stage by stage, group by group. */
  items: MapItem[];
}

/** The id of an item's node and panel on its map page: `/roadmap/#node-python-basics`. */
export const mapNodeAnchor = (itemId: string): string => `node-${itemId}`;
/** The id of the heading of an item's panel. */
export const mapPanelTitleId = (itemId: string): string => `${mapNodeAnchor(itemId)}-title`;
/** The id of the map itself on its page. */
export const mapAnchor = (track: Track): string => `map-${track}`;
/** The id of a stage's title on its map. */
export const mapStageAnchor = (track: Track, checklistId: string): string => `${mapAnchor(track)}-${checklistId}`;
/** The ids of the home page's map cards: the block's heading and each card's. */
export const MAP_ENTRIES_TITLE_ID = 'map-entries-title';
export const mapEntryId = (track: Track): string => `map-entry-${track}`;


/**
 * The map of one track from the checklists, in stage order. Ordering data is taken as valid (the
 * checker reports cycles before anything is drawn); an item caught in a cycle keeps its file order.
 */
export function learningMap(checklists: ReadonlyMap<string, Checklist>, track: Track): LearningMap {
  const stages = [...checklists]
    .filter(([, checklist]) => checklist.track === track)
    .sort(([idA, a], [idB, b]) => a.order - b.order || (idA < idB ? -1 : 1))
    .map(([checklistId, checklist], stageIndex): MapStage => ({
      checklistId,
      checklist,
      groups: checklist.groups.map((group) => ({
        group,
        items: inOrder(group.items).map((item) => ({ key: progressKey(checklistId, item.id), item, checklistId, groupId: group.id, stageIndex })),
      })),
    }));
  return { track, title: TRACKS[track].title, pageId: TRACKS[track].page, stages, items: stages.flatMap((stage) => stage.groups.flatMap((group) => group.items)) };
}

/** Every track that has at least one stage, in the order the tracks are declared. */
export function learningMaps(checklists: ReadonlyMap<string, Checklist>): LearningMap[] {
  return TRACK_IDS.map((track) => learningMap(checklists, track)).filter((map) => map.stages.length > 0);
}

/** The items of a group with each one after those it names in `after`, and otherwise in file order. */
function inOrder(items: readonly ChecklistItem[]): ChecklistItem[] {
  const placed = new Set<string>();
  const ordered: ChecklistItem[] = [];
  const ids = new Set(items.map((item) => item.id));
  while (ordered.length < items.length) {
    const ready = items.find((item) => !placed.has(item.id) && (item.after ?? []).every((id) => placed.has(id) || !ids.has(id)));
    // A cycle leaves no item ready: the rest keep their file order (the checker has reported it).
    const next = ready ?? items.find((item) => !placed.has(item.id))!;
    placed.add(next.id);
    ordered.push(next);
  }
  return ordered;
}

/** An item's `page` taken apart: the page id and the heading id after `#`, if any. */
export function itemPageTarget(page: string): { pageId: string; anchor: string | undefined } {
  const hash = page.indexOf('#');
  return hash === -1 ? { pageId: trimSlashes(page), anchor: undefined } : { pageId: trimSlashes(page.slice(0, hash)), anchor: page.slice(hash + 1) };
}

/** Where an item's page is published: `guides/model-monitoring#drift` → `/guides/model-monitoring/#drift`. */
export function itemPagePath(page: string, base = '/'): string {
  const { pageId, anchor } = itemPageTarget(page);
  return anchor === undefined ? pagePath(pageId, base) : `${pagePath(pageId, base)}#${anchor}`;
}

/** A checklist as the map checks read it: its file and a way to find a field's place in it. */
export interface LocatedChecklist {
  checklist: Checklist;
  file: string;
  locate: (path: readonly (string | number)[]) => Position;
}

/**
 * The problems of the maps that the checklist files show by themselves: an item id used twice on a
 * map, two stages of a track at the same place, ordering (`after`) that names no item of the group
 * or goes round in a cycle, an item without the page that teaches it, and an unknown resource.
 */
export function mapProblems(checklists: ReadonlyMap<string, LocatedChecklist>, resourceIds: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const track of TRACK_IDS) {
    // In map order, so that of two stages or items the later one is reported.
    const stages = [...checklists]
      .filter(([, { checklist }]) => checklist.track === track)
      .sort(([a, { checklist: first }], [b, { checklist: second }]) => first.order - second.order || (a < b ? -1 : 1));
    problems.push(...stageOrderProblems(track, stages), ...duplicateProblems(track, stages));
  }
  for (const [, located] of checklists) problems.push(...itemProblems(located, resourceIds));
  return problems;
}

type NamedStage = [string, LocatedChecklist];

function stageOrderProblems(track: Track, stages: readonly NamedStage[]): Problem[] {
  const problems: Problem[] = [];
  const byOrder = new Map<number, LocatedChecklist>();
  for (const [, located] of stages) {
    const { order } = located.checklist;
    const first = byOrder.get(order);
    if (!first) {
      byOrder.set(order, located);
      continue;
    }
    const free = Math.max(...stages.map(([, stage]) => stage.checklist.order)) + 1;
    problems.push(
      problem(
        'map-order-invalid',
        located.file,
        located.locate(['order']),
        `order ${order} is also the order of ${first.file} on the ${TRACKS[track].title} map, so the map cannot tell which stage comes first; give each stage of the track its own order (${free} is free)`,
      ),
    );
  }
  return problems;
}

function duplicateProblems(track: Track, stages: readonly NamedStage[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, { file: string; position: Position }>();
  for (const [, located] of stages) {
    located.checklist.groups.forEach((group, groupIndex) => {
      group.items.forEach((item, itemIndex) => {
        const position = located.locate(['groups', groupIndex, 'items', itemIndex, 'id']);
        const first = seen.get(item.id);
        if (!first) {
          seen.set(item.id, { file: located.file, position });
          return;
        }
        const where = first.file === located.file ? `line ${first.position.line} of this file` : `${first.file}:${first.position.line}`;
        problems.push(
          problem(
            'item-duplicate',
            located.file,
            position,
            `item id "${item.id}" is already used at ${where}; an id names one node of the ${TRACKS[track].title} map (#${mapNodeAnchor(item.id)}) and keys readers' saved progress, so give this item an id of its own`,
          ),
        );
      });
    });
  }
  return problems;
}

function itemProblems({ checklist, file, locate }: LocatedChecklist, resourceIds: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  checklist.groups.forEach((group, groupIndex) => {
    const at = (itemIndex: number, ...path: (string | number)[]) => locate(['groups', groupIndex, 'items', itemIndex, ...path]);
    const groupIds = group.items.map((item) => item.id);
    group.items.forEach((item, itemIndex) => {
      if (item.page === undefined) {
        problems.push(
          problem(
            'item-page-missing',
            file,
            at(itemIndex, 'id'),
            `item "${item.id}" names no page that teaches it; add "page:" with the id of the page, and "#heading" for the section that explains "${item.label}"`,
          ),
        );
      }
      (item.after ?? []).forEach((id, afterIndex) => {
        if (id === item.id) {
          problems.push(problem('map-order-invalid', file, at(itemIndex, 'after', afterIndex), `item "${item.id}" lists itself in "after"; remove it`));
        } else if (!groupIds.includes(id)) {
          const others = groupIds.filter((other) => other !== item.id);
          const hint = others.length > 0 ? `; did you mean "${closest(id, others)}"?` : '';
          problems.push(
            problem('map-order-invalid', file, at(itemIndex, 'after', afterIndex), `"after" names "${id}", which is no item of the group "${group.title}"${hint} An item can only follow items of its own group`),
          );
        }
      });
      (item.resources ?? []).forEach((id, resourceIndex) => {
        if (resourceIds.has(id)) return;
        const hint = resourceIds.size > 0 ? `; did you mean "${closest(id, [...resourceIds])}"?` : '';
        problems.push(problem('resource-missing', file, at(itemIndex, 'resources', resourceIndex), `there is no resource "${id}" in src/content/resources/${hint}`));
      });
    });
    for (const cycle of cycles(group.items)) {
      // The entry that closes the cycle: the last item's "after" naming the first.
      const closing = group.items.findIndex((item) => item.id === cycle.at(-1));
      const afterIndex = group.items[closing]!.after!.indexOf(cycle[0]!);
      problems.push(
        problem(
          'map-order-invalid',
          file,
          at(closing, 'after', afterIndex),
          `"after" goes round in a cycle: ${[...cycle, cycle[0]].join(' → ')} (each item comes after the next), so none of them can come first; remove one of these "after" entries`,
        ),
      );
    }
  });
  return problems;
}

/**
 * The cycles of `after` within a group, each once, as the list of item ids where each item names the
 * next one in its `after`. Self-references are reported on their own and left out here.
 */
export function cycles(items: readonly ChecklistItem[]): string[][] {
  const after = new Map(items.map((item) => [item.id, (item.after ?? []).filter((id) => id !== item.id && items.some((other) => other.id === id))]));
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (id: string): void => {
    if (done.has(id)) return;
    if (onPath.has(id)) {
      found.push(path.slice(path.indexOf(id)));
      return;
    }
    onPath.add(id);
    path.push(id);
    for (const next of after.get(id) ?? []) visit(next);
    path.pop();
    onPath.delete(id);
    done.add(id);
  };
  for (const item of items) visit(item.id);
  return found;
}
