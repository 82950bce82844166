import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, filterFromParams, isEmptyFilter, rowMatches, writeFilterParams } from '../../src/components/tools-filter.ts';

const feast = { category: 'feature-store', phase: 'intermediate', status: 'active', text: 'Feast Feature stores intermediate Serves the latest feature values online Apache-2.0' };

describe('tools directory filter', () => {
  it('matches every row when nothing is chosen', () => {
    expect(rowMatches(feast, EMPTY_FILTER)).toBe(true);
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(isEmptyFilter({ ...EMPTY_FILTER, text: '   ' })).toBe(true);
  });

  it('requires the chosen category and phase', () => {
    expect(rowMatches(feast, { ...EMPTY_FILTER, category: 'feature-store' })).toBe(true);
    expect(rowMatches(feast, { ...EMPTY_FILTER, category: 'serving' })).toBe(false);
    expect(rowMatches(feast, { ...EMPTY_FILTER, phase: 'beginner' })).toBe(false);
    expect(rowMatches(feast, { text: '', category: 'feature-store', phase: 'intermediate', status: '' })).toBe(true);
  });

  it('requires the chosen status', () => {
    expect(rowMatches(feast, { ...EMPTY_FILTER, status: 'active' })).toBe(true);
    expect(rowMatches(feast, { ...EMPTY_FILTER, status: 'discontinued' })).toBe(false);
    expect(rowMatches({ ...feast, status: 'deprecated' }, { ...EMPTY_FILTER, status: 'deprecated' })).toBe(true);
    expect(isEmptyFilter({ ...EMPTY_FILTER, status: 'deprecated' })).toBe(false);
  });

  it('finds rows containing every typed word, in any order and case', () => {
    expect(rowMatches(feast, { ...EMPTY_FILTER, text: 'ONLINE feast' })).toBe(true);
    expect(rowMatches(feast, { ...EMPTY_FILTER, text: 'feast drift' })).toBe(false);
    expect(rowMatches(feast, { ...EMPTY_FILTER, text: 'apache-2' })).toBe(true);
  });

  it('reads the filter from the URL and writes it back without touching other parameters', () => {
    const filter = filterFromParams(new URLSearchParams('q=%20drift%20&category=monitoring&utm=x'));
    expect(filter).toEqual({ text: 'drift', category: 'monitoring', phase: '', status: '' });
    const written = writeFilterParams({ ...filter, phase: 'advanced' }, new URLSearchParams('utm=x&phase=beginner'));
    expect(Object.fromEntries(written)).toEqual({ utm: 'x', q: 'drift', category: 'monitoring', phase: 'advanced' });
    expect(writeFilterParams(EMPTY_FILTER, written).toString()).toBe('utm=x');
  });
});
