import { onProgressChange, readProgress } from './progress-client.ts';
import { describeSummary, isComplete, isStarted, summariseChecklist } from './progress-store.ts';

/**
 * A small marker on the sidebar link of every checklist page the reader has started: "3/12", or a tick
 * once every item is done or skipped. Screen readers hear the count in words as part of the link.
 */
export function markSidebarProgress(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-progress-checklist]')];
  if (links.length === 0) return;
  onProgressChange(() => {
    const progress = readProgress();
    for (const link of links) {
      const summary = summariseChecklist(progress, link.dataset['progressChecklist'] ?? '', Number(link.dataset['progressTotal'] ?? 0));
      link.querySelector('.sidebar-progress')?.remove();
      if (!isStarted(summary)) continue;
      const marker = document.createElement('span');
      marker.className = 'sidebar-progress';
      const shown = document.createElement('span');
      shown.setAttribute('aria-hidden', 'true');
      shown.textContent = isComplete(summary) ? '✓' : `${summary.done}/${summary.total}`;
      const spoken = document.createElement('span');
      spoken.className = 'sr-only';
      spoken.textContent = `, ${describeSummary(summary)}`;
      marker.append(shown, spoken);
      link.append(marker);
    }
  });
}
