import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadSiteData } from '../../src/site/data.ts';
import { TOOLS_PAGE_ID, toolAnchor } from '../../src/site/generated-pages.ts';
import { ROOT } from '../built/build-site.ts';
import { canRun, useBrowserSession } from './harness.ts';
import { axeViolations } from './axe.ts';

const { data } = loadSiteData(ROOT);
const PAGE = `${TOOLS_PAGE_ID}/`;
const servingTools = data.tools.filter((tool) => tool.category === 'serving');
const visibleRows = (page: Page) => page.locator('tr[data-tool-category]:visible');
const countText = (page: Page) => page.locator('[data-tools-controls] output').textContent();
/** Presses a row's "When to pick it, alternatives and links" (a button; a summary without JavaScript). */
const openRow = (page: Page, id: string) => page.locator(`#${toolAnchor(id)} button[data-tool-more]`).click();
const openRowWithoutScripts = (page: Page, id: string) => page.locator(`#${toolAnchor(id)} .tool-more > summary`).click();


describe.skipIf(!canRun())('the tools directory', () => {
  const session = useBrowserSession();

  it('shows every tool, one row each with its id, and the filters once the script runs', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(PAGE));
    await expect(visibleRows(page).count()).resolves.toBe(data.tools.length);
    const ids = await page.locator('tr[data-tool-category]').evaluateAll((rows) => rows.map((row) => row.id));
    expect(ids).toEqual(data.tools.map((tool) => toolAnchor(tool.id)));
    await expect(page.locator('[data-tools-controls]').isVisible()).resolves.toBe(true);
    await expect(countText(page)).resolves.toBe(`${data.tools.length} of ${data.tools.length} tools shown`);
    await page.close();
  });

  it('filters by category, phase and text, keeps the filters in the URL, and resets from the empty state', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(PAGE));
    await page.getByLabel('Category').selectOption('serving');
    await expect(visibleRows(page).count()).resolves.toBe(servingTools.length);
    expect(new URL(page.url()).searchParams.get('category')).toBe('serving');

    await page.locator('select[name="phase"]').selectOption('beginner');
    const beginnerServing = servingTools.filter((tool) => tool.phase === 'beginner');
    await expect(visibleRows(page).count()).resolves.toBe(beginnerServing.length);

    // The state survives a reload, as a bookmarked or shared link would.
    await page.reload();
    await expect(page.locator('select[name="phase"]').inputValue()).resolves.toBe('beginner');
    await expect(visibleRows(page).count()).resolves.toBe(beginnerServing.length);

    await page.getByLabel('Find a tool').fill('no tool says this');
    await expect(visibleRows(page).count()).resolves.toBe(0);
    const empty = page.locator('[data-tools-empty]');
    await expect(empty.isVisible()).resolves.toBe(true);
    await empty.getByRole('button').click();
    await expect(visibleRows(page).count()).resolves.toBe(data.tools.length);
    await expect(empty.isVisible()).resolves.toBe(false);
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  it('finds a tool by an alias typed into the text filter', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(`${PAGE}?q=kfserving`));
    await expect(page.locator('tr[data-tool-category]:visible').evaluateAll((rows) => rows.map((row) => row.id))).resolves.toEqual([toolAnchor('kserve')]);
    await page.close();
  });

  it('shows a row that a link points at even when the filters would hide it', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(`${PAGE}?category=serving#${toolAnchor('mlflow')}`));
    await expect(page.locator(`#${toolAnchor('mlflow')}`).isVisible()).resolves.toBe(true);
    await expect(visibleRows(page).count()).resolves.toBe(data.tools.length);
    // An alternative is a link to another row of the same table.
    await page.getByLabel('Category').selectOption('experiment-tracking');
    await openRow(page, 'mlflow');
    await page.locator(`#${toolAnchor('mlflow')} a[href="#${toolAnchor('weights-and-biases')}"]`).click();
    await expect(page.locator(`#${toolAnchor('weights-and-biases')}`).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('reads as cards on a 360 px screen, without scrolling sideways', async () => {
    const page = await session.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(session.server.url(PAGE));
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
    await expect(page.locator('tr[data-tool-category]').first().evaluate((row) => getComputedStyle(row).display)).resolves.toBe('block');
    await page.close();
  });

  it('shows the whole table without JavaScript, and no controls that need it', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.server.url(PAGE));
    await expect(visibleRows(page).count()).resolves.toBe(data.tools.length);
    await expect(page.locator('[data-tools-controls]').isVisible()).resolves.toBe(false);
    // A row's details are plain markup without JavaScript, behind a summary; the button that needs a script is hidden.
    const row = page.locator(`#${toolAnchor('mlflow')}`);
    await expect(row.locator('button[data-tool-more]').isVisible()).resolves.toBe(false);
    await expect(row.locator('.tool-alternatives a').first().isVisible()).resolves.toBe(false);
    await openRowWithoutScripts(page, 'mlflow');
    await expect(row.locator(`.tool-alternatives a[href="#${toolAnchor('weights-and-biases')}"]`).isVisible()).resolves.toBe(true);
    await expect(row.locator('.tool-discussed a[href="/mlops/beginner/"]').count()).resolves.toBe(1);
    await context.close();
  });

  it('builds a row\'s details only when the reader opens it, with when to pick it, alternatives, licence, docs and the pages that discuss it', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(PAGE));
    await expect(visibleRows(page).count()).resolves.toBe(data.tools.length);
    // Until a row is opened, its details are not elements the browser has to style and lay out.
    await expect(page.locator('.tool-more-body').count()).resolves.toBe(0);
    const mlflow = data.tools.find((tool) => tool.id === 'mlflow')!;
    const row = page.locator(`#${toolAnchor('mlflow')}`);
    await openRow(page, 'mlflow');
    await expect(page.locator('.tool-more-body').count()).resolves.toBe(1);
    await expect(row.locator('.tool-more-body').textContent()).resolves.toContain(mlflow.when);
    await expect(row.locator('.tool-alternatives a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).resolves.toEqual(mlflow.alternatives.map((id) => `#${toolAnchor(id)}`));
    await expect(row.locator(`a[href="${mlflow.docs}"]`).isVisible()).resolves.toBe(true);
    await expect(row.locator('.tool-discussed a[href="/mlops/beginner/"]').count()).resolves.toBe(1);
    const button = row.locator('button[data-tool-more]');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(row.locator(`#${await button.getAttribute('aria-controls')}.tool-more-body`).count()).resolves.toBe(1);
    // Closed, the details are hidden; opened again, the row shows the one copy it built.
    await openRow(page, 'mlflow');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(row.locator('.tool-more-body').isVisible()).resolves.toBe(false);
    await openRow(page, 'mlflow');
    await expect(row.locator('.tool-more-body').isVisible()).resolves.toBe(true);
    await expect(page.locator('.tool-more-body').count()).resolves.toBe(1);
    await page.close();
  });

  it('links checklist tools to their rows and lists the checklist page under "Discussed on"', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('mlops/beginner/'));
    const link = page.locator('[data-checklist] .progress-tools a', { hasText: 'MLflow' }).first();
    await expect(link.getAttribute('href')).resolves.toBe(`/${PAGE}#${toolAnchor('mlflow')}`);
    await link.click();
    await page.waitForURL(`**/${PAGE}#${toolAnchor('mlflow')}`);
    await openRow(page, 'mlflow');
    await expect(page.locator(`#${toolAnchor('mlflow')} .tool-discussed a[href="/mlops/beginner/"]`).count()).resolves.toBe(1);
    await page.close();
  });

  it('lists learning resources with safe external links at the end of a learning page', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('mlops/beginner/'));
    const links = page.locator('.learn-more a');
    const expected = data.resources.filter((resource) => resource.pages.includes('mlops/beginner'));
    await expect(links.count()).resolves.toBe(expected.length);
    await expect(links.evaluateAll((anchors) => anchors.every((a) => a.getAttribute('rel') === 'noopener noreferrer' && a.getAttribute('href')?.startsWith('https://')))).resolves.toBe(true);
    await page.close();
  });

  // Every row comes from one template: filtered to one category, and the hidden rows taken out of the
  // page, axe reads a few dozen rows instead of every tool, with the page's frame and filters all there.
  it('has no accessibility violations, as a table, as cards, and in its empty state', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
      const page = await session.browser.newPage({ viewport });
      await page.goto(session.server.url(`${PAGE}?category=serving`));
      await expect.poll(() => visibleRows(page).count()).toBe(servingTools.length);
      // A hidden row is still in the page, and axe reads the whole page on every run.
      await page.evaluate(() => document.querySelectorAll('tr[data-tool-category]').forEach((row) => row.getClientRects().length === 0 && row.remove()));
      // Every remaining row opened, so that axe reads its details too.
      for (const button of await page.locator('button[data-tool-more]').all()) await button.click();
      await expect.poll(() => page.locator('.tool-more-body').count()).toBe(servingTools.length);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.getByLabel('Find a tool').fill('no tool says this');
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.close();
    }
  });
});
