/**
 * What the KPI explorer shows: a category filter, a frequency filter and a sort order, read from and
 * written to the page's query string (?category=cost&frequency=weekly&sort=name) so a view can be
 * shared as a link. Pure functions; kpi-explorer.ts applies them to the table.
 */

export const KPI_SORTS = {
  '': 'Category, as listed',
  name: 'Name, A to Z',
  '-name': 'Name, Z to A',
  frequency: 'Most frequent review first',
  '-frequency': 'Least frequent review first',
} as const;

export type KpiSort = keyof typeof KPI_SORTS;

export interface KpiView {
  /** A category id, or '' for all. */
  category: string;
  /** A cadence id, or '' for any. */
  frequency: string;
  sort: KpiSort;
}

/** One KPI as the explorer filters and sorts it. */
export interface KpiRow {
  name: string;
  category: string;
  cadences: readonly string[];
  /** Where its frequency sorts: the rank of its most frequent cadence. */
  rank: number;
  /** Its place in the unsorted list, the reading order. */
  order: number;
}

export const DEFAULT_VIEW: KpiView = { category: '', frequency: '', sort: '' };

const isSort = (value: string): value is KpiSort => Object.hasOwn(KPI_SORTS, value);

/** The view a query string asks for; values the page does not offer are ignored rather than hiding everything. */
export function readKpiQuery(search: string, offered: { categories: readonly string[]; frequencies: readonly string[] }): KpiView {
  const params = new URLSearchParams(search);
  const pick = (name: string, allowed: readonly string[]) => {
    const value = params.get(name) ?? '';
    return allowed.includes(value) ? value : '';
  };
  const sort = params.get('sort') ?? '';
  return { category: pick('category', offered.categories), frequency: pick('frequency', offered.frequencies), sort: isSort(sort) ? sort : '' };
}

/** The query string of a view, without the parts that are at their default: '' for the full, unsorted list. */
export function kpiQuery(view: KpiView): string {
  const params = new URLSearchParams();
  if (view.category) params.set('category', view.category);
  if (view.frequency) params.set('frequency', view.frequency);
  if (view.sort) params.set('sort', view.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const matchesView = (row: KpiRow, view: KpiView): boolean =>
  (!view.category || row.category === view.category) && (!view.frequency || row.cadences.includes(view.frequency));

/** Orders rows across the whole set; ties keep the reading order. */
export function compareRows(sort: KpiSort): (a: KpiRow, b: KpiRow) => number {
  const byOrder = (a: KpiRow, b: KpiRow) => a.order - b.order;
  const byName = (a: KpiRow, b: KpiRow) => a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' });
  const byRank = (a: KpiRow, b: KpiRow) => a.rank - b.rank;
  switch (sort) {
    case '':
      return byOrder;
    case 'name':
      return (a, b) => byName(a, b) || byOrder(a, b);
    case '-name':
      return (a, b) => byName(b, a) || byOrder(a, b);
    case 'frequency':
      return (a, b) => byRank(a, b) || byOrder(a, b);
    case '-frequency':
      return (a, b) => byRank(b, a) || byOrder(a, b);
  }
}

/** "3 of 22 metrics shown". */
export const describeShown = (shown: number, total: number): string => `${shown} of ${total} ${total === 1 ? 'metric' : 'metrics'} shown`;
