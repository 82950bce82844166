/** Client behaviour of the KPI explorer: filters hide rows, header buttons sort each table. */

type Direction = 'ascending' | 'descending';

export function enhanceKpiExplorer(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-kpi-controls]');
  if (!form) return;
  form.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => applyFilters(root, form));
  root.querySelectorAll<HTMLTableCellElement>('th[data-sort-key]').forEach((header) => makeSortable(header));
}

function applyFilters(root: HTMLElement, form: HTMLFormElement): void {
  const category = (form.elements.namedItem('category') as HTMLSelectElement).value;
  const frequency = (form.elements.namedItem('frequency') as HTMLSelectElement).value;
  let shown = 0;
  let total = 0;
  root.querySelectorAll<HTMLElement>('.kpi-category').forEach((section) => {
    let visibleRows = 0;
    section.querySelectorAll<HTMLTableRowElement>('tbody tr').forEach((row) => {
      total += 1;
      const visible = (!category || section.dataset['category'] === category) && (!frequency || row.dataset['frequency'] === frequency);
      row.hidden = !visible;
      if (visible) visibleRows += 1;
    });
    section.hidden = visibleRows === 0;
    shown += visibleRows;
  });
  const output = form.elements.namedItem('count') as HTMLOutputElement;
  output.value = `${shown} of ${total} metrics shown`;
}

function makeSortable(header: HTMLTableCellElement): void {
  const label = header.textContent?.trim() ?? '';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'kpi-sort';
  button.textContent = label;
  header.replaceChildren(button);
  button.addEventListener('click', () => {
    const table = header.closest('table');
    if (!table) return;
    const next: Direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    table.querySelectorAll('th[aria-sort]').forEach((other) => other.removeAttribute('aria-sort'));
    header.setAttribute('aria-sort', next);
    sortRows(table, header.dataset['sortKey'] ?? 'name', next);
  });
}

function sortRows(table: HTMLTableElement, key: string, direction: Direction): void {
  const body = table.tBodies[0];
  if (!body) return;
  const text = (row: HTMLTableRowElement) => row.querySelector<HTMLElement>(`[data-key="${key}"]`)?.textContent?.trim() ?? '';
  const rows = [...body.rows].sort((a, b) => text(a).localeCompare(text(b), 'en', { numeric: true }) * (direction === 'ascending' ? 1 : -1));
  body.append(...rows);
}
