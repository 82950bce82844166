import { onProgressChange, readProgress } from './progress-client.ts';
import { addSummaries, completion, describeSummary, isComplete, summarise, type ProgressSummary } from './progress-store.ts';

function show(row: Element, summary: ProgressSummary): void {
  const bar = row.querySelector<HTMLProgressElement>('[data-track-bar]');
  const count = row.querySelector<HTMLElement>('[data-track-count]');
  const { value, max } = completion(summary);
  if (bar) {
    bar.hidden = false;
    bar.max = max;
    bar.value = value;
  }
  if (count) count.textContent = describeSummary(summary);
  if (row instanceof HTMLElement) row.dataset['complete'] = String(isComplete(summary));
}

/** Fills in the bar of every stage of a track, and the track's own, from the saved progress. */
export function enhanceTrackProgress(root: HTMLElement): void {
  const stages = [...root.querySelectorAll<HTMLElement>('[data-track-stage]')].map((row) => ({ row, keys: (row.dataset['progressKeys'] ?? '').split(' ').filter(Boolean) }));
  const overall = root.querySelector('.track-overall');
  onProgressChange(() => {
    const progress = readProgress();
    const summaries = stages.map(({ row, keys }) => {
      const summary = summarise(progress, keys);
      show(row, summary);
      return summary;
    });
    if (overall) show(overall, addSummaries(summaries));
  });
}
