import { describe, expect, it } from 'vitest';
import { checkFixture } from '../helpers/fixture-project.ts';

const PAGE = 'src/content/docs/guides/case.mdx';
const page = (body: string) => `---\ntitle: Case\ndescription: A base-path case.\nsection: guides\nrelated: [guides/model-monitoring]\nsources: []\n---\n\n${body}\n`;
const env = { BASE_PATH: '/mle-wiki/', SITE_URL: 'https://wiki.example.org' };
const onPage = (body: string) => checkFixture({ [PAGE]: page(body) }, { env }).filter((p) => p.file === PAGE && !['page-orphan', 'page-few-links'].includes(p.rule));

describe('links under a base path', () => {
  it('suggests a full URL of the site as the path a contributor writes, without the base path', () => {
    const [found] = onPage('[monitoring](https://wiki.example.org/mle-wiki/guides/model-monitoring/)');
    expect(found?.rule).toBe('link-absolute-self');
    expect(found?.message).toContain('write it from the site root as /guides/model-monitoring/');
  });

  it('reports a relative link that climbs above the site root, which would leave the site', () => {
    const [found] = onPage('[kpis](../../../kpis/)');
    expect(found?.rule).toBe('page-missing');
    expect(found?.message).toContain('climbs above the site root (this page is 2 levels below the site root)');
  });

  it('accepts a relative link that stays inside it', () => {
    expect(onPage('[monitoring](../model-monitoring/)')).toEqual([]);
  });
});

describe('a verdict that does not depend on the base path', () => {
  const verdicts = (body: string, pageEnv: Record<string, string>) =>
    checkFixture({ [PAGE]: page(body) }, { env: pageEnv })
      .filter((p) => p.file === PAGE && !['page-orphan', 'page-few-links'].includes(p.rule))
      .map((p) => `${p.position.line}:${p.position.column} ${p.rule} ${p.message}`);
  const links = [
    // Climbs above the root and comes back: the same page at the root, another place under a base path.
    '[role](../../../../role/)',
    '[role](../../../mle-wiki/role/)',
    '[role](..%2F..%2F..%2Frole/)',
    '[role](%2e%2e/%2e%2e/%2e%2e/role/)',
    '[logo](../../../favicon.svg)',
    '[role](../../role/)',
    '[monitoring](./../model-monitoring/)',
  ];

  it.each(links)('%s', (link) => {
    expect(verdicts(link, {})).toEqual(verdicts(link, env));
  });

  it('refuses a link that climbs above the site root at the root too', () => {
    expect(verdicts('[role](../../../../role/)', {})).toEqual([expect.stringContaining('page-missing "../../../../role/" climbs above the site root')]);
  });
});

describe('files the build writes', () => {
  it('resolves links to the sitemap, the search index and the service worker', () => {
    expect(onPage('[sitemap](/sitemap-index.xml) [search](/pagefind/pagefind.js) [entry](/pagefind/pagefind-entry.json) [worker](/sw.js) [data](/kpis.json)')).toEqual([]);
  });

  it('still reports a file no step writes', () => {
    expect(onPage('[search](/pagefind/pagefind-search.js)').map((p) => p.rule)).toEqual(['asset-missing']);
  });
});
