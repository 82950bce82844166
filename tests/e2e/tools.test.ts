import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { canRun, useBrowserSession } from './harness.ts';

describe.skipIf(!canRun())('progress tracking and the KPI explorer', () => {
  const session = useBrowserSession();
  let context: BrowserContext;

  beforeAll(async () => {
    context = await session.browser.newContext({ acceptDownloads: true });
  });

  const countText = (page: Page) => page.locator('[data-progress-count]').first().textContent();

  it('keeps ticked roadmap items across a reload, per phase, and exports and re-imports them', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('mlops/beginner/'));
    const boxes = page.locator('[data-checklist] input[type="checkbox"]');
    const total = await boxes.count();
    expect(total).toBeGreaterThan(10);
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    await expect(countText(page)).resolves.toBe(`2 of ${total} done`);
    await page.reload();
    await expect(boxes.nth(0).isChecked()).resolves.toBe(true);
    await expect(boxes.nth(1).isChecked()).resolves.toBe(false);
    await expect(page.locator('[data-progress-bar]').first().evaluate((bar) => (bar as HTMLProgressElement).value)).resolves.toBe(2);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all progress' }).click();
    const exported = readFileSync((await (await download).path())!, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ format: 'mle-wiki-progress', done: expect.arrayContaining([expect.stringMatching(/^mlops-beginner\//)]) });

    await page.getByRole('button', { name: 'Reset this checklist' }).click();
    await expect(countText(page)).resolves.toBe(`0 of ${total} done`);
    await page.locator('[data-progress-import]').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect.poll(() => countText(page)).toBe(`2 of ${total} done`);

    await page.locator('[data-progress-import]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"x":1}') });
    await expect.poll(() => page.locator('[data-progress-message]').textContent()).toContain('Import refused');
    await expect(countText(page)).resolves.toBe(`2 of ${total} done`);
    await page.close();
  });

  it('can be operated with the keyboard alone', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('roadmap/learning-sequence/'));
    const first = page.locator('[data-checklist] input[type="checkbox"]').first();
    await first.focus();
    await page.keyboard.press('Space');
    await expect(first.isChecked()).resolves.toBe(true);
    await expect(page.locator('[data-checklist] label').first().textContent()).resolves.toMatch(/\S/);
    await page.close();
  });

  it('filters the KPI tables by category and frequency and sorts a column', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('kpis/'));
    const visibleRows = page.locator('.kpi-table tbody tr:visible');
    const all = await visibleRows.count();
    expect(all).toBe(22);
    await page.getByLabel('Category').selectOption('cost');
    const cost = await visibleRows.count();
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThan(all);
    await expect(page.locator('output[name="count"]').textContent()).resolves.toBe(`${cost} of 22 metrics shown`);
    await page.getByLabel('Category').selectOption('');
    await page.getByLabel('Frequency').selectOption('Monthly');
    const frequencies = await visibleRows.evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset['frequency']));
    expect(new Set(frequencies)).toEqual(new Set(['Monthly']));

    const section = page.locator('.kpi-category:visible').first();
    const sort = section.getByRole('button', { name: 'Metric' });
    await sort.click();
    const names = await section.locator('tbody tr th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    await sort.click();
    await expect(section.locator('thead th').first().getAttribute('aria-sort')).resolves.toBe('descending');
    await page.close();
  });

  it('shows the full static KPI tables without JavaScript', async () => {
    const noScript = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(session.server.url('kpis/'));
    await expect(page.locator('.kpi-table tbody tr:visible').count()).resolves.toBe(22);
    await expect(page.locator('[data-kpi-controls]').isVisible()).resolves.toBe(false);
    const citation = page.locator('.citation-link').first();
    await expect(citation.getAttribute('href')).resolves.toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=.+&t=\d+s$/);
    await noScript.close();
  });
});
