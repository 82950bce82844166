import { describe, expect, it } from 'vitest';
import { mapPosition, type EntryItem, type EntryStage } from '../../src/components/roadmap/map-progress.ts';
import type { ItemState } from '../../src/components/progress/progress-store.ts';

/** Where the home page's "Continue" block says a reader is, and which item it offers next. */

const item = (key: string, stage: number, after: string[] = []): EntryItem => ({ key, label: key, href: `/roadmap/#node-${key}`, stage, after });
const items = [item('a/python', 0), item('a/frame', 0), item('a/train', 0, ['a/frame']), item('b/project', 1)];
const stages: EntryStage[] = [
  { title: 'Learning', keys: ['a/python', 'a/frame', 'a/train'] },
  { title: 'Projects', keys: ['b/project'] },
];
const progress = (entries: Record<string, ItemState>) => new Map(Object.entries(entries));

describe('where a reader is on a map', () => {
  it('offers the first item to a reader who has marked nothing', () => {
    expect(mapPosition(items, stages, progress({}))).toMatchObject({ started: false, stage: 0, next: { key: 'a/python' } });
  });

  it('offers an item in progress before any item not started', () => {
    const position = mapPosition(items, stages, progress({ 'a/python': 'done', 'b/project': 'in-progress' }));
    expect(position).toMatchObject({ started: true, stage: 1, next: { key: 'b/project' }, summary: { total: 4, done: 1, inProgress: 1 } });
  });

  it('skips an item whose "after" items are still open, for one that can be started now', () => {
    expect(mapPosition([items[2]!, items[1]!], stages, progress({ 'a/python': 'skipped' })).next?.key).toBe('a/frame');
    expect(mapPosition(items, stages, progress({ 'a/python': 'done', 'a/frame': 'done' })).next?.key).toBe('a/train');
  });

  it('offers nothing once every item is done or skipped, and stays on the last stage', () => {
    const position = mapPosition(items, stages, progress({ 'a/python': 'done', 'a/frame': 'done', 'a/train': 'skipped', 'b/project': 'done' }));
    expect(position).toMatchObject({ started: true, stage: 1, next: undefined });
  });
});
