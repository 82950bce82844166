import { enhanceProgressItems } from './progress-items.ts';
import { onProgressChange, readProgress } from './progress-client.ts';
import { completion, describeSummary, summarise } from './progress-store.ts';

/** A checklist's items save their state; its bar and count follow the saved progress. */
export function enhanceChecklist(root: HTMLElement): void {
  enhanceProgressItems(root);
  const keys = [...root.querySelectorAll<HTMLInputElement>('input[data-progress-key]')].map((box) => box.dataset['progressKey'] ?? '');
  const bar = root.querySelector<HTMLProgressElement>('[data-progress-bar]');
  const count = root.querySelector<HTMLElement>('[data-progress-count]');
  onProgressChange(() => {
    const summary = summarise(readProgress(), keys);
    const { value, max } = completion(summary);
    if (bar) {
      bar.max = max;
      bar.value = value;
    }
    if (count) count.textContent = describeSummary(summary);
  });
}
