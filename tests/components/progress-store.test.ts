import { describe, expect, it } from 'vitest';
import { parseImport, parseStoredProgress, progressKey, serialiseProgress, toExport } from '../../src/components/progress-store.ts';

describe('progress store', () => {
  it('round-trips progress through storage and export', () => {
    const done = new Set([progressKey('mlops-beginner', 'docker'), progressKey('roadmap-learning', 'sql')]);
    expect(parseStoredProgress(serialiseProgress(done))).toEqual(done);
    const exported = JSON.stringify(toExport(done, new Date('2026-01-01T00:00:00Z')));
    expect(parseImport(exported)).toEqual({ ok: true, done });
  });

  it('treats missing or corrupt storage as no progress', () => {
    expect(parseStoredProgress(null)).toEqual(new Set());
    expect(parseStoredProgress('{not json')).toEqual(new Set());
    expect(parseStoredProgress('{"a":1}')).toEqual(new Set());
  });

  it.each([
    ['not json', 'the file is not JSON'],
    ['{"done":[]}', 'the file is not a progress export of this wiki'],
    ['{"format":"mle-wiki-progress","done":"all"}', 'the list of done items is malformed'],
    ['{"format":"mle-wiki-progress","done":["<script>"]}', 'the list of done items is malformed'],
  ])('refuses the import %j with a reason', (text, reason) => {
    expect(parseImport(text)).toEqual({ ok: false, reason });
  });
});
