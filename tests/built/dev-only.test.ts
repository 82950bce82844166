import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEMS_EVENT, SOURCE_POSITION_ATTRIBUTE } from '../../src/site/dev-check-protocol.ts';
import { listFiles } from '../../src/lib/files.ts';
import { BUILDS, isBuilt } from './build-site.ts';

/** The reference check of `npm run dev` (source positions on links, the toolbar app) never reaches a build. */
describe.skipIf(!isBuilt('root'))('a production build', () => {
  it('has no source positions in its pages and no reference-check app in its scripts', () => {
    const root = BUILDS.root.outDir;
    const files = listFiles(root, '.', /\.(html|js)$/, { all: true });
    expect(files.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(100);
    const leaking = files.filter((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return text.includes(SOURCE_POSITION_ATTRIBUTE) || text.includes(PROBLEMS_EVENT);
    });
    expect(leaking).toEqual([]);
  });
});
