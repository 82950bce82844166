/**
 * Client behaviour of the tools directory: the filter form (hidden without JavaScript, when the whole
 * table shows) hides the rows that do not match, keeps its state in the URL, and shows an empty state
 * with a reset. Following a link to a row that the filters hide clears the filters, so the row is seen.
 * Each row's details (when to pick it, alternatives, licence, "Discussed on") are built when the reader
 * opens them: see `showDetails`.
 */
import { EMPTY_FILTER, filterFromParams, isEmptyFilter, rowMatches, writeFilterParams, type ToolFilter } from './tools-filter.ts';
import { safeDecode } from '../lib/uri.ts';

/**
 * A row's details arrive as the text of a `<noscript>` inside its closed `<details>`: readers without
 * JavaScript see them as markup, and with JavaScript on the browser keeps them as one text node, so
 * the page's first styling and layout skip about three quarters of the directory's elements. Opening
 * the row parses that text (the site's own build output) into elements in its place, once.
 */
function showDetails(details: HTMLDetailsElement): void {
  const source = details.querySelector(':scope > noscript');
  if (!details.open || !source) return;
  const template = document.createElement('template');
  template.innerHTML = source.textContent ?? '';
  source.replaceWith(template.content);
}

export function enhanceToolsDirectory(root: HTMLElement): void {
  // Toggle events do not bubble: listened to on the way down. Rows opened before this script ran are filled now.
  root.addEventListener('toggle', (event) => event.target instanceof HTMLDetailsElement && event.target.matches('[data-tool-more]') && showDetails(event.target), true);
  root.querySelectorAll<HTMLDetailsElement>('details[data-tool-more][open]').forEach(showDetails);
  const form = root.querySelector<HTMLFormElement>('[data-tools-controls]');
  if (!form) return;
  const rows = [...root.querySelectorAll<HTMLTableRowElement>('tr[data-tool-category]')];
  const empty = root.querySelector<HTMLElement>('[data-tools-empty]');
  const control = <T extends HTMLInputElement | HTMLSelectElement>(name: string) => form.elements.namedItem(name) as T;
  const text = control<HTMLInputElement>('q');
  const category = control<HTMLSelectElement>('category');
  const phase = control<HTMLSelectElement>('phase');
  const status = control<HTMLSelectElement>('status');
  const count = form.querySelector<HTMLOutputElement>('output');

  const readForm = (): ToolFilter => ({ text: text.value, category: category.value, phase: phase.value, status: status.value });
  const writeForm = (filter: ToolFilter) => {
    text.value = filter.text;
    // A value from the URL that is not an option leaves the select on "all".
    category.value = filter.category;
    phase.value = filter.phase;
    status.value = filter.status;
    for (const select of [category, phase, status]) if (select.selectedIndex === -1) select.value = '';
  };

  const apply = (filter: ToolFilter, remember: boolean) => {
    let shown = 0;
    for (const row of rows) {
      const visible = rowMatches({ category: row.dataset['toolCategory'] ?? '', phase: row.dataset['toolPhase'] ?? '', status: row.dataset['toolStatus'] ?? '', text: row.dataset['toolText'] ?? '' }, filter);
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    if (count) count.value = `${shown} of ${rows.length} tools shown`;
    if (empty) empty.hidden = shown > 0;
    if (remember) {
      const url = new URL(window.location.href);
      url.search = writeFilterParams(filter, url.searchParams).toString();
      window.history.replaceState(window.history.state, '', url);
    }
  };

  const reset = () => {
    writeForm(EMPTY_FILTER);
    apply(EMPTY_FILTER, true);
  };

  /** A link to a row (an alternative, a link from another page) must not land on a hidden row. */
  const revealTarget = () => {
    const id = safeDecode(window.location.hash.slice(1));
    const row = id ? rows.find((candidate) => candidate.id === id) : undefined;
    if (row?.hidden) {
      reset();
      row.scrollIntoView();
    }
  };

  form.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', () => apply(readForm(), true));
  root.querySelectorAll<HTMLButtonElement>('[data-tools-reset]').forEach((button) =>
    button.addEventListener('click', () => {
      reset();
      text.focus();
    }),
  );
  window.addEventListener('hashchange', revealTarget);

  writeForm(filterFromParams(new URLSearchParams(window.location.search)));
  const initial = readForm();
  apply(initial, false);
  if (!isEmptyFilter(initial)) revealTarget();
}
