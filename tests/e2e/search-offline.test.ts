import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { canRun, useBrowserSession } from './harness.ts';

/** Opens Starlight's search dialog, types a query, and returns the result links once Pagefind answers. */
async function search(page: Page, query: string) {
  await page.locator('site-search button[data-open-modal]').first().click();
  const input = page.locator('site-search input[type="text"], site-search input[type="search"]').first();
  await input.fill(query);
  const results = page.locator('.pagefind-ui__result-link');
  await results.first().waitFor({ timeout: 10_000 });
  return results;
}

describe.skipIf(!canRun())('search and offline reading', () => {
  const session = useBrowserSession();

  it.each([
    ['a skill', 'model registry', /\/mlops\/intermediate\/$/],
    ['a tool', 'Kubeflow', /\/(mlops\/(intermediate\/|advanced\/)?|infrastructure\/ml-on-kubernetes\/|reference\/tools\/)$/],
    ['a KPI', 'change failure rate', /\/kpis\/change-failure-rate\/$/],
    ['an episode', 'Valerii Babushkin', /\/podcast\/(machine-learning-system-design-interview|ml-system-design)\/|\/guides\/(ml-system-design-interview|designing-ml-systems)\//],
  ])('finds %s (%s) and opens its page', async (_kind, query, expected) => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(''));
    const results = await search(page, query);
    // Pagefind lists a page once per matching section; count pages, not sections.
    const hrefs = [...new Set(await results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname)))].slice(0, 5);
    expect(hrefs.some((href) => expected.test(href)), `${query} → ${hrefs.join(', ')}`).toBe(true);
    const target = hrefs.find((href) => expected.test(href));
    await page.locator(`.pagefind-ui__result-link[href*="${target}"]`).first().click();
    await page.waitForURL(expected);
    await page.close();
  });

  it('offers a filter by section', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(''));
    await search(page, 'monitoring');
    await expect(page.locator('.pagefind-ui__filter-panel').textContent()).resolves.toMatch(/Role guide/);
    await page.close();
  });

  it('serves a visited page and search with the network off', async () => {
    // The harness blocks service workers unless a test allows them; this one is about the offline worker.
    const context: BrowserContext = await session.browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(session.server.url(''));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    await page.goto(session.server.url('kpis/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('KPIs');
    const results = await search(page, 'drift');
    expect(await results.count()).toBeGreaterThan(0);
    // Link previews and the graph explorer work offline too: their files are precached with the pages.
    await page.goto(session.server.url('role/boundaries/'));
    await page.locator('.sl-markdown-content p a[href="/role/career-path/"]').first().hover();
    await expect.poll(() => page.locator('#link-preview .link-preview-title').textContent().catch(() => '')).toBe('Career path and role variants');
    await page.goto(session.server.url('graph/#node-role--skills'));
    await expect.poll(() => page.locator('.graph-node.is-selected').getAttribute('aria-label')).toBe('Skills (Role guide)');
    await context.close();
  });
});
