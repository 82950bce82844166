import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildEnvironment, heapLimitMb, SEMI_SPACE_MB, writtenPageCount } from '../../scripts/lib/build-memory.ts';

describe('the memory settings of astro build', () => {
  it('cap the heap with a floor for small wikis, growing with the written pages past it', () => {
    expect(heapLimitMb(0)).toBe(heapLimitMb(1_000));
    expect(heapLimitMb(20_000)).toBeGreaterThan(heapLimitMb(5_000));
  });

  it("add the cap and the young generation's size to the contributor's own options", () => {
    const ours = `--max-old-space-size=${heapLimitMb(100)} --max-semi-space-size=${SEMI_SPACE_MB}`;
    expect(astroBuildEnvironment({ NODE_OPTIONS: '--enable-source-maps' }, 100).NODE_OPTIONS).toBe(`--enable-source-maps ${ours}`);
    expect(astroBuildEnvironment({}, 100).NODE_OPTIONS).toBe(ours);
    expect(astroBuildEnvironment({ NODE_OPTIONS: '  ' }, 100).NODE_OPTIONS).toBe(ours);
  });

  it("leave a contributor's own limits alone", () => {
    expect(astroBuildEnvironment({ NODE_OPTIONS: '--max-old-space-size=8192 --max-semi-space-size=16', MIMALLOC_PURGE_DELAY: '10' }, 100)).toEqual({
      NODE_OPTIONS: '--max-old-space-size=8192 --max-semi-space-size=16',
      MIMALLOC_PURGE_DELAY: '10',
    });
    expect(astroBuildEnvironment({ NODE_OPTIONS: '--max-old-space-size=8192' }, 100).NODE_OPTIONS).toBe(`--max-old-space-size=8192 --max-semi-space-size=${SEMI_SPACE_MB}`);
  });

  it("have the bundler's allocator give freed memory back at once", () => {
    expect(astroBuildEnvironment({}, 100).MIMALLOC_PURGE_DELAY).toBe('0');
  });
});

describe('the written pages counted for the cap', () => {
  const root = mkdtempSync(join(tmpdir(), 'build-memory-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('are the MDX and Markdown files under src/content/docs, in every folder', () => {
    mkdirSync(join(root, 'src/content/docs/role/deep'), { recursive: true });
    for (const file of ['index.mdx', 'role/a.mdx', 'role/deep/b.md', 'role/picture.svg']) writeFileSync(join(root, 'src/content/docs', file), '');
    expect(writtenPageCount(root)).toBe(3);
  });

  it('are none in a project without pages', () => {
    expect(writtenPageCount(join(root, 'missing'))).toBe(0);
  });
});
