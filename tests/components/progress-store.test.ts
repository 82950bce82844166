import { describe, expect, it } from 'vitest';
import {
  addSummaries,
  completion,
  describeSummary,
  isComplete,
  parseStoredProgress,
  progressKey,
  serialiseProgress,
  statusOf,
  summarise,
  summariseChecklist,
  withoutChecklist,
  withStatus,
  type ItemState,
} from '../../src/components/progress/progress-store.ts';
import { describeImport, describeReset, describeStates, mergeProgress, parseImport, previewImport, toExport } from '../../src/components/progress/progress-file.ts';

const docker = progressKey('mlops-beginner', 'docker');
const sql = progressKey('roadmap-learning', 'sql');
const task = 'guides/production-ml-checklist#a-baseline-exists-with-a-score';
const progress = (entries: [string, ItemState][]) => new Map(entries);

describe('progress store', () => {
  it('round-trips every state through storage and export', () => {
    const saved = progress([
      [docker, 'done'],
      [sql, 'in-progress'],
      [task, 'skipped'],
    ]);
    expect(parseStoredProgress(serialiseProgress(saved))).toEqual(saved);
    const exported = JSON.stringify(toExport(saved, new Date('2026-01-01T00:00:00Z')));
    expect(parseImport(exported)).toEqual({ ok: true, items: saved, exportedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('carries the version 1 list of done items over when nothing newer is stored', () => {
    const legacy = JSON.stringify([docker, sql]);
    expect(parseStoredProgress(null, legacy)).toEqual(progress([
      [docker, 'done'],
      [sql, 'done'],
    ]));
    // Once version 2 is stored, the old list is history.
    expect(parseStoredProgress(serialiseProgress(progress([[sql, 'skipped']])), legacy)).toEqual(progress([[sql, 'skipped']]));
  });

  it('treats missing or corrupt storage as no progress', () => {
    expect(parseStoredProgress(null)).toEqual(new Map());
    expect(parseStoredProgress('{not json')).toEqual(new Map());
    expect(parseStoredProgress('{"a":1}')).toEqual(new Map());
    expect(parseStoredProgress('{"version":2,"items":{"a/b":"finished"}}')).toEqual(new Map());
    expect(parseStoredProgress(null, '{"a":1}')).toEqual(new Map());
  });

  it('sets and clears one item, and resets one checklist without touching the others', () => {
    const one = withStatus(new Map(), docker, 'in-progress');
    expect(statusOf(one, docker)).toBe('in-progress');
    expect(statusOf(withStatus(one, docker, 'todo'), docker)).toBe('todo');
    const both = withStatus(withStatus(one, sql, 'done'), 'mlops-beginner-extra/x', 'done');
    expect([...withoutChecklist(both, 'mlops-beginner').keys()]).toEqual([sql, 'mlops-beginner-extra/x']);
  });

  it('accepts a version 1 export as done items', () => {
    expect(parseImport(JSON.stringify({ format: 'mle-wiki-progress', version: 1, done: [docker] }))).toEqual({ ok: true, items: progress([[docker, 'done']]), exportedAt: undefined });
  });

  it.each([
    ['not json', 'the file is not JSON'],
    ['{"done":[]}', 'the file is not a progress export of this wiki'],
    ['{"format":"mle-wiki-progress","done":"all"}', 'the list of done items is malformed'],
    ['{"format":"mle-wiki-progress","done":["<script>"]}', 'the list of done items is malformed'],
    ['{"format":"mle-wiki-progress","items":{"a/b":"finished"}}', 'the list of items is malformed'],
    ['{"format":"mle-wiki-progress","items":{"<b>":"done"}}', 'the list of items is malformed'],
    ['{"format":"mle-wiki-progress","items":["a/b"]}', 'the list of items is malformed'],
  ])('refuses the import %j with a reason', (text, reason) => {
    expect(parseImport(text)).toEqual({ ok: false, reason });
  });

  it('refuses a file with more items than progress can keep, or too big to be an export, before reading its items', () => {
    // 400,000 keys take about 15 MB.
    const huge = `{"format":"mle-wiki-progress","version":2,"items":{${'"roadmap-learning/item-000000":"done",'.repeat(400_000)}"a/b":"done"}}`;
    expect(parseImport(huge)).toEqual({ ok: false, reason: 'the file is 15.2 MB, more than the 1.0 MB a progress export of this wiki can be' });
    const many = Object.fromEntries(Array.from({ length: 6_000 }, (_, index) => [`a/${index}`, 'done']));
    expect(parseImport(JSON.stringify({ format: 'mle-wiki-progress', version: 2, items: many }))).toEqual({
      ok: false,
      reason: 'the file holds 6,000 items, more than the 5,000 progress can keep (the wiki has a few hundred)',
    });
    const done = Array.from({ length: 6_000 }, (_, index) => `a/${index}`);
    expect(parseImport(JSON.stringify({ format: 'mle-wiki-progress', version: 1, done }))).toMatchObject({ ok: false, reason: expect.stringContaining('6,000 items') });
  });
});

describe('summaries', () => {
  const saved = progress([
    [docker, 'done'],
    ['mlops-beginner/git', 'in-progress'],
    ['mlops-beginner/k8s', 'skipped'],
    [sql, 'done'],
    ['mlops-beginner/x#y', 'done'],
  ]);

  it('counts each state over a list of keys', () => {
    expect(summarise(saved, [docker, 'mlops-beginner/git', 'mlops-beginner/k8s', 'mlops-beginner/none'])).toEqual({ total: 4, done: 1, inProgress: 1, skipped: 1 });
  });

  it('counts a checklist by its id, ignoring task keys and never exceeding its size', () => {
    expect(summariseChecklist(saved, 'mlops-beginner', 10)).toEqual({ total: 10, done: 1, inProgress: 1, skipped: 1 });
    expect(summariseChecklist(saved, 'mlops-beginner', 2)).toEqual({ total: 2, done: 1, inProgress: 1, skipped: 0 });
    expect(summariseChecklist(saved, 'mlops', 10)).toEqual({ total: 10, done: 0, inProgress: 0, skipped: 0 });
  });

  it('adds stages into a track and describes them in words', () => {
    const sum = addSummaries([
      { total: 10, done: 2, inProgress: 1, skipped: 0 },
      { total: 5, done: 1, inProgress: 0, skipped: 2 },
    ]);
    expect(sum).toEqual({ total: 15, done: 3, inProgress: 1, skipped: 2 });
    expect(describeSummary(sum)).toBe('3 of 15 done, 1 in progress, 2 skipped');
    expect(describeSummary({ total: 4, done: 0, inProgress: 0, skipped: 0 })).toBe('0 of 4 done');
    expect(describeStates(sum)).toBe('3 done, 1 in progress and 2 skipped');
  });

  it('says what a reset clears, or that there is nothing to clear', () => {
    expect(describeReset({ total: 12, done: 3, inProgress: 0, skipped: 1 })).toBe(
      'This clears what you marked on its 12 items: 3 done and 1 skipped. It cannot be undone; export your progress first if you want a copy.',
    );
    expect(describeReset({ total: 12, done: 0, inProgress: 0, skipped: 0 })).toBe('Nothing is saved for this checklist yet, so there is nothing to clear.');
  });

  it('leaves skipped items out of the bar, so a list with the rest done is complete', () => {
    const finished = { total: 5, done: 3, inProgress: 0, skipped: 2 };
    expect(completion(finished)).toEqual({ value: 3, max: 3 });
    expect(isComplete(finished)).toBe(true);
    expect(completion({ total: 2, done: 0, inProgress: 0, skipped: 2 })).toEqual({ value: 1, max: 1 });
    expect(completion({ total: 0, done: 0, inProgress: 0, skipped: 0 })).toEqual({ value: 0, max: 1 });
    expect(isComplete({ total: 5, done: 3, inProgress: 1, skipped: 1 })).toBe(false);
  });
});

describe('import', () => {
  const mine = progress([
    [docker, 'done'],
    [sql, 'in-progress'],
    ['roadmap-learning/git', 'done'],
  ]);
  const file = progress([
    [sql, 'done'],
    [docker, 'done'],
    [task, 'skipped'],
  ]);

  it('previews what a merge adds and changes and what a replace would lose', () => {
    expect(previewImport(mine, file)).toEqual({ file: { total: 3, done: 2, inProgress: 0, skipped: 1 }, added: 1, changed: 1, onlyCurrent: 1 });
  });

  it('says what a file holds and what merging and replacing would do', () => {
    expect(describeImport(previewImport(mine, file))).toBe(
      'The file holds 3 items: 2 done and 1 skipped. Merging adds 1 item, changes 1 item to the state in the file and keeps everything else you marked. Replacing also clears the 1 item that only you have marked.',
    );
    expect(describeImport(previewImport(new Map(), file))).toContain('Replacing keeps only what the file holds.');
  });

  it('merges by keeping every item and taking the file state where both have one', () => {
    expect(mergeProgress(mine, file)).toEqual(progress([
      [docker, 'done'],
      [sql, 'done'],
      ['roadmap-learning/git', 'done'],
      [task, 'skipped'],
    ]));
  });
});

describe('stored progress with a key it cannot read', () => {
  it('keeps every other entry, and keeps keys of task items in any script', () => {
    const stored = JSON.stringify({ version: 2, items: { 'roadmap-learning/python': 'done', 'guides/x#हिन्दी-में': 'in-progress', 'bad key': 'done', 'a/b': 'finished' } });
    expect([...parseStoredProgress(stored)]).toEqual([
      ['roadmap-learning/python', 'done'],
      ['guides/x#हिन्दी-में', 'in-progress'],
    ]);
  });
});
