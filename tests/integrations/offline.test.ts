import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { offlineManifest, servedPath } from '../../src/integrations/offline.ts';
import { serviceWorkerSource } from '../../src/integrations/service-worker-source.ts';

/** The offline copy's list of files and cache version, from a build's output. */

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function output(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'mle-wiki-offline-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const SITE = {
  'index.html': '<h1>Home</h1>',
  '404.html': '<h1>Not found</h1>',
  'role/index.html': '<h1>Role</h1>',
  '_astro/page.1a2b3c.js': 'console.log(1)',
  'pagefind/pagefind-entry.json': '{"languages":{"en":{"hash":"en_1"}}}',
  'pagefind/pagefind.en_1.pf_meta': 'meta 1',
  'pagefind/filter/en_1.pf_filter': 'filter 1',
  'pagefind/fragment/en_a.pf_fragment': 'fragment',
  'kpis.csv': 'id\n',
  'sw.js': 'old worker',
};

describe('the offline manifest', () => {
  it('lists every file with its size, hash and group, pages at their folder', () => {
    const manifest = offlineManifest(output(SITE), '/mle-wiki/');
    const byUrl = new Map(manifest.files.map(([url, bytes, , group]) => [url, `${group} ${bytes}`]));
    expect(Object.fromEntries(byUrl)).toEqual({
      '/mle-wiki/': 'shell 13',
      '/mle-wiki/404.html': 'shell 18',
      '/mle-wiki/role/': 'page 13',
      '/mle-wiki/_astro/page.1a2b3c.js': 'shell 14',
      '/mle-wiki/pagefind/pagefind-entry.json': 'search 36',
      '/mle-wiki/pagefind/pagefind.en_1.pf_meta': 'search 6',
      '/mle-wiki/pagefind/filter/en_1.pf_filter': 'search 8',
      '/mle-wiki/pagefind/fragment/en_a.pf_fragment': 'search 8',
      '/mle-wiki/kpis.csv': 'other 3',
    });
  });

  it('keeps its cache version when only the files Pagefind writes differently each run differ, and changes it with any content', () => {
    const first = offlineManifest(output(SITE), '/').version;
    rmSync(root, { recursive: true, force: true });
    const reordered = { ...SITE, 'pagefind/pagefind-entry.json': '{"languages":{"en":{"hash":"en_2"}}}', 'pagefind/pagefind.en_1.pf_meta': 'meta 2', 'pagefind/filter/en_1.pf_filter': 'filter 2' };
    expect(offlineManifest(output(reordered), '/').version).toBe(first);
    rmSync(root, { recursive: true, force: true });
    expect(offlineManifest(output({ ...SITE, 'role/index.html': '<h1>Role, changed</h1>' }), '/').version).not.toBe(first);
  });

  it('writes URL paths as a browser asks for them', () => {
    root = mkdtempSync(join(tmpdir(), 'mle-wiki-offline-'));
    expect(servedPath('guides/日本語/index.html', '/')).toBe('/guides/%E6%97%A5%E6%9C%AC%E8%AA%9E/');
    expect(servedPath('files/a b.pdf', '/wiki/')).toBe('/wiki/files/a%20b.pdf');
  });
});

describe('the service worker', () => {
  it('holds only the version and the base path, so one version always gives the same bytes', () => {
    const source = serviceWorkerSource({ version: 'abc123', base: '/', offlinePage: '/about/offline/' });
    expect(source).toBe(serviceWorkerSource({ version: 'abc123', base: '/', offlinePage: '/about/offline/' }));
    expect(source).toContain("const VERSION = \"abc123\";");
    expect(source).toContain("fetch(url, { cache: 'reload', credentials: 'same-origin' })");
    expect(() => new Function(source)).not.toThrow();
  });
});
