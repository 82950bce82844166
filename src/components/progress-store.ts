/**
 * Reading progress, kept in localStorage under one key as a set of "checklist/item" strings so that it
 * survives renames of pages and can be exported and imported as a small JSON file.
 */

export const STORAGE_KEY = 'mle-wiki:progress:v1';
export const EXPORT_FORMAT = 'mle-wiki-progress';

export const progressKey = (checklistId: string, itemId: string): string => `${checklistId}/${itemId}`;

export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  done: string[];
}

export function parseStoredProgress(raw: string | null): Set<string> {
  if (!raw) return new Set();
  try {
    const value: unknown = JSON.parse(raw);
    return new Set(Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  } catch {
    return new Set();
  }
}

export function serialiseProgress(done: ReadonlySet<string>): string {
  return JSON.stringify([...done].sort());
}

export function toExport(done: ReadonlySet<string>, now: Date): ProgressExport {
  return { format: EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), done: [...done].sort() };
}

export type ImportResult = { ok: true; done: Set<string> } | { ok: false; reason: string };

/** Validates an imported file; a wrong file is refused with a reason and never overwrites progress. */
export function parseImport(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not JSON' };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, reason: 'the file is not a progress export of this wiki' };
  }
  const done = (value as { done?: unknown }).done;
  if (!Array.isArray(done) || !done.every((item) => typeof item === 'string' && /^[a-z0-9-]+\/[a-z0-9-]+$/.test(item))) {
    return { ok: false, reason: 'the list of done items is malformed' };
  }
  return { ok: true, done: new Set(done as string[]) };
}
