import { parseImport, parseStoredProgress, serialiseProgress, STORAGE_KEY, toExport } from './progress-store.ts';

function readDone(): Set<string> {
  try {
    return parseStoredProgress(localStorage.getItem(STORAGE_KEY));
  } catch {
    return new Set();
  }
}

/** Tells every checklist on the page that the shared progress changed, so each can redraw itself. */
const CHANGED = 'mle-wiki:progress-changed';

function writeDone(done: ReadonlySet<string>): void {
  try {
    localStorage.setItem(STORAGE_KEY, serialiseProgress(done));
  } catch {
    // Storage can be full or disabled (private mode); the boxes still work for this visit.
  }
  window.dispatchEvent(new Event(CHANGED));
}

export function enhanceChecklist(root: HTMLElement): void {
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-progress-key]')];
  const bar = root.querySelector<HTMLProgressElement>('[data-progress-bar]');
  const count = root.querySelector<HTMLElement>('[data-progress-count]');
  const message = root.querySelector<HTMLElement>('[data-progress-message]');
  const actions = root.querySelector<HTMLElement>('[data-progress-actions]');
  if (actions) actions.hidden = false;

  const render = () => {
    const done = readDone();
    let checked = 0;
    for (const box of boxes) {
      box.checked = done.has(box.dataset['progressKey'] ?? '');
      if (box.checked) checked += 1;
    }
    if (bar) bar.value = checked;
    if (count) count.textContent = `${checked} of ${boxes.length} done`;
  };
  const say = (text: string) => {
    if (message) message.textContent = text;
  };

  for (const box of boxes) {
    box.addEventListener('change', () => {
      const done = readDone();
      const key = box.dataset['progressKey'] ?? '';
      if (box.checked) done.add(key);
      else done.delete(key);
      writeDone(done);
    });
  }
  root.querySelector('[data-progress-reset]')?.addEventListener('click', () => {
    const done = readDone();
    for (const box of boxes) done.delete(box.dataset['progressKey'] ?? '');
    writeDone(done);
    say('This checklist was reset.');
  });
  root.querySelector('[data-progress-export]')?.addEventListener('click', () => {
    const blob = new Blob([`${JSON.stringify(toExport(readDone(), new Date()), null, 2)}\n`], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'mle-wiki-progress.json';
    link.click();
    URL.revokeObjectURL(link.href);
    say('Progress exported as mle-wiki-progress.json.');
  });
  root.querySelector<HTMLInputElement>('[data-progress-import]')?.addEventListener('change', async (event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const result = parseImport(await file.text());
    input.value = '';
    if (!result.ok) {
      say(`Import refused: ${result.reason}. Your progress is unchanged.`);
      return;
    }
    writeDone(result.done);
    say(`Imported ${result.done.size} done items.`);
  });
  // This page's checklists and other tabs change the same store.
  window.addEventListener(CHANGED, render);
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) render();
  });
  render();
}
