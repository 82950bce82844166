import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canRun, useBrowserSession } from './harness.ts';

describe.skipIf(!canRun('base'))('the site built under BASE_PATH=/mle-wiki/', () => {
  const session = useBrowserSession('base');
  const failed: string[] = [];

  const open = async (path: string): Promise<Page> => {
    const page = await session.browser.newPage();
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().includes('/no/such/')) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(session.server.url(path));
    return page;
  };

  it('serves the home page and follows a map card, a map node, a sidebar link and an in-text link', async () => {
    const page = await open('');
    await page.locator('[data-map-entry="roadmap"] [data-map-entry-next] a').click();
    await page.waitForURL(/\/mle-wiki\/roadmap\/#node-[a-z0-9-]+$/);
    await page.locator('[data-roadmap-panel] .map-panel-learn a').click();
    await page.waitForURL(/\/mle-wiki\/[a-z0-9/-]+\/(#[a-z0-9-]+)?$/);
    const sidebarLink = page.locator('nav[aria-label="Main"] a[href^="/mle-wiki/"]:not([aria-current])').filter({ visible: true }).first();
    const target = await sidebarLink.getAttribute('href');
    await sidebarLink.click();
    await page.waitForURL((url) => url.pathname === target);
    await page.locator('.sl-markdown-content a[href^="/mle-wiki/"]:not(.citation-notes)').first().click();
    await page.waitForURL(/\/mle-wiki\/.+/);
    await page.close();
  });

  it('links citations to episode pages under the base path', async () => {
    const page = await open('role/boundaries/');
    await expect(page.locator('.citation-notes').first().getAttribute('href')).resolves.toMatch(/^\/mle-wiki\/podcast\/[a-z0-9-]+\/#at-/);
    await page.close();
  });

  it('searches and opens a result under the base path', async () => {
    const page = await open('');
    await page.locator('site-search button[data-open-modal]').first().click();
    await page.locator('site-search input[type="search"]').first().fill('drift');
    const result = page.locator('.search-result-link').first();
    await result.waitFor({ timeout: 30_000 });
    await expect(result.getAttribute('href')).resolves.toMatch(/^\/mle-wiki\//);
    await page.close();
  });

  it('previews a link from the preview file under the base path', async () => {
    const page = await open('role/boundaries/');
    await page.locator('.sl-markdown-content p a[href="/mle-wiki/role/career-path/"]').first().hover();
    await expect.poll(() => page.locator('#link-preview .link-preview-title').textContent().catch(() => '')).toBe('Career path and role variants');
    await page.close();
  });

  it('opens the site graph on a page from its neighbourhood', async () => {
    const page = await open('role/skills/');
    await page.getByRole('link', { name: 'Explore it in the site graph' }).click();
    await page.waitForURL(/\/mle-wiki\/graph\/#node-role--skills$/);
    await expect.poll(() => page.locator('.graph-node.is-selected').getAttribute('href')).toBe('/mle-wiki/role/skills/');
    await page.close();
  });

  it('loads every kind of page with its scripts, styles and images without an error', async () => {
    failed.length = 0;
    for (const path of ['', 'role/', 'roadmap/learning-sequence/', 'mlops/intermediate/', 'kpis/', 'kpis/change-failure-rate/', 'guides/model-monitoring/', 'podcast/', 'podcast/data-team-roles/', 'graph/', 'contributing/rules/page-missing/']) {
      const page = await open(path);
      await page.waitForLoadState('load');
      await page.close();
    }
    expect(failed).toEqual([]);
  });
});
