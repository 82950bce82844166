import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { canRun, openPage, useBrowserSession } from './harness.ts';

describe.skipIf(!canRun())('a reader in the browser', () => {
  const session = useBrowserSession();
  let context: BrowserContext;

  beforeAll(async () => {
    context = await session.browser.newContext();
  });

  const open = (path: string): Promise<Page> => openPage(context, session, path);

  it('opens a citation at the cited second on YouTube', async () => {
    const page = await open('role/boundaries/');
    const citation = page.getByRole('link', { name: /Data Team Roles Explained.*Alexey Grigorev, at 17:04/ }).first();
    await expect(citation.getAttribute('href')).resolves.toBe('https://www.youtube.com/watch?v=UukjwSIAnpw&t=1024s');
    await page.close();
  });

  it('shows the citation preview on keyboard focus without moving the text', async () => {
    const page = await open('role/boundaries/');
    const citation = page.locator('.citation-moment').first();
    const card = citation.locator('.citation-card');
    const paragraph = citation.locator('xpath=ancestor::p[1]');
    const before = await paragraph.boundingBox();
    await expect(card.isVisible()).resolves.toBe(false);
    await citation.locator('.citation-link').focus();
    await expect.poll(() => card.isVisible()).toBe(true);
    await expect(card.textContent()).resolves.toContain('Alexey Grigorev');
    expect(await paragraph.boundingBox()).toEqual(before);
    await page.close();
  });

  it('links a citation to the moment on the episode page, which lists the pages citing it', async () => {
    const page = await open('role/boundaries/');
    await page.locator('.citation-moment .citation-notes').first().click();
    await page.waitForURL(/\/podcast\/data-team-roles\/#at-17-04$/);
    await expect(page.locator('#at-17-04').textContent()).resolves.toContain('scales it');
    // The page lists each citing page once, with links to the moments it cites.
    const citing = page.locator('.cited-by li', { hasText: 'Boundaries with neighbouring roles' });
    await expect(citing.count()).resolves.toBe(1);
    await expect(citing.locator('a[href="#at-17-04"]').count()).resolves.toBe(1);
    await page.close();
  });

  it('ends every page with one connections block, about a screen high, naming each neighbour once', async () => {
    const page = await open('roadmap/');
    const block = page.locator('.page-connections');
    await expect(block.getByRole('heading', { name: 'Connections' }).isVisible()).resolves.toBe(true);
    const hrefs = await block.locator('.neighbourhood a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(hrefs.filter((href) => href === '/roadmap/learning-sequence/')).toHaveLength(1);
    // The drawing and the learn-more list, without the links of the old lists that repeated them.
    expect((await block.boundingBox())!.height).toBeLessThan(1100);
    await page.close();
  });

  it('keeps the chosen theme across a reload', async () => {
    const page = await open('');
    await page.locator('starlight-theme-select select').first().selectOption('dark');
    await page.reload();
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    await page.close();
  });

  it('answers an unknown address with the 404 page', async () => {
    const page = await context.newPage();
    const response = await page.goto(session.server.url('no/such/page/'));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('not in the wiki');
    await page.close();
  });

  it('prints a checklist with its ticked boxes and without the page chrome', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('mlops/advanced/'));
    await page.locator('[data-checklist] input[type="checkbox"]').first().check();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-checklist] input[type="checkbox"]').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-checklist] input[type="checkbox"]').first().isChecked()).resolves.toBe(true);
    await expect(page.locator('.page-connections').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-progress-actions]').isVisible()).resolves.toBe(false);
    await page.close();
  });
});
