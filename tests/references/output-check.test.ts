import { describe, expect, it } from 'vitest';
import { checkBuiltSite, readBuiltPage } from '../../src/references/output-check.ts';
import { fixture } from '../helpers/fixture-project.ts';

const pages = [readBuiltPage('index.html', fixture('output/index.html')), readBuiltPage('role/index.html', fixture('output/role.html'))];
const files = new Set(['index.html', 'role/index.html', '_astro/site.css', 'logo.svg']);

describe('output check', () => {
  it('reads ids and links from built HTML, including template content', () => {
    expect([...pages[0]!.ids]).toEqual(['_top', 'drift']);
    expect(pages[0]!.links.map((link) => link.url)).toContain('/mle-wiki/inside-template/');
  });

  it('reports links to missing files and ids, and paths outside the base', () => {
    const problems = checkBuiltSite(pages, files, '/mle-wiki/');
    expect(problems.map((p) => `${p.file} ${p.rule} ${p.message}`)).toEqual([
      'dist/index.html output-anchor-broken <a href="/mle-wiki/role/#missing">: /mle-wiki/role/ has no element with id "missing"',
      'dist/index.html output-link-broken <a href="/mle-wiki/nowhere/">: no file /mle-wiki/nowhere/ in the output',
      'dist/index.html output-link-broken <a href="/role/">: the path is outside the base path /mle-wiki/',
      'dist/index.html output-link-broken <a href="/mle-wiki/inside-template/">: no file /mle-wiki/inside-template/ in the output',
    ]);
  });

  it('reports empty files, which mean a build step was cut short', () => {
    const problems = checkBuiltSite([pages[1]!], files, '/mle-wiki/', 'dist', ['pagefind/wasm.unknown.pagefind']);
    expect(problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['dist/pagefind/wasm.unknown.pagefind output-file-empty']);
  });

  it('resolves relative links against the page they are on', () => {
    const problems = checkBuiltSite([pages[1]!], files, '/mle-wiki/');
    expect(problems).toEqual([]);
  });
});
