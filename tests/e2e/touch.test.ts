import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { canRun, useBrowserSession } from './harness.ts';
import { axeViolations } from './axe.ts';
import { checklistSize } from '../../src/components/progress/checklist-links.ts';
import { siteData } from '../../src/site/site.ts';
import { emptyCombination, kpis } from './kpi-data.ts';
import { menusReady } from './progress-page.ts';

const { checklists } = siteData().data;
const WIDTH = 360;

/**
 * The parts of the progress and KPI features that do not fit the screen. (Whether the whole page fits
 * is tested for every page kind in reader.test.ts; text elsewhere on a page is not these features'.)
 */
async function tooWide(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const features = '[data-checklist], .track-progress, .contains-task-list, .kpi-explorer, .kpi-card, .kpi-recipe, dialog[open]';
    return [...document.querySelectorAll(`:is(${features}), :is(${features}) *`)]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && element.getClientRects().length > 0)
      .map((element) => element.outerHTML.slice(0, 80));
  }, WIDTH);
}


describe.skipIf(!canRun())('on a 360 px touch screen', () => {
  const session = useBrowserSession();
  let context: BrowserContext;

  beforeAll(async () => {
    context = await session.browser.newContext({ viewport: { width: WIDTH, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  });

  it('ticks, marks and resets checklist items by tapping, and the dialog fits the screen', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('mlops/beginner/'));
    const total = checklistSize(checklists.get('mlops-beginner')!);
    await page.locator('[data-checklist] input[type="checkbox"]').first().tap();
    // The box is the target for ticking; the item's label is a link to the page that teaches it.
    await page.locator('[data-checklist] input[type="checkbox"]').nth(1).tap();
    await expect(page.locator('[data-checklist] .progress-label a').first().getAttribute('href')).resolves.toMatch(/^\/[a-z0-9/-]+\/(#[a-z0-9-]+)?$/);
    await page.locator('[data-checklist] .progress-status-menu').nth(2).selectOption('in-progress');
    await expect(page.locator('[data-progress-count]').textContent()).resolves.toBe(`2 of ${total} done, 1 in progress`);
    await page.getByRole('button', { name: 'Reset this checklist…' }).tap();
    const dialog = page.getByRole('dialog');
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= WIDTH).toBe(true);
    await expect(tooWide(page)).resolves.toEqual([]);
    await dialog.getByRole('button', { name: 'Reset checklist' }).tap();
    await expect(page.locator('[data-progress-count]').textContent()).resolves.toBe(`0 of ${total} done`);
    await page.close();
  });

  it('ticks a task list item written in a page by tapping', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('guides/production-ml-checklist/'));
    const box = page.locator('.task-list-item > input[type="checkbox"]').nth(3);
    await box.tap();
    await page.reload();
    await expect(box.isChecked()).resolves.toBe(true);
    await expect(tooWide(page)).resolves.toEqual([]);
    await page.close();
  });

  it('shows each KPI as a card, filters by tapping and resets an empty view', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('kpis/'));
    const cards = page.locator('tr[data-kpi-row]:visible');
    await expect(cards.count()).resolves.toBe(kpis.length);
    const layout = await cards.first().evaluate((row) => ({ display: getComputedStyle(row).display, width: row.getBoundingClientRect().width, header: getComputedStyle(document.querySelector('.kpi-table thead')!).position }));
    expect(layout.display).toBe('block');
    expect(layout.width).toBeLessThanOrEqual(WIDTH);
    expect(layout.header).toBe('absolute');
    // Cards keep their table semantics: a screen reader still hears rows and cells.
    await expect(page.getByRole('row', { name: new RegExp(`^${kpis[0]!.name.replace(/[()]/g, '\\$&')}`) }).count()).resolves.toBe(1);
    await expect(page.locator('.kpi-cell-label:visible').first().textContent()).resolves.toBe('Example target');
    await expect(tooWide(page)).resolves.toEqual([]);

    const empty = emptyCombination();
    await page.getByLabel('Category').selectOption(empty.category);
    await expect(cards.count()).resolves.toBe(kpis.filter((kpi) => kpi.category === empty.category).length);
    await page.getByLabel('Review frequency').selectOption(empty.frequency);
    await expect(cards.count()).resolves.toBe(0);
    await expect(tooWide(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Show all metrics' }).tap();
    await expect(cards.count()).resolves.toBe(kpis.length);
    await page.close();
  });

  // Whether every page fits the screen is tested for every kind of page in reader-layout.test.ts; axe
  // runs here on the pages whose controls change most at this width: the map, the checklist menus and
  // the KPI cards.
  it.each(['roadmap/', 'mlops/beginner/', 'kpis/'])('/%s fits the screen and has no axe violations', async (path) => {
    const page = await context.newPage();
    await page.goto(session.server.url(path));
    await menusReady(page);
    await expect(tooWide(page)).resolves.toEqual([]);
    await expect(axeViolations(page, { skipSidebar: true })).resolves.toEqual([]);
    await page.close();
  });
});
