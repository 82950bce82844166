import { onProgressChange, readProgress, writeProgress } from './progress-client.ts';
import { STATUS_LABELS, statusOf, withStatus, type ItemStatus } from './progress-store.ts';

/**
 * Every checklist item on a page, from a roadmap checklist or a task list written in a page, is a
 * checkbox with a `data-progress-key`. Ticking it marks the item done; a status menu beside it offers
 * "in progress" and "skipped" too. Both controls show the saved state, which the store keeps by key.
 */

const STATUSES = Object.keys(STATUS_LABELS) as ItemStatus[];
const ENHANCED = 'progressReady';

interface TrackedItem {
  key: string;
  box: HTMLInputElement;
  menu: HTMLSelectElement;
  row: HTMLElement;
}

/** The item's name as its checkbox announces it: its label's words, or the name the renderer gave it. */
function nameOf(box: HTMLInputElement): string {
  const label = box.labels?.[0]?.textContent ?? box.getAttribute('aria-label') ?? '';
  return label.replace(/\s+/g, ' ').trim();
}

function statusMenu(box: HTMLInputElement): HTMLSelectElement {
  const menu = document.createElement('select');
  menu.className = 'progress-status-menu';
  menu.setAttribute('aria-label', `Status of: ${nameOf(box)}`);
  for (const status of STATUSES) menu.append(new Option(STATUS_LABELS[status], status));
  return menu;
}

/** Puts the menu after the item's own words: before a nested list, which holds other items. */
function placeMenu(row: HTMLElement, menu: HTMLSelectElement): void {
  const nested = [...row.children].find((child) => child.tagName === 'UL' || child.tagName === 'OL');
  row.insertBefore(menu, nested ?? null);
}

function show(item: TrackedItem, status: ItemStatus): void {
  item.box.checked = status === 'done';
  // A half-ticked box is how a checkbox says "in progress"; screen readers announce it as "mixed".
  item.box.indeterminate = status === 'in-progress';
  item.menu.value = status;
  item.row.dataset['progressStatus'] = status;
}

/** Makes every not yet enhanced checklist item under `root` savable; safe to call more than once. */
export function enhanceProgressItems(root: ParentNode = document): void {
  const items: TrackedItem[] = [];
  for (const box of root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-progress-key]')) {
    if (box.dataset[ENHANCED] !== undefined) continue;
    box.dataset[ENHANCED] = '';
    const row = box.closest('li') ?? box.parentElement;
    if (!row) continue;
    const item: TrackedItem = { key: box.dataset['progressKey'] ?? '', box, menu: statusMenu(box), row };
    placeMenu(row, item.menu);
    box.disabled = false;
    box.addEventListener('change', () => writeProgress(withStatus(readProgress(), item.key, box.checked ? 'done' : 'todo')));
    item.menu.addEventListener('change', () => writeProgress(withStatus(readProgress(), item.key, item.menu.value as ItemStatus)));
    items.push(item);
  }
  if (items.length === 0) return;
  onProgressChange(() => {
    const progress = readProgress();
    for (const item of items) show(item, statusOf(progress, item.key));
  });
}
