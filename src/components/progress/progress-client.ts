import { LEGACY_STORAGE_KEY, parseStoredProgress, serialiseProgress, STORAGE_KEY, type ItemState, type Progress } from './progress-store.ts';

/** Reading and writing the reader's progress in the browser, and telling every part of the page. */

/** Announces that the stored progress changed, so every checklist, bar and marker on the page redraws. */
const CHANGED = 'mle-wiki:progress-changed';

/** What this visit wrote last: the progress while storage is disabled or full (some private modes). */
let unsaved: Map<string, ItemState> | undefined;

export function readProgress(): Map<string, ItemState> {
  try {
    if (unsaved) return new Map(unsaved);
    return parseStoredProgress(localStorage.getItem(STORAGE_KEY), localStorage.getItem(LEGACY_STORAGE_KEY));
  } catch {
    return new Map();
  }
}

/**
 * Stores the progress, or leaves everything as it was and says why not: a browser whose storage for the
 * site is full, or switched off, refuses to store it. For a change the reader must know was kept (an import).
 */
export function storeProgress(progress: Progress): { ok: true } | { ok: false; reason: string } {
  try {
    localStorage.setItem(STORAGE_KEY, serialiseProgress(progress));
  } catch (error) {
    const full = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
    return { ok: false, reason: full ? "your browser's storage for this site is full" : 'your browser does not let this site store anything (private browsing, or storage switched off)' };
  }
  unsaved = undefined;
  window.dispatchEvent(new Event(CHANGED));
  return { ok: true };
}

export function writeProgress(progress: Progress): void {
  try {
    localStorage.setItem(STORAGE_KEY, serialiseProgress(progress));
    unsaved = undefined;
  } catch {
    unsaved = new Map(progress);
  }
  window.dispatchEvent(new Event(CHANGED));
}

/** Calls `render` now and whenever progress changes, on this page or in another tab. */
export function onProgressChange(render: () => void): void {
  window.addEventListener(CHANGED, render);
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) render();
  });
  render();
}
