import { describe, expect, it } from 'vitest';
import { findNodes } from '../../src/components/graph-find.ts';

const names = ['Model Monitoring', 'Feature store', 'MLOps phases', 'Feature Stores', 'Skills', 'Feast', 'A/B test'];
const found = (typed: string, limit = 10) => findNodes(names, typed, limit).map((index) => names[index]);

describe('finding graph nodes as the reader types', () => {
  it('matches the start of any word, for every word typed', () => {
    expect(found('feat sto')).toEqual(['Feature store', 'Feature Stores']);
    expect(found('mon')).toEqual(['Model Monitoring']);
  });

  it('matches text inside a word', () => {
    expect(found('ops')).toEqual(['MLOps phases']);
  });

  it('puts the exact name first, then names starting with the text, in the given order', () => {
    expect(found('feature stores')).toEqual(['Feature Stores']);
    expect(found('fea')).toEqual(['Feature store', 'Feature Stores', 'Feast']);
    expect(found('feature store')[0]).toBe('Feature store');
  });

  it('ignores case and punctuation, finds nothing for nothing, and keeps to the limit', () => {
    expect(found('a/b')).toEqual(['A/B test']);
    expect(found('   ')).toEqual([]);
    expect(found('f', 2)).toHaveLength(2);
  });
});
