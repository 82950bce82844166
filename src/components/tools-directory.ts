/**
 * Client behaviour of the tools directory: the filter form (hidden by CSS where scripts do not run, when
 * the whole table shows) hides the rows that do not match, keeps its state in the URL, and shows an empty state
 * with a reset. Following a link to a row that the filters hide clears the filters, so the row is seen.
 * Each row's details (when to pick it, alternatives, phase, licence, "Discussed on") are built when the
 * reader opens them: see `toggleDetails`.
 */
import { EMPTY_FILTER, filterFromParams, isEmptyFilter, rowMatches, writeFilterParams, type ToolFilter } from './tools-filter.ts';
import { safeDecode } from '../lib/uri.ts';

/** The label of the button that opens the rest of a row, and its mark when the row is closed and open. */
export const ROW_MORE = { label: 'When to pick it, alternatives and links', closed: '▸', open: '▾' } as const;

/**
 * A row's details arrive as the text of the `<noscript>` after its button: readers without JavaScript
 * see them as markup under a summary, and with JavaScript on the browser keeps them as one text node,
 * so the page's first styling and layout skip most of the directory's elements. The first press of the
 * button parses that text (the site's own build output) into elements after it; later presses show and
 * hide them.
 */
function toggleDetails(button: HTMLButtonElement): void {
  const open = button.getAttribute('aria-expanded') !== 'true';
  let body = button.nextElementSibling;
  if (body instanceof HTMLElement && body.localName === 'noscript') {
    const template = document.createElement('template');
    template.innerHTML = body.textContent ?? '';
    const built = template.content.querySelector<HTMLElement>('[data-tool-more-body]');
    if (!built) return;
    built.id = `${button.closest('tr')?.id ?? ''}-more`;
    button.setAttribute('aria-controls', built.id);
    body.replaceWith(built);
    body = built;
  }
  if (!(body instanceof HTMLElement)) return;
  body.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  button.textContent = `${open ? ROW_MORE.open : ROW_MORE.closed} ${ROW_MORE.label}`;
}

export function enhanceToolsDirectory(root: HTMLElement): void {
  // One listener for every row's button, instead of one per row.
  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-tool-more]') : null;
    if (button) toggleDetails(button);
  });
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
  // Unfiltered, the page is already right as built (every row shown, the count of all): nothing to touch.
  if (isEmptyFilter(initial)) return;
  apply(initial, false);
  revealTarget();
}
