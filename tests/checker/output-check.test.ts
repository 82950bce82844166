import { describe, expect, it } from 'vitest';
import { checkBuiltSite, readBuiltPage } from '../../src/checker/output-check.ts';
import { fixture } from '../helpers/fixture-project.ts';

const pages = [readBuiltPage('index.html', fixture('output/index.html')), readBuiltPage('role/index.html', fixture('output/role.html'))];
const files = new Set(['index.html', 'role/index.html', '_astro/site.css', 'logo.svg']);

describe('output check', () => {
  it('reads ids and links from built HTML, including template content', () => {
    expect([...pages[0]!.ids]).toEqual(['_top', 'drift']);
    expect(pages[0]!.links.map((link) => link.url)).toContain('/mle-wiki/inside-template/');
  });

  it('reports links to missing files and ids, and paths outside the base', () => {
    const problems = checkBuiltSite({ pages, files, basePath: '/mle-wiki/' });
    expect(problems.map((p) => `${p.rule} ${p.message}`)).toEqual([
      'output-anchor-broken /mle-wiki/role/ has no element with id "missing": "/mle-wiki/role/#missing" on dist/index.html, made by a component, a generated page or the layout rather than written in the page\'s text',
      'output-link-broken no file /mle-wiki/nowhere/ in the output: "/mle-wiki/nowhere/" on dist/index.html, made by a component, a generated page or the layout rather than written in the page\'s text',
      'output-link-broken the path is outside the base path /mle-wiki/: "/role/" on dist/index.html, made by a component, a generated page or the layout rather than written in the page\'s text',
      'output-link-broken no file /mle-wiki/inside-template/ in the output: "/mle-wiki/inside-template/" on dist/index.html, made by a component, a generated page or the layout rather than written in the page\'s text',
    ]);
  });

  it('reports empty files, which mean a build step was cut short', () => {
    const problems = checkBuiltSite({ pages: [pages[1]!], files, basePath: '/mle-wiki/', emptyFiles: ['pagefind/wasm.unknown.pagefind'] });
    expect(problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['dist/pagefind/wasm.unknown.pagefind output-file-empty']);
  });

  it('resolves relative links against the page they are on', () => {
    const problems = checkBuiltSite({ pages: [pages[1]!], files, basePath: '/mle-wiki/' });
    expect(problems).toEqual([]);
  });
});
