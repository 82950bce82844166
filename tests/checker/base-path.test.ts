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

  it('reports a relative link that climbs above the base path, which would leave the site', () => {
    const [found] = onPage('[kpis](../../../kpis/)');
    expect(found?.rule).toBe('page-missing');
    expect(found?.message).toContain('climbs above the site');
  });

  it('accepts a relative link that stays inside it', () => {
    expect(onPage('[monitoring](../model-monitoring/)')).toEqual([]);
  });
});
