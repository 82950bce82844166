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

/** Fills in the bar of every stage, of each map (its stages summed) and of both maps together, from the saved progress. */
export function enhanceProgressOverview(root: HTMLElement): void {
  const maps = [...root.querySelectorAll<HTMLElement>('.track-map')].map((map) => ({
    total: map.querySelector('[data-track-total]'),
    stages: [...map.querySelectorAll<HTMLElement>('[data-track-stage]')].map((row) => ({ row, keys: (row.dataset['progressKeys'] ?? '').split(' ').filter(Boolean) })),
  }));
  const overall = root.querySelector('[data-track-overall]');
  onProgressChange(() => {
    const progress = readProgress();
    const mapSummaries = maps.map(({ total, stages }) => {
      const summary = addSummaries(
        stages.map(({ row, keys }) => {
          const stage = summarise(progress, keys);
          show(row, stage);
          return stage;
        }),
      );
      if (total) show(total, summary);
      return summary;
    });
    if (overall) show(overall, addSummaries(mapSummaries));
  });
}
