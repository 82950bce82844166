import { describe, expect, it } from 'vitest';
import type { Checklist, ChecklistItem } from '../../src/schemas/checklist.ts';
import { cycles, itemPagePath, itemPageTarget, learningMap, learningMaps } from '../../src/site/learning-maps.ts';

/** The maps as the site model reads them from the checklists: stage order, reading order, cycles, item pages. */

const item = (id: string, after?: string[]): ChecklistItem => ({ id, label: id, detail: `The item ${id}.`, page: 'mlops', ...(after ? { after } : {}) });
const stage = (title: string, order: number, items: ChecklistItem[], track: Checklist['track'] = 'roadmap'): Checklist => ({
  title,
  track,
  order,
  page: 'roadmap',
  focus: 'A stage made for this test.',
  groups: [{ id: 'steps', title: 'Steps', items }],
});

describe('learning maps', () => {
  it('reads the stages of a track in their order and every item once, keyed as the progress store keys it', () => {
    const checklists = new Map([
      ['second', stage('Second', 2, [item('c')])],
      ['first', stage('First', 1, [item('a'), item('b')])],
      ['phase', stage('Phase', 1, [item('x')], 'mlops')],
    ]);
    const map = learningMap(checklists, 'roadmap');
    expect(map.stages.map((s) => s.checklistId)).toEqual(['first', 'second']);
    expect(map.items.map((entry) => entry.key)).toEqual(['first/a', 'first/b', 'second/c']);
    expect(map.items.map((entry) => entry.stageIndex)).toEqual([0, 0, 1]);
    expect(learningMaps(checklists).map((m) => m.track)).toEqual(['roadmap', 'mlops']);
  });

  it('finds each cycle of "after" once, and leaves self-references to their own message', () => {
    expect(cycles([item('a', ['b']), item('b', ['a']), item('c', ['c'])])).toEqual([['a', 'b']]);
    expect(cycles([item('a'), item('b', ['a']), item('c', ['b', 'a'])])).toEqual([]);
    expect(cycles([item('a', ['c']), item('b', ['a']), item('c', ['b'])])).toHaveLength(1);
  });

  it('reads and publishes an item page with or without a heading', () => {
    expect(itemPageTarget('guides/model-monitoring#drift')).toEqual({ pageId: 'guides/model-monitoring', anchor: 'drift' });
    expect(itemPageTarget('/mlops/')).toEqual({ pageId: 'mlops', anchor: undefined });
    expect(itemPagePath('guides/model-monitoring#drift', '/mle-wiki/')).toBe('/mle-wiki/guides/model-monitoring/#drift');
    expect(itemPagePath('mlops')).toBe('/mlops/');
  });
});
