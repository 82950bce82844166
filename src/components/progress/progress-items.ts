import { onProgressChange, readProgress, writeProgress } from './progress-client.ts';
import { STATUS_LABELS, statusOf, withStatus, type ItemStatus } from './progress-store.ts';

/**
 * Every checklist item on a page, from a roadmap checklist or a task list written in a page, is a
 * checkbox with a `data-progress-key`. Ticking it marks the item done; a status menu beside it also
 * offers "in progress" and "skipped". Both show the saved state, which the store keeps by key.
 *
 * The boxes show their state at once. The menus are built afterwards, a few at a time while the browser
 * is idle: a page with fifty items would otherwise spend its first moments styling fifty menus. Style
 * sheets reserve each menu's place, so nothing moves when they appear.
 */

const STATUSES = Object.keys(STATUS_LABELS) as ItemStatus[];
const ENHANCED = 'progressReady';
/** How long one idle turn may spend building menus, measured on this machine. */
const TURN_MS = 3;

interface TrackedItem {
  key: string;
  box: HTMLInputElement;
  menu: HTMLSelectElement | undefined;
  row: HTMLElement;
}

/** The item's name as its checkbox announces it: its label's words, or the name the renderer gave it. */
function nameOf(box: HTMLInputElement): string {
  const label = box.labels?.[0]?.textContent ?? box.getAttribute('aria-label') ?? '';
  return label.replace(/\s+/g, ' ').trim();
}

function show(item: TrackedItem, status: ItemStatus): void {
  item.box.checked = status === 'done';
  // A half-ticked box is how a checkbox says "in progress"; screen readers announce it as "mixed".
  item.box.indeterminate = status === 'in-progress';
  if (item.menu) item.menu.value = status;
  item.row.dataset['progressStatus'] = status;
}

function addMenu(item: TrackedItem): void {
  const menu = document.createElement('select');
  menu.className = 'progress-status-menu';
  menu.setAttribute('aria-label', `Status of: ${nameOf(item.box)}`);
  for (const status of STATUSES) menu.append(new Option(STATUS_LABELS[status], status));
  menu.addEventListener('change', () => writeProgress(withStatus(readProgress(), item.key, menu.value as ItemStatus)));
  // At the end of the item's own words, where the style sheet has kept its place; nested lists hold other items.
  (item.row.querySelector(':scope > .task-text, :scope > .progress-text') ?? item.row).append(menu);
  item.menu = menu;
}

/** Runs `step` when the browser is idle, telling it how long it may work before it must yield. */
const whenIdle = (step: (timeLeft: () => number) => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback((deadline) => step(() => deadline.timeRemaining()), { timeout: 500 });
  else
    setTimeout(() => {
      const start = performance.now();
      step(() => 8 - (performance.now() - start));
    }, 0);
};

/** Makes every not yet enhanced checklist item under `root` savable; safe to call more than once. */
export function enhanceProgressItems(root: ParentNode = document): void {
  const items: TrackedItem[] = [];
  for (const box of root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-progress-key]')) {
    if (box.dataset[ENHANCED] !== undefined) continue;
    box.dataset[ENHANCED] = '';
    const row = box.closest('li') ?? box.parentElement;
    if (!row) continue;
    const item: TrackedItem = { key: box.dataset['progressKey'] ?? '', box, menu: undefined, row };
    row.dataset['progressItem'] = '';
    box.addEventListener('change', () => writeProgress(withStatus(readProgress(), item.key, box.checked ? 'done' : 'todo')));
    items.push(item);
  }
  if (items.length === 0) return;
  onProgressChange(() => {
    const progress = readProgress();
    for (const item of items) show(item, statusOf(progress, item.key));
  });
  let next = 0;
  const step = (timeLeft: () => number) => {
    const progress = readProgress();
    const started = performance.now();
    // At least one menu per turn, then more for a few milliseconds at most: a slow phone takes several
    // times as long for the same work, and a long turn would make its page stutter.
    do {
      const item = items[next++]!;
      addMenu(item);
      show(item, statusOf(progress, item.key));
    } while (next < items.length && timeLeft() > 1 && performance.now() - started < TURN_MS);
    if (next < items.length) whenIdle(step);
  };
  whenIdle(step);
}
