import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { canRun, useBrowserSession } from './harness.ts';

/** Opens the search dialog, types a query, and returns the result links once the first result shows. */
async function search(page: Page, query: string) {
  await page.locator('site-search button[data-open-modal]').first().click();
  await page.locator('site-search input[type="search"]').fill(query);
  const results = page.locator('.search-result-link');
  await results.first().waitFor({ timeout: 10_000 });
  return results;
}

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not shown`);
  return found;
};

describe.skipIf(!canRun())('search and offline reading', () => {
  const session = useBrowserSession();

  describe('finds what a reader looks for', () => {
    // One context for these searches, as one reader's tab: the search index loads from its cache after the first.
    let finder: BrowserContext;
    beforeAll(async () => {
      finder = await session.browser.newContext();
    });
    afterAll(async () => {
      await finder.close();
    });

    it.each([
      ['a skill', 'model registry', /\/mlops\/intermediate\/$/],
      ['a tool', 'Kubeflow', /\/(mlops\/(intermediate\/|advanced\/)?|infrastructure\/ml-on-kubernetes\/|reference\/tools\/)$/],
      ['a KPI', 'change failure rate', /\/kpis\/change-failure-rate\/$/],
      ['an episode', 'Valerii Babushkin', /\/podcast\/(machine-learning-system-design-interview|ml-system-design)\/|\/guides\/(ml-system-design-interview|designing-ml-systems)\//],
      ['a question', 'what should I achieve in my first year as an ML engineer', /\/role\/first-year-goals\/$/],
    ])('finds %s (%s) and opens its page', async (_kind, query, expected) => {
      const page = await finder.newPage();
      await page.goto(session.server.url(''));
      const results = await search(page, query);
      const hrefs = (await results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname))).slice(0, 5);
      expect(hrefs.some((href) => expected.test(href)), `${query} → ${hrefs.join(', ')}`).toBe(true);
      const target = hrefs.find((href) => expected.test(href));
      await page.locator(`.search-result-link[href*="${target}"]`).first().click();
      await page.waitForURL(expected);
      await page.close();
    });
  });

  it.each([
    [1366, 900],
    [360, 740],
  ])('at %i px, keeps the filters above results that are at least as wide, and excerpts that read as sentences', async (width, height) => {
    const page = await session.browser.newPage({ viewport: { width, height } });
    await page.goto(session.server.url(''));
    await search(page, 'what does an ML engineer do');
    const filters = await box(page, '.search-filters');
    const results = await box(page, '.search-results');
    expect(filters.y + filters.height).toBeLessThanOrEqual(results.y);
    expect(results.width).toBeGreaterThanOrEqual(filters.width - 1);
    expect(results.width).toBeGreaterThan(width >= 800 ? 600 : 300);
    // Collapsed until asked for, so the results start near the top on a phone.
    await expect(page.locator('.search-filters').evaluate((details) => (details as HTMLDetailsElement).open)).resolves.toBe(false);
    await expect(page.locator('site-search .search-frame').evaluate((frame) => frame.scrollWidth <= frame.clientWidth)).resolves.toBe(true);
    const excerpt = (await page.locator('.search-result-excerpt').first().textContent()) ?? '';
    expect(excerpt).toMatch(/^(…|[A-Z0-9"“(])/);
    // Function words are not searched, so they are never highlighted.
    const marked = await page.locator('.search-results mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.map((word) => word.toLowerCase()).filter((word) => ['what', 'does', 'an', 'do'].includes(word))).toEqual([]);
    await page.close();
  });

  it('moves from the search box to the results with the arrow keys, and closes with Escape', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(''));
    await search(page, 'feature store');
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.classList.contains('search-result-link'))).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.locator('site-search dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).resolves.toBe(false);
    await page.close();
  });

  it('leaves contributor pages out of the results until the reader asks for them', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(''));
    await page.locator('site-search button[data-open-modal]').first().click();
    await page.locator('site-search input[type="search"]').fill('timestamp-missing');
    const offer = page.locator('.search-status button');
    await offer.waitFor({ timeout: 10_000 });
    await expect(page.locator('.search-result-link[href*="/contributing/"]').count()).resolves.toBe(0);
    await offer.click();
    await page.locator('.search-result-link[href*="/contributing/rules/timestamp-missing/"]').first().waitFor({ timeout: 10_000 });
    await expect(page.locator('site-search input[name="contributors"]').isChecked()).resolves.toBe(true);
    await page.close();
  });

  it('offers a filter by section', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(''));
    await search(page, 'monitoring');
    await page.locator('.search-filters summary').click();
    await page.locator('.search-filters input[value="KPIs"]').check();
    await expect.poll(async () => (await page.locator('.search-result-section').allTextContents()).every((section) => section === 'KPIs')).toBe(true);
    await expect(page.locator('.search-filters summary').textContent()).resolves.toContain('1 on');
    await page.close();
  });

  it('serves visited pages and search with the network off, and the whole wiki once the reader keeps it', async () => {
    // The harness blocks service workers unless a test allows them; this one is about the offline worker.
    const context: BrowserContext = await session.browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(session.server.url(''));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.goto(session.server.url('kpis/'));
    await context.setOffline(true);
    // A page the reader opened, and search, whose index the worker installs with the shell.
    await page.goto(session.server.url('kpis/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('KPIs');
    const results = await search(page, 'drift');
    expect(await results.count()).toBeGreaterThan(0);
    // A page never opened is not kept: the reader is told so, and where to keep the whole wiki.
    await page.goto(session.server.url('role/boundaries/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This page is not saved for offline reading');

    await context.setOffline(false);
    await page.goto(session.server.url('about/offline/'));
    const keep = page.getByRole('button', { name: /^Keep the whole wiki offline \(\d+(\.\d)? MB\)$/ });
    await keep.waitFor();
    await keep.click();
    await expect.poll(() => page.locator('[data-offline-status]').textContent(), { timeout: 60_000 }).toMatch(/^The whole wiki is kept offline/);
    await context.setOffline(true);
    // Link previews and the graph explorer work offline too: their files are part of the shell.
    await page.goto(session.server.url('role/boundaries/'));
    await page.locator('.sl-markdown-content p a[href="/role/career-path/"]').first().hover();
    await expect.poll(() => page.locator('#link-preview .link-preview-title').textContent().catch(() => '')).toBe('Career path and role variants');
    await page.goto(session.server.url('graph/#node-role--skills'));
    await expect.poll(() => page.locator('.graph-node.is-selected').getAttribute('aria-label')).toBe('Skills (Role guide)');
    await context.close();
  });
});
