import { compareRows, describeShown, DEFAULT_VIEW, kpiQuery, matchesView, readKpiQuery, type KpiRow, type KpiSort, type KpiView } from './kpi-view.ts';

/**
 * Client behaviour of the KPI explorer: the filters hide rows, the sort orders all rows as one list
 * (the category groups return with the reading order), and the view is mirrored in the query string.
 */

interface Row extends KpiRow {
  element: HTMLTableRowElement;
  group: HTMLTableSectionElement;
}

/** The rows as the page first lists them: grouped by category, in the KPI file's order within each. */
function readRows(root: HTMLElement): Row[] {
  return [...root.querySelectorAll<HTMLTableRowElement>('tr[data-kpi-row]')].map((element, order) => {
    const data = element.dataset;
    return {
      element,
      group: element.parentElement as HTMLTableSectionElement,
      name: element.querySelector('th a')?.textContent?.trim() ?? '',
      category: data['category'] ?? '',
      cadences: (data['cadences'] ?? '').split(' ').filter(Boolean),
      rank: Number(data['rank']),
      order,
    };
  });
}

const select = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as HTMLSelectElement;
const optionValues = (menu: HTMLSelectElement) => [...menu.options].map((option) => option.value).filter(Boolean);

/** Which column header announces the sort, and in which direction. */
const SORT_HEADERS: Record<KpiSort, [string, 'ascending' | 'descending'] | undefined> = {
  '': undefined,
  name: ['name', 'ascending'],
  '-name': ['name', 'descending'],
  frequency: ['frequency', 'ascending'],
  '-frequency': ['frequency', 'descending'],
};

export function enhanceKpiExplorer(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-kpi-controls]');
  const table = root.querySelector('table');
  if (!form || !table) return;
  const rows = readRows(root);
  const groups = [...table.tBodies];
  // Sorted rows leave their category groups for one body of their own.
  const sortedBody = table.createTBody();
  sortedBody.hidden = true;
  const empty = root.querySelector<HTMLElement>('[data-kpi-empty]');
  const tableWrap = root.querySelector<HTMLElement>('[data-kpi-table]');
  const output = form.elements.namedItem('count') as HTMLOutputElement;
  const menus = { category: select(form, 'category'), frequency: select(form, 'frequency'), sort: select(form, 'sort') };

  const viewOfForm = (): KpiView => ({ category: menus.category.value, frequency: menus.frequency.value, sort: menus.sort.value as KpiSort });

  const render = (view: KpiView) => {
    let shown = 0;
    for (const row of rows) {
      row.element.hidden = !matchesView(row, view);
      if (!row.element.hidden) shown += 1;
    }
    const ordered = [...rows].sort(compareRows(view.sort));
    if (view.sort === '') {
      for (const row of ordered) row.group.append(row.element);
      for (const group of groups) group.hidden = !rows.some((row) => row.group === group && !row.element.hidden);
      sortedBody.hidden = true;
    } else {
      sortedBody.append(...ordered.map((row) => row.element));
      for (const group of groups) group.hidden = true;
      sortedBody.hidden = false;
    }
    root.toggleAttribute('data-sorted', view.sort !== '');
    for (const header of table.querySelectorAll<HTMLElement>('th[data-sort-column]')) {
      const [column, direction] = SORT_HEADERS[view.sort] ?? [];
      if (header.dataset['sortColumn'] === column && direction) header.setAttribute('aria-sort', direction);
      else header.removeAttribute('aria-sort');
    }
    output.value = describeShown(shown, rows.length);
    if (empty) empty.hidden = shown > 0;
    if (tableWrap) tableWrap.hidden = shown === 0;
  };

  const show = (view: KpiView) => {
    menus.category.value = view.category;
    menus.frequency.value = view.frequency;
    menus.sort.value = view.sort;
    render(view);
  };
  const share = (view: KpiView) => history.replaceState(history.state, '', `${location.pathname}${kpiQuery(view)}${location.hash}`);

  form.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => {
    const view = viewOfForm();
    render(view);
    share(view);
  });
  root.querySelector('[data-kpi-reset]')?.addEventListener('click', () => {
    const view = { ...DEFAULT_VIEW, sort: viewOfForm().sort };
    show(view);
    share(view);
    menus.category.focus();
  });
  show(readKpiQuery(location.search, { categories: optionValues(menus.category), frequencies: optionValues(menus.frequency) }));
}
