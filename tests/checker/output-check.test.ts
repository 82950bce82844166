import { describe, expect, it } from 'vitest';
import { checkBuiltSite, NavigationMemo, readBuiltPage } from '../../src/checker/output-check.ts';
import { fixture, fixtureIndex, located } from '../helpers/fixture-project.ts';

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

describe('output check in source terms', () => {
  const index = fixtureIndex({ 'src/content/docs/guides/extra.mdx': '---\ntitle: Extra\ndescription: D.\nsection: guides\nrelated: [guides/model-monitoring]\nsources: []\n---\n\nSee [drift](/guides/model-monitoring/#drift) and [the moment](podcast:data-team-roles@17:04).\n' });
  const built = readBuiltPage('guides/extra/index.html', '<main><a href="/guides/model-monitoring/#drift">d</a><a href="/podcast/data-team-roles/#at-17-04">notes</a><a href="/made/by/layout/">x</a></main>');
  const files = new Set(['guides/extra/index.html', 'guides/model-monitoring/index.html', 'podcast/data-team-roles/index.html']);

  it('reports a broken link at the line of the page that wrote it', () => {
    const monitoring = readBuiltPage('guides/model-monitoring/index.html', '<main><h2 id="other">Other</h2></main>');
    const episode = readBuiltPage('podcast/data-team-roles/index.html', '<main></main>');
    const problems = checkBuiltSite({ pages: [built, monitoring, episode], files, basePath: '/', index });
    expect(located(problems)).toEqual([
      'src/content/docs/guides/extra.mdx:1:1 output-link-broken',
      'src/content/docs/guides/extra.mdx:9:5 output-anchor-broken',
      'src/content/docs/guides/extra.mdx:9:50 output-anchor-broken',
    ]);
    expect(problems[0]?.message).toContain('made by a component, a generated page or the layout');
  });

  it('reads the sources only when there is a problem to place', () => {
    let reads = 0;
    const readIndex = () => {
      reads += 1;
      return index;
    };
    const clean = readBuiltPage('guides/extra/index.html', '<main><a href="/guides/model-monitoring/">m</a></main>');
    expect(checkBuiltSite({ pages: [clean], files, basePath: '/', index: readIndex })).toEqual([]);
    expect(reads).toBe(0);
    const monitoring = readBuiltPage('guides/model-monitoring/index.html', '<main><h2 id="other">Other</h2></main>');
    const problems = checkBuiltSite({ pages: [built, monitoring], files, basePath: '/', index: readIndex });
    expect(located(problems)).toContain('src/content/docs/guides/extra.mdx:9:5 output-anchor-broken');
    expect(reads).toBe(1);
  });
});

describe('output check of relative links', () => {
  const files = new Set(['index.html', 'role/index.html', 'guides/x/index.html']);
  const problems = (href: string, basePath: string) =>
    checkBuiltSite({ pages: [readBuiltPage('guides/x/index.html', `<main><a href="${href}">x</a></main>`)], files, basePath }).map((p) => `${p.rule} ${p.message.split(':')[0]}`);

  it('refuses a link that climbs above the site root, at the root as under a base path', () => {
    for (const href of ['../../../role/', '../../../mle-wiki/role/']) {
      expect(problems(href, '/')).toEqual([expect.stringContaining('output-link-broken "../../../')]);
      expect(problems(href, '/mle-wiki/')).toEqual(problems(href, '/'));
    }
  });

  it('accepts one that stays inside it', () => {
    expect(problems('../../role/', '/')).toEqual([]);
    expect(problems('../../role/', '/mle-wiki/')).toEqual([]);
  });
});

describe('output check on malformed links', () => {
  it('reports a link with broken percent-encoding instead of throwing', () => {
    const page = readBuiltPage('index.html', '<main><a href="/mle-wiki/a%zz/">x</a></main>');
    expect(checkBuiltSite({ pages: [page], files: new Set(['index.html']), basePath: '/mle-wiki/' }).map((p) => p.rule)).toEqual(['output-link-broken']);
  });
});

describe('reading the sidebar once for the pages that share it', () => {
  const sidebar = (current: string) =>
    `<nav class="sidebar" aria-label="Main"><details${current === 'a' ? ' open' : ''} class="group"><summary id="group-a">A</summary><a href="/a/"${current === 'a' ? ' aria-current="page"' : ''} class="link">A</a></details>` +
    `<details${current === 'b' ? ' open' : ''} class="group"><a href="/b/"${current === 'b' ? ' aria-current="page"' : ''} class="link">B</a> <script type="module">customElements.define('x-menu', class extends HTMLElement {});</script></details></nav>`;
  const page = (current: string, beforeSidebar = '') =>
    `<!doctype html><html><head><title>${current}</title><link rel="stylesheet" href="/_astro/site.css"></head><body><header><a href="/">Home</a></header>${beforeSidebar} ${sidebar(current)}<main data-pagefind-body><h2 id="on-${current}">On ${current}</h2><a href="/${current}/#on-${current}">self</a></main></body></html>`;
  /** The same page read whole: without the body's marker no navigation is read apart. */
  const readWhole = (file: string, html: string) => readBuiltPage(file, html.replace('data-pagefind-body', 'data-body'));
  const asRead = ({ ids, links }: { ids: Set<string>; links: unknown[] }) => ({ ids: [...ids], links });

  it('reads every page as it reads it whole, in document order', () => {
    const navigation = new NavigationMemo();
    for (const current of ['a', 'b', 'a']) {
      expect(asRead(readBuiltPage(`${current}/index.html`, page(current), navigation))).toEqual(asRead(readWhole(`${current}/index.html`, page(current))));
    }
    expect(readBuiltPage('a/index.html', page('a'), navigation).links.map((link) => link.url)).toEqual(['/_astro/site.css', '/', '/a/', '/b/', '/a/#on-a']);
  });

  it.each([
    ['inside an attribute of another tag', `<meta content='> <nav class="x"><span id="fake"></span></nav>'>`],
    ['inside a script', `<script>const html = '<nav class="x"><span id="fake"></span></nav>';</script>`],
    ['whose first end tag is inside an attribute', `<nav class="x"><a title="</nav>"><span id="real"></span></a></nav>`],
  ])('reads the page whole when what looks like a navigation element is written %s', (_, markup) => {
    const html = page('a', markup);
    expect(asRead(readBuiltPage('a/index.html', html, new NavigationMemo()))).toEqual(asRead(readWhole('a/index.html', html)));
  });
});
