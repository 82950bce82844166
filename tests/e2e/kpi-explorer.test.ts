import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canRun, useBrowserSession } from './harness.ts';
import { KPI_DATA_SOURCES } from '../../src/schemas/kpi.ts';
import { KPI_RECIPE_HEADING } from '../../src/site/generated-pages.ts';
import { cadencesOf, emptyCombination, groupedNames, kpis } from './kpi-data.ts';

/** The names of the KPIs that pass a test, in the explorer's unsorted order. */
const named = (predicate: (kpi: (typeof kpis)[number]) => boolean) => groupedNames.filter((name) => predicate(kpis.find((kpi) => kpi.name === name)!));
const empty = emptyCombination();

const visibleNames = (page: Page) => page.locator('tr[data-kpi-row]:visible th a').allTextContents();
const shownCount = (page: Page) => page.locator('output[name="count"]').textContent();

describe.skipIf(!canRun())('the KPI explorer', () => {
  const session = useBrowserSession();

  it('lists every KPI of the data in one table', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('kpis/'));
    await expect(visibleNames(page)).resolves.toEqual(groupedNames);
    await expect(page.locator('table.kpi-table').count()).resolves.toBe(1);
    await expect(shownCount(page)).resolves.toBe(`${kpis.length} of ${kpis.length} metrics shown`);
    await expect(page.locator('.kpi-downloads').innerText()).resolves.toMatch(/Download the data as CSV or JSON\.$/);
    await page.close();
  });

  it('treats "Daily/weekly" and "Weekly/monthly" as weekly, and combines filters', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('kpis/'));
    await page.getByLabel('Review frequency').selectOption('weekly');
    const weekly = named((kpi) => cadencesOf(kpi.frequency).includes('weekly'));
    await expect(visibleNames(page)).resolves.toEqual(weekly);
    expect(kpis.filter((kpi) => weekly.includes(kpi.name)).map((kpi) => kpi.frequency)).toEqual(expect.arrayContaining(['Daily/weekly', 'Weekly/monthly', 'Weekly']));
    await expect(shownCount(page)).resolves.toBe(`${weekly.length} of ${kpis.length} metrics shown`);
    await page.getByLabel('Category').selectOption('reliability');
    await expect(visibleNames(page)).resolves.toEqual(named((kpi) => kpi.category === 'reliability' && cadencesOf(kpi.frequency).includes('weekly')));
    await page.close();
  });

  it('sorts across the whole set, not within each category', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('kpis/'));
    await page.getByLabel('Sort by').selectOption('name');
    const byName = kpis.map((kpi) => kpi.name).sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }));
    await expect(visibleNames(page)).resolves.toEqual(byName);
    await expect(page.getByRole('columnheader', { name: 'Metric', exact: true }).getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(page.locator('.kpi-group-row:visible').count()).resolves.toBe(0);
    await page.getByLabel('Sort by').selectOption('-frequency');
    await expect(page.getByRole('columnheader', { name: 'Frequency', exact: true }).getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(page.getByRole('columnheader', { name: 'Metric', exact: true }).getAttribute('aria-sort')).resolves.toBe(null);
    // Back to the reading order: the category groups return.
    await page.getByLabel('Sort by').selectOption('');
    await expect(visibleNames(page)).resolves.toEqual(groupedNames);
    await expect(page.locator('.kpi-group-row:visible').count()).resolves.toBeGreaterThan(1);
    await page.close();
  });

  it('keeps the view in the address, so a shared link opens the same view', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('kpis/'));
    await page.getByLabel('Category').selectOption('cost');
    await page.getByLabel('Review frequency').selectOption('monthly');
    await page.getByLabel('Sort by').selectOption('-name');
    expect(new URL(page.url()).search).toBe('?category=cost&frequency=monthly&sort=-name');

    const shared = await session.browser.newPage();
    await shared.goto(page.url());
    await expect(shared.getByLabel('Category').inputValue()).resolves.toBe('cost');
    await expect(shared.getByLabel('Review frequency').inputValue()).resolves.toBe('monthly');
    const expected = named((kpi) => kpi.category === 'cost' && cadencesOf(kpi.frequency).includes('monthly')).sort((a, b) => b.localeCompare(a, 'en', { numeric: true, sensitivity: 'base' }));
    await expect(visibleNames(shared)).resolves.toEqual(expected);
    await page.getByLabel('Category').selectOption('');
    await page.getByLabel('Review frequency').selectOption('');
    await page.getByLabel('Sort by').selectOption('');
    expect(new URL(page.url()).search).toBe('');
    await page.close();
    await shared.close();
  });

  it('says when nothing matches and offers to show everything again', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(`kpis/?category=${empty.category}&frequency=${empty.frequency}`));
    await expect(shownCount(page)).resolves.toBe(`0 of ${kpis.length} metrics shown`);
    await expect(page.getByText('No metric matches both filters.').isVisible()).resolves.toBe(true);
    await expect(page.locator('table.kpi-table').isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Show all metrics' }).click();
    await expect(visibleNames(page)).resolves.toEqual(groupedNames);
    expect(new URL(page.url()).search).toBe('');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('category');
    await page.close();
  });

  it('shows the full static table without JavaScript', async () => {
    const noScript = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(session.server.url('kpis/'));
    await expect(page.locator('tr[data-kpi-row]:visible').count()).resolves.toBe(kpis.length);
    await expect(page.locator('[data-kpi-controls]').isVisible()).resolves.toBe(false);
    const citation = page.locator('.citation-link').first();
    await expect(citation.getAttribute('href')).resolves.toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=.+&t=\d+s$/);
    await noScript.close();
  });

  it('explains how to compute each KPI on its page, with labels level with their values', async () => {
    const page = await session.browser.newPage();
    const kpi = kpis[2]!;
    await page.goto(session.server.url(`kpis/${kpi.id}/`));
    const section = page.locator(`h2#${KPI_RECIPE_HEADING.slug}`);
    await expect(section.textContent()).resolves.toBe(KPI_RECIPE_HEADING.text);
    await expect(page.locator('.kpi-recipe').textContent()).resolves.toContain(kpi.recipe.formula);
    await expect(page.locator('.kpi-sources li').allTextContents()).resolves.toEqual(kpi.recipe.dataSources.map((source) => KPI_DATA_SOURCES[source]));
    await expect(page.locator(`starlight-toc a[href="#${KPI_RECIPE_HEADING.slug}"]`).count()).resolves.toBeGreaterThan(0);
    const tops = await page.locator('.kpi-card > :is(dt, dd)').evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().top)));
    for (let i = 0; i < tops.length; i += 2) expect(Math.abs(tops[i]! - tops[i + 1]!), `row ${i / 2}`).toBeLessThanOrEqual(2);
    await page.close();
  });
});
