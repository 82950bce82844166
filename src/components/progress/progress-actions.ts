import { readProgress, storeProgress, writeProgress } from './progress-client.ts';
import { describeImport, describeReset, importSizeProblem, itemCountProblem, mergeProgress, parseImport, previewImport, toExport } from './progress-file.ts';
import type { Progress } from './progress-store.ts';
import { summarise, withoutChecklist } from './progress-store.ts';

/** Export, import (merge or replace, asked in a dialog) and reset (confirmed in a dialog) of progress. */

/** Opens a modal dialog and resolves with the value of the button that closed it ('' for Escape). */
function ask(dialog: HTMLDialogElement): Promise<string> {
  return new Promise((resolve) => {
    dialog.returnValue = '';
    dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true });
    dialog.showModal();
  });
}

function download(name: string, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function enhanceProgressActions(root: HTMLElement): void {
  const find = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  const message = find<HTMLElement>('[data-progress-message]');
  const say = (text: string) => {
    if (message) message.textContent = text;
  };
  root.hidden = false;

  find('[data-progress-export]')?.addEventListener('click', () => {
    download('mle-wiki-progress.json', `${JSON.stringify(toExport(readProgress(), new Date()), null, 2)}\n`);
    say('Progress exported as mle-wiki-progress.json.');
  });

  const fileInput = find<HTMLInputElement>('[data-progress-import]');
  const importButton = find<HTMLButtonElement>('[data-progress-import-open]');
  importButton?.addEventListener('click', () => fileInput?.click());
  fileInput?.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    // A file too big to be an export is refused before it is read.
    const tooBig = importSizeProblem(file.size);
    const result = tooBig ? { ok: false as const, reason: tooBig } : parseImport(await file.text());
    fileInput.value = '';
    if (!result.ok) {
      say(`Import refused: ${result.reason}. Your progress is unchanged.`);
      return;
    }
    const dialog = find<HTMLDialogElement>('[data-progress-import-dialog]');
    const text = find<HTMLElement>('[data-progress-import-text]');
    if (!dialog || !text) return;
    text.textContent = describeImport(previewImport(readProgress(), result.items));
    const choice = await ask(dialog);
    importButton?.focus();
    // Said only once the browser has stored it: a full storage must not read as "merged".
    const keep = (progress: Progress, done: string) => {
      const tooMany = itemCountProblem(progress.size, 'together with yours, that makes');
      const stored = tooMany ? { ok: false as const, reason: tooMany } : storeProgress(progress);
      say(stored.ok ? done : `Import not saved: ${stored.reason}. Your progress is unchanged.`);
    };
    if (choice === 'merge') {
      keep(mergeProgress(readProgress(), result.items), `Merged ${result.items.size} items from ${file.name} into your progress.`);
    } else if (choice === 'replace') {
      keep(result.items, `Replaced your progress with the ${result.items.size} items of ${file.name}.`);
    } else {
      say('Import cancelled. Your progress is unchanged.');
    }
  });

  const checklistId = root.dataset['checklistId'];
  const resetButton = find<HTMLButtonElement>('[data-progress-reset]');
  resetButton?.addEventListener('click', async () => {
    const dialog = find<HTMLDialogElement>('[data-progress-reset-dialog]');
    const text = find<HTMLElement>('[data-progress-reset-text]');
    if (!checklistId || !dialog || !text) return;
    const keys = [...document.querySelectorAll<HTMLInputElement>(`[data-checklist="${checklistId}"] input[data-progress-key]`)].map((box) => box.dataset['progressKey'] ?? '');
    text.textContent = describeReset(summarise(readProgress(), keys));
    const choice = await ask(dialog);
    resetButton.focus();
    if (choice !== 'reset') return;
    writeProgress(withoutChecklist(readProgress(), checklistId));
    say('This checklist was reset.');
  });
}
