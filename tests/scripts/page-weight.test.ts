import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addedScripts, pageWeight } from '../../scripts/lib/page-weight.ts';

const site = mkdtempSync(join(tmpdir(), 'page-weight-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

/** A built page's scripts: what each file holds. */
const SCRIPTS = {
  'sw.js': 'navigator.serviceWorker;',
  '_astro/one.js': 'import{a}from"./shared.js";import("./lazy.js");',
  '_astro/two.js': 'import"./shared.js";export{a}from"./shared.js";',
  '_astro/shared.js': 'export const a=1;',
  '_astro/lazy.js': 'export const big="x".repeat(1000);',
};
const INLINE = 'import{a as b}from"/_astro/shared.js";';
const PAGE = `<!doctype html><html><head><script src="/sw.js"></script><script type="module" src="/_astro/one.js"></script><script type="module" src="/_astro/two.js"></script><script type="module">${INLINE}</script><script type="application/json">{"x":1}</script><link rel="stylesheet" href="/style.css"><style>p{}</style></head><body></body></html>`;

describe('page weight', () => {
  it('counts scripts, the modules they import (once each) and inline code, but not lazy imports or data', () => {
    for (const [path, text] of Object.entries({ ...SCRIPTS, 'style.css': 'body{}', 'index.html': PAGE })) {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), text);
    }
    const { '_astro/lazy.js': _lazy, ...loaded } = SCRIPTS;
    const js = Object.values(loaded).reduce((sum, text) => sum + text.length, INLINE.length);
    expect(pageWeight(site, 'index.html')).toEqual({ js, css: 'body{}'.length + 'p{}'.length });
  });

  it("counts a component's script and the modules only it needs, less what a page without it loads", () => {
    const files = {
      '_astro/Map.astro_script.js': 'import{a}from"./shared.js";import{m}from"./map-only.js";',
      '_astro/map-only.js': 'export const m=2;',
      'map/index.html': '<!doctype html><script type="module" src="/_astro/Map.astro_script.js"></script><script type="module" src="/_astro/two.js"></script>',
      'plain/index.html': '<!doctype html><script type="module" src="/_astro/two.js"></script>',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), text);
    }
    const added = addedScripts(site, 'map/index.html', 'Map.astro', 'plain/index.html');
    expect(added.files.map((file) => file.slice(site.length + 1))).toEqual(['_astro/Map.astro_script.js', '_astro/map-only.js']);
    expect(added.bytes).toBe(files['_astro/Map.astro_script.js'].length + files['_astro/map-only.js'].length);
    expect(added.gzip).toBeGreaterThan(0);
  });
});
