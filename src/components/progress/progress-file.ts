import { isStarted, KEY_PATTERN, readItems, sortedRecord, summarise, type ItemState, type Progress, type ProgressSummary } from './progress-store.ts';

/**
 * Progress as a file: the export a reader downloads, the import that reads it back (merged with what is
 * saved, or replacing it), and the words of the import and reset dialogs. Pure functions only.
 */

export const EXPORT_FORMAT = 'mle-wiki-progress';

export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: 2;
  exportedAt: string;
  items: Record<string, ItemState>;
}

export function toExport(progress: Progress, now: Date): ProgressExport {
  return { format: EXPORT_FORMAT, version: 2, exportedAt: now.toISOString(), items: sortedRecord(progress) };
}

export type ImportResult = { ok: true; items: Map<string, ItemState>; exportedAt: string | undefined } | { ok: false; reason: string };

/**
 * The most an import may hold, and the most progress a reader may keep. The wiki has a few hundred
 * checklist and task items; a file far beyond that is not an export of it, and would not fit the few
 * megabytes a browser gives a site's storage.
 */
export const MAX_IMPORT_BYTES = 1_000_000;
export const MAX_PROGRESS_ITEMS = 5_000;

/** Why a file of `bytes` bytes is refused before it is read, or undefined when its size is fine. */
export function importSizeProblem(bytes: number): string | undefined {
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  return `the file is ${formatSize(bytes)}, more than the ${formatSize(MAX_IMPORT_BYTES)} a progress export of this wiki can be`;
}

const formatSize = (bytes: number): string => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`);

/** Why keeping `count` items is refused, or undefined. */
export function itemCountProblem(count: number, what = 'the file holds'): string | undefined {
  if (count <= MAX_PROGRESS_ITEMS) return undefined;
  return `${what} ${count.toLocaleString('en')} items, more than the ${MAX_PROGRESS_ITEMS.toLocaleString('en')} progress can keep (the wiki has a few hundred)`;
}

/**
 * Validates an imported file (version 2, or a version 1 file that lists done items); a wrong file is
 * refused with a reason and never changes progress. So is a file too big to be an export of this wiki.
 */
export function parseImport(text: string): ImportResult {
  const tooBig = importSizeProblem(text.length);
  if (tooBig) return { ok: false, reason: tooBig };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not JSON' };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, reason: 'the file is not a progress export of this wiki' };
  }
  const file = value as { done?: unknown; items?: unknown; exportedAt?: unknown };
  const exportedAt = typeof file.exportedAt === 'string' ? file.exportedAt : undefined;
  if ('items' in file) {
    const count = typeof file.items === 'object' && file.items !== null ? Object.keys(file.items).length : 0;
    const tooMany = itemCountProblem(count);
    if (tooMany) return { ok: false, reason: tooMany };
    const items = readItems({ version: 2, items: file.items }, { strict: true });
    return items ? { ok: true, items, exportedAt } : { ok: false, reason: 'the list of items is malformed' };
  }
  const done = file.done;
  const tooMany = Array.isArray(done) ? itemCountProblem(done.length) : undefined;
  if (tooMany) return { ok: false, reason: tooMany };
  if (!Array.isArray(done) || !done.every((key) => typeof key === 'string' && KEY_PATTERN.test(key))) {
    return { ok: false, reason: 'the list of done items is malformed' };
  }
  return { ok: true, items: new Map(done.map((key: string) => [key, 'done'])), exportedAt };
}

/** Merging keeps everything the reader has and takes the file's state wherever the file names an item. */
export function mergeProgress(current: Progress, incoming: Progress): Map<string, ItemState> {
  return new Map([...current, ...incoming]);
}

export interface ImportPreview {
  /** What the file holds. */
  file: ProgressSummary;
  /** Items the file would add to the reader's progress. */
  added: number;
  /** Items both have, in a different state; the file's state wins when merging. */
  changed: number;
  /** Items only the reader has: kept by a merge, lost by a replace. */
  onlyCurrent: number;
}

/** The counts the import dialog shows before the reader chooses to merge or replace. */
export function previewImport(current: Progress, incoming: Progress): ImportPreview {
  let added = 0;
  let changed = 0;
  for (const [key, state] of incoming) {
    const mine = current.get(key);
    if (mine === undefined) added += 1;
    else if (mine !== state) changed += 1;
  }
  const onlyCurrent = [...current.keys()].filter((key) => !incoming.has(key)).length;
  return { file: summarise(incoming, [...incoming.keys()]), added, changed, onlyCurrent };
}

/** "10 done, 3 in progress and 1 skipped": the saved states of a summary, in words. */
export function describeStates(summary: ProgressSummary): string {
  const parts = [
    [summary.done, 'done'],
    [summary.inProgress, 'in progress'],
    [summary.skipped, 'skipped'],
  ]
    .filter(([count]) => Number(count) > 0)
    .map(([count, state]) => `${count} ${state}`);
  if (parts.length === 0) return 'nothing marked';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

const items = (count: number): string => `${count} ${count === 1 ? 'item' : 'items'}`;

/** What the reset dialog says will be cleared. */
export function describeReset(summary: ProgressSummary): string {
  if (!isStarted(summary)) return 'Nothing is saved for this checklist yet, so there is nothing to clear.';
  return `This clears what you marked on its ${items(summary.total)}: ${describeStates(summary)}. It cannot be undone; export your progress first if you want a copy.`;
}

/** What the import dialog says before the reader chooses to merge or replace. */
export function describeImport(preview: ImportPreview): string {
  const holds = `The file holds ${items(preview.file.total)}: ${describeStates(preview.file)}.`;
  const merge = `Merging adds ${items(preview.added)}, changes ${items(preview.changed)} to the state in the file and keeps everything else you marked.`;
  const replace = preview.onlyCurrent > 0 ? `Replacing also clears the ${items(preview.onlyCurrent)} that only you have marked.` : 'Replacing keeps only what the file holds.';
  return `${holds} ${merge} ${replace}`;
}

