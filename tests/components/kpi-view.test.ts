import { describe, expect, it } from 'vitest';
import { compareRows, describeShown, kpiQuery, matchesView, readKpiQuery, type KpiRow } from '../../src/components/kpi-view.ts';

const offered = { categories: ['delivery', 'cost'], frequencies: ['daily', 'weekly', 'monthly'] };
const row = (name: string, category: string, cadences: string[], rank: number, order: number): KpiRow => ({ name, category, cadences, rank, order });
const rows = [
  row('Lead time', 'delivery', ['monthly'], 2, 0),
  row('Data freshness', 'cost', ['daily', 'weekly'], 0, 1),
  row('Availability', 'delivery', ['weekly', 'monthly'], 1, 2),
  row('cost per 1k', 'cost', ['monthly'], 2, 3),
];

describe('KPI explorer view', () => {
  it('reads a shared query string and ignores values the page does not offer', () => {
    expect(readKpiQuery('?category=cost&frequency=weekly&sort=name', offered)).toEqual({ category: 'cost', frequency: 'weekly', sort: 'name' });
    expect(readKpiQuery('?category=speed&frequency=hourly&sort=colour', offered)).toEqual({ category: '', frequency: '', sort: '' });
    expect(readKpiQuery('', offered)).toEqual({ category: '', frequency: '', sort: '' });
  });

  it('writes only what differs from the full list', () => {
    expect(kpiQuery({ category: 'cost', frequency: 'weekly', sort: 'name' })).toBe('?category=cost&frequency=weekly&sort=name');
    expect(kpiQuery({ category: '', frequency: '', sort: '-frequency' })).toBe('?sort=-frequency');
    expect(kpiQuery({ category: '', frequency: '', sort: '' })).toBe('');
  });

  it('finds a metric reviewed "Daily/weekly" under both daily and weekly', () => {
    const names = (frequency: string) => rows.filter((r) => matchesView(r, { category: '', frequency, sort: '' })).map((r) => r.name);
    expect(names('weekly')).toEqual(['Data freshness', 'Availability']);
    expect(names('daily')).toEqual(['Data freshness']);
    expect(rows.filter((r) => matchesView(r, { category: 'delivery', frequency: 'monthly', sort: '' })).map((r) => r.name)).toEqual(['Lead time', 'Availability']);
  });

  it('sorts across the whole set, keeping the reading order for ties', () => {
    const sorted = (sort: Parameters<typeof compareRows>[0]) => [...rows].sort(compareRows(sort)).map((r) => r.name);
    expect(sorted('')).toEqual(['Lead time', 'Data freshness', 'Availability', 'cost per 1k']);
    expect(sorted('name')).toEqual(['Availability', 'cost per 1k', 'Data freshness', 'Lead time']);
    expect(sorted('-name')).toEqual(['Lead time', 'Data freshness', 'cost per 1k', 'Availability']);
    expect(sorted('frequency')).toEqual(['Data freshness', 'Availability', 'Lead time', 'cost per 1k']);
    expect(sorted('-frequency')).toEqual(['Lead time', 'cost per 1k', 'Availability', 'Data freshness']);
  });

  it('counts what is shown', () => {
    expect(describeShown(3, 22)).toBe('3 of 22 metrics shown');
  });
});
