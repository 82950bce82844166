import { onProgressChange, readProgress } from '../progress/progress-client.ts';
import { describeSummary } from '../progress/progress-store.ts';
import { mapPosition, type EntryItem, type EntryStage } from './map-progress.ts';

/** Turns the map cards of the home page into a "Continue" block once the reader has marked items on a map. */
export function enhanceMapEntries(root: HTMLElement): void {
  const title = root.querySelector<HTMLElement>('[data-map-entries-title]');
  const cards = [...root.querySelectorAll<HTMLElement>('[data-map-entry]')].flatMap((card) => {
    const next = card.querySelector<HTMLElement>('[data-map-entry-next]');
    const data = card.dataset['mapEntryData'];
    if (!next || !data) return [];
    const { items, stages } = JSON.parse(data) as { items: EntryItem[]; stages: EntryStage[] };
    return [{ next, items, stages }];
  });
  onProgressChange(() => {
    const progress = readProgress();
    let anyStarted = false;
    for (const { next, items, stages } of cards) {
      const position = mapPosition(items, stages, progress);
      if (!position.started) continue;
      anyStarted = true;
      const where = `Stage ${position.stage + 1} of ${stages.length}, ${stages[position.stage]?.title ?? ''}: ${describeSummary(position.summary)} on this map.`;
      if (!position.next) {
        next.textContent = `${where} Every item is done or skipped.`;
        continue;
      }
      const link = document.createElement('a');
      link.href = position.next.href;
      link.textContent = position.next.label;
      next.replaceChildren(`${where} Next: `, link);
    }
    if (title) title.textContent = anyStarted ? 'Continue where you left off' : 'Follow a map';
    root.toggleAttribute('data-continue', anyStarted);
  });
}
