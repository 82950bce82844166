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
