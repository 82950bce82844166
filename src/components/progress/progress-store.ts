/**
 * Reading progress: what a reader has marked on the site's checklists, kept in localStorage under one
 * key as a map from item key to state. Pure functions only; progress-client.ts does the reading and
 * writing, progress-file.ts the export and import, which only pages with those buttons load.
 *
 * An item key is "checklist/item" for a roadmap stage or MLOps phase (src/content/checklists/) and
 * "page/id#task" for a task list written in a page. An item with no entry has not been started.
 */

import { progressKey } from '../../site/progress-keys.ts';

export const STORAGE_KEY = 'mle-wiki:progress:v2';
/** Version 1 stored only the done items, as an array of keys; it is read once and carried over. */
export const LEGACY_STORAGE_KEY = 'mle-wiki:progress:v1';

export const ITEM_STATES = ['done', 'in-progress', 'skipped'] as const;
export type ItemState = (typeof ITEM_STATES)[number];
/** A state a reader can pick, including "not started", which is stored as no entry at all. */
export type ItemStatus = ItemState | 'todo';
export type Progress = ReadonlyMap<string, ItemState>;

export const STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  todo: 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

export { progressKey };
/** Checklist keys start with this; task keys (with a "#") never count towards a checklist. */
const checklistPrefix = (checklistId: string): string => `${checklistId}/`;

/**
 * A stored key: "checklist/item" or "page/id#task", where the task part is whatever github-slugger
 * makes of the item's words (any letters, marks, digits, connectors). Whitespace, control characters
 * and HTML's special characters are refused and the length is bounded, so an import cannot bring junk.
 */
export const KEY_PATTERN = /^[^\s\p{Cc}<>"'&]{1,300}$/u;
const isItemState = (value: unknown): value is ItemState => (ITEM_STATES as readonly unknown[]).includes(value);

/** The stored progress, or the version 1 list carried over as done items; anything unreadable is no progress. */
export function parseStoredProgress(stored: string | null, legacy: string | null = null): Map<string, ItemState> {
  if (stored !== null) return readItems(parseJson(stored)) ?? new Map();
  const done = parseJson(legacy);
  return new Map(Array.isArray(done) ? done.filter((key): key is string => typeof key === 'string').map((key) => [key, 'done']) : []);
}

export function serialiseProgress(progress: Progress): string {
  return JSON.stringify({ version: 2, items: sortedRecord(progress) });
}

/** The progress with one item set to a status; "todo" removes the item's entry. */
export function withStatus(progress: Progress, key: string, status: ItemStatus): Map<string, ItemState> {
  const next = new Map(progress);
  if (status === 'todo') next.delete(key);
  else next.set(key, status);
  return next;
}

export const statusOf = (progress: Progress, key: string): ItemStatus => progress.get(key) ?? 'todo';

/** The progress without any item of one checklist. */
export function withoutChecklist(progress: Progress, checklistId: string): Map<string, ItemState> {
  return new Map([...progress].filter(([key]) => !isChecklistKey(key, checklistId)));
}

const isChecklistKey = (key: string, checklistId: string): boolean => key.startsWith(checklistPrefix(checklistId)) && !key.includes('#');

export interface ProgressSummary {
  total: number;
  done: number;
  inProgress: number;
  skipped: number;
}

/** How far a reader is through a list of items. */
export function summarise(progress: Progress, keys: readonly string[]): ProgressSummary {
  const summary: ProgressSummary = { total: keys.length, done: 0, inProgress: 0, skipped: 0 };
  for (const key of keys) count(summary, progress.get(key));
  return summary;
}

/**
 * How far a reader is through a checklist known only by its id and size (the sidebar and the overview
 * pages): its stored keys are counted, never more than the checklist holds.
 */
export function summariseChecklist(progress: Progress, checklistId: string, total: number): ProgressSummary {
  const summary: ProgressSummary = { total, done: 0, inProgress: 0, skipped: 0 };
  for (const [key, state] of progress) if (isChecklistKey(key, checklistId)) count(summary, state);
  // Keys of items since removed from the file can outnumber the items; never report more than exist.
  summary.done = Math.min(summary.done, total);
  summary.inProgress = Math.min(summary.inProgress, total - summary.done);
  summary.skipped = Math.min(summary.skipped, total - summary.done - summary.inProgress);
  return summary;
}

function count(summary: ProgressSummary, state: ItemState | undefined): void {
  if (state === 'done') summary.done += 1;
  else if (state === 'in-progress') summary.inProgress += 1;
  else if (state === 'skipped') summary.skipped += 1;
}

export function addSummaries(summaries: readonly ProgressSummary[]): ProgressSummary {
  return summaries.reduce((sum, s) => ({ total: sum.total + s.total, done: sum.done + s.done, inProgress: sum.inProgress + s.inProgress, skipped: sum.skipped + s.skipped }), {
    total: 0,
    done: 0,
    inProgress: 0,
    skipped: 0,
  });
}

/** "3 of 12 done, 1 in progress, 2 skipped": the words next to every progress bar. */
export function describeSummary(summary: ProgressSummary): string {
  const parts = [`${summary.done} of ${summary.total} done`];
  if (summary.inProgress > 0) parts.push(`${summary.inProgress} in progress`);
  if (summary.skipped > 0) parts.push(`${summary.skipped} skipped`);
  return parts.join(', ');
}

/** What a progress bar shows: skipped items are out of the count, so a list is complete once the rest are done. */
export function completion(summary: ProgressSummary): { value: number; max: number } {
  const relevant = summary.total - summary.skipped;
  return relevant > 0 ? { value: summary.done, max: relevant } : { value: summary.total > 0 ? 1 : 0, max: 1 };
}

export const isComplete = (summary: ProgressSummary): boolean => summary.total > 0 && summary.done + summary.skipped === summary.total;
export const isStarted = (summary: ProgressSummary): boolean => summary.done + summary.inProgress + summary.skipped > 0;

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The items of a version 2 record, or undefined when it is not one; unknown keys or states refuse it whole. */
/**
 * The items of a version 2 record. Stored progress keeps every entry it can read, so one bad key never
 * takes the reader's other progress with it; an imported file (`strict`) is refused whole instead.
 */
export function readItems(value: unknown, options: { strict?: boolean } = {}): Map<string, ItemState> | undefined {
  if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== 2) return undefined;
  const items = (value as { items?: unknown }).items;
  if (typeof items !== 'object' || items === null || Array.isArray(items)) return undefined;
  const entries = Object.entries(items);
  const readable = entries.filter((entry): entry is [string, ItemState] => KEY_PATTERN.test(entry[0]) && isItemState(entry[1]));
  if (options.strict && readable.length !== entries.length) return undefined;
  return new Map(readable);
}

export const sortedRecord = (progress: Progress): Record<string, ItemState> => Object.fromEntries([...progress].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
