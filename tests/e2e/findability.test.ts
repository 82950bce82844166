import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/site/data.ts';
import { kpiPageId, TOOLS_PAGE_ID } from '../../src/site/generated-pages.ts';
import { canRun, useBrowserSession } from './harness.ts';
import { ROOT } from '../built/build-site.ts';

const { data } = loadSiteData(ROOT);

/**
 * Every KPI by name with its page, and every tool of the directory by name with the directory, which is
 * the page covering all of them (checklists and other pages name tools too, but link to its rows).
 */
const EXPECTATIONS: { term: string; page: string }[] = [
  ...data.kpis.map((kpi) => ({ term: kpi.name, page: `/${kpiPageId(kpi.id)}/` })),
  ...data.tools.map((tool) => ({ term: tool.name, page: `/${TOOLS_PAGE_ID}/` })),
];

describe.skipIf(!canRun())('everything the seeds name can be found', () => {
  const session = useBrowserSession();

  it('finds the covering page among the first results for every KPI and tool', async () => {
    expect(EXPECTATIONS.length).toBe(data.kpis.length + data.tools.length);
    expect(data.tools.length).toBeGreaterThan(60);
    const page = await session.browser.newPage();
    await page.goto(session.server.url(''));
    // Pagefind's own search API, run in the page: the same index and ranking as the search box. The script
    // is passed as text so that vitest does not rewrite its dynamic import.
    const results = (await page.evaluate(`(async () => {
      const pagefind = await import('${session.server.url('pagefind/pagefind.js')}');
      const found = {};
      for (const term of ${JSON.stringify(EXPECTATIONS.map((expectation) => expectation.term))}) {
        const search = await pagefind.search(term);
        const top = await Promise.all(search.results.slice(0, 8).map((result) => result.data()));
        found[term] = top.map((entry) => entry.url.replace(/#.*$/, ''));
      }
      return found;
    })()`)) as Record<string, string[]>;
    const missed = EXPECTATIONS.filter(({ term, page: expected }) => !(results[term] ?? []).includes(expected)).map(({ term, page: expected }) => `${term} → expected ${expected}, got ${(results[term] ?? []).join(', ')}`);
    expect(missed).toEqual([]);
    await page.close();
  });
});
