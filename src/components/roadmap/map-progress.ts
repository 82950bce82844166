import { addSummaries, summarise, type Progress, type ProgressSummary } from '../progress/progress-store.ts';

/**
 * Where a reader is on a map, from their saved progress: the stage they are working on and the next
 * item to open. Pure, so the home page's "Continue" block (map-entries.ts) and the tests share it.
 */

/** One item of a map as the browser needs it, in the map's reading order. */
export interface EntryItem {
  /** The progress key, `checklist/item`. */
  key: string;
  label: string;
  /** The address of the item's panel on its map. */
  href: string;
  /** The index of the item's stage on the map. */
  stage: number;
  /** Keys of the items listed in its `after`: they come first. */
  after: string[];
}

export interface EntryStage {
  title: string;
  keys: string[];
}

export interface MapPosition {
  /** Whether the reader has marked any item of the map. */
  started: boolean;
  summary: ProgressSummary;
  /** The stage the next item belongs to; the last stage once nothing is left open. */
  stage: number;
  /** The item to open next, or undefined when every item is done or skipped. */
  next: EntryItem | undefined;
}

/**
 * The next item is the first one in progress, in reading order; failing that, the first not started
 * whose `after` items are all done or skipped; failing that, the first not started.
 */
export function mapPosition(items: readonly EntryItem[], stages: readonly EntryStage[], progress: Progress): MapPosition {
  const summary = addSummaries(stages.map((stage) => summarise(progress, stage.keys)));
  const started = items.some((item) => progress.has(item.key));
  const settled = (key: string) => progress.get(key) === 'done' || progress.get(key) === 'skipped';
  const open = items.filter((item) => !settled(item.key));
  const next = open.find((item) => progress.get(item.key) === 'in-progress') ?? open.find((item) => item.after.every(settled)) ?? open[0];
  return { started, summary, stage: next?.stage ?? Math.max(0, stages.length - 1), next };
}
