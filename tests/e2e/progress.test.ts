import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import GithubSlugger from 'github-slugger';
import { canRun, useBrowserSession } from './harness.ts';
import { contentShift, menusReady } from './progress-page.ts';
import { checklistSize } from '../../src/components/progress/checklist-links.ts';
import { LEGACY_STORAGE_KEY, STORAGE_KEY } from '../../src/components/progress/progress-store.ts';
import { siteData } from '../../src/site/site.ts';

const { checklists } = siteData().data;
const checklist = (id: string) => {
  const found = checklists.get(id);
  if (!found) throw new Error(`no checklist ${id}`);
  return found;
};
const trackStages = (track: string) => [...checklists].filter(([, c]) => c.track === track).sort(([, a], [, b]) => a.order - b.order);

const count = (page: Page) => page.locator('[data-checklist] [data-progress-count]').textContent();
const boxes = (page: Page) => page.locator('[data-checklist] input[type="checkbox"]');
const stored = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { version: number; items: Record<string, string> } | null, STORAGE_KEY);

/** Hands a file to the hidden file input behind "Import progress…", as choosing it in the file picker does. */
async function importFile(page: Page, content: string, scope = page.locator('body')) {
  await scope.locator('[data-progress-import]').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(content) });
}

describe.skipIf(!canRun())('reading progress', () => {
  const session = useBrowserSession();
  let context: BrowserContext;

  beforeEach(async () => {
    await context?.close();
    context = await session.browser.newContext({ acceptDownloads: true });
  });

  it('keeps done, in progress and skipped per item across a reload', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('mlops/beginner/'));
    const total = checklistSize(checklist('mlops-beginner'));
    await expect(boxes(page).count()).resolves.toBe(total);
    await expect.poll(() => count(page)).toBe(`0 of ${total} done`);

    await boxes(page).nth(0).check();
    const menus = page.locator('[data-checklist] .progress-status-menu');
    await menus.nth(1).selectOption('in-progress');
    await menus.nth(2).selectOption('skipped');
    await expect.poll(() => count(page)).toBe(`1 of ${total} done, 1 in progress, 1 skipped`);
    await page.reload();
    await expect(boxes(page).nth(0).isChecked()).resolves.toBe(true);
    await expect(menus.nth(0).inputValue()).resolves.toBe('done');
    await expect(boxes(page).nth(1).evaluate((box) => (box as HTMLInputElement).indeterminate)).resolves.toBe(true);
    await expect(menus.nth(2).inputValue()).resolves.toBe('skipped');
    // A skipped item leaves the bar: one done out of the items that still count.
    await expect(page.locator('[data-checklist] [data-progress-bar]').evaluate((bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max])).resolves.toEqual([1, total - 1]);
    const firstItem = checklist('mlops-beginner').groups[0]!.items[0]!;
    await expect(stored(page)).resolves.toMatchObject({ version: 2, items: { [`mlops-beginner/${firstItem.id}`]: 'done' } });

    // Ticking an item in progress makes it done; unticking it clears it.
    await boxes(page).nth(1).check();
    await expect(menus.nth(1).inputValue()).resolves.toBe('done');
    await boxes(page).nth(1).uncheck();
    await expect(menus.nth(1).inputValue()).resolves.toBe('todo');
  });

  it('carries progress saved by the previous version over as done items', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('mlops/beginner/'));
    const [first, second] = checklist('mlops-beginner').groups[0]!.items;
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [LEGACY_STORAGE_KEY, JSON.stringify([`mlops-beginner/${first!.id}`, `mlops-beginner/${second!.id}`])]);
    await page.reload();
    await expect.poll(() => count(page)).toBe(`2 of ${checklistSize(checklist('mlops-beginner'))} done`);
    await expect(boxes(page).nth(1).isChecked()).resolves.toBe(true);
  });

  it('names each item by its own words and describes it by its detail', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('roadmap/learning-sequence/'));
    await menusReady(page);
    const item = checklist('roadmap-learning').groups[0]!.items[0]!;
    const box = page.getByRole('checkbox', { name: item.label, exact: true });
    await expect(box.count()).resolves.toBe(1);
    await expect(box.getAttribute('aria-describedby').then((id) => page.locator(`#${id}`).textContent())).resolves.toBe(item.detail);
    await expect(page.getByRole('combobox', { name: `Status of: ${item.label}`, exact: true }).count()).resolves.toBe(1);
  });

  it('can be operated with the keyboard alone, dialogs included', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('roadmap/learning-sequence/'));
    await menusReady(page);
    const first = boxes(page).first();
    await first.focus();
    await page.keyboard.press('Space');
    await expect(first.isChecked()).resolves.toBe(true);
    // After the box come the item's links (its teaching page, its tools), then its status menu.
    for (let presses = 0; presses < 8 && (await page.evaluate(() => document.activeElement?.className)) !== 'progress-status-menu'; presses += 1) await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('progress-status-menu');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('[data-checklist] .progress-status-menu').first().inputValue()).resolves.toBe('skipped');

    const reset = page.getByRole('button', { name: 'Reset this checklist…' });
    await reset.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Reset the Learning sequence checklist?' });
    await expect(dialog.isVisible()).resolves.toBe(true);
    // The safe choice has the focus; Escape closes the dialog, changes nothing and returns the focus.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Keep my progress');
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Reset this checklist…');
    await expect.poll(() => count(page)).toMatch(/, 1 skipped$/);
  });

  it('asks before a reset, saying what it clears, and clears only that checklist', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('roadmap/learning-sequence/'));
    await boxes(page).nth(0).check();
    await boxes(page).nth(1).check();
    await page.goto(session.server.url('roadmap/project-sequence/'));
    await boxes(page).nth(0).check();
    await page.goto(session.server.url('roadmap/learning-sequence/'));

    await page.getByRole('button', { name: 'Reset this checklist…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain(`This clears what you marked on its ${checklistSize(checklist('roadmap-learning'))} items: 2 done.`);
    await dialog.getByRole('button', { name: 'Keep my progress' }).click();
    await expect.poll(() => count(page)).toMatch(/^2 of/);
    await page.getByRole('button', { name: 'Reset this checklist…' }).click();
    await dialog.getByRole('button', { name: 'Reset checklist' }).click();
    await expect.poll(() => count(page)).toMatch(/^0 of/);
    await expect(page.getByRole('status').filter({ hasText: 'This checklist was reset.' }).count()).resolves.toBe(1);
    await page.goto(session.server.url('roadmap/project-sequence/'));
    await expect.poll(() => count(page)).toMatch(/^1 of/);
  });

  it('exports progress, and imports a file by merging or replacing after showing what it holds', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('mlops/beginner/'));
    const total = checklistSize(checklist('mlops-beginner'));
    await boxes(page).nth(0).check();
    await page.locator('[data-checklist] .progress-status-menu').nth(2).selectOption('skipped');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all progress' }).click();
    const exported = readFileSync((await (await download).path())!, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ format: 'mle-wiki-progress', version: 2, items: expect.any(Object) });
    expect(Object.values((JSON.parse(exported) as { items: Record<string, string> }).items).sort()).toEqual(['done', 'skipped']);

    // Change the page: item 0 cleared, item 1 done. Merging brings item 0 back and keeps item 1.
    await boxes(page).nth(0).uncheck();
    await boxes(page).nth(1).check();
    await importFile(page, exported);
    const dialog = page.getByRole('dialog', { name: 'Import progress' });
    // The file is read before the dialog opens.
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('The file holds 2 items: 1 done and 1 skipped. Merging adds 1 item, changes 0 items');
    await expect(dialog.textContent()).resolves.toContain('Replacing also clears the 1 item that only you have marked.');
    await dialog.getByRole('button', { name: 'Merge with mine' }).click();
    await expect.poll(() => count(page)).toBe(`2 of ${total} done, 1 skipped`);

    await importFile(page, exported);
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => count(page)).toBe(`2 of ${total} done, 1 skipped`);

    await importFile(page, exported);
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Replace mine' }).click();
    await expect.poll(() => count(page)).toBe(`1 of ${total} done, 1 skipped`);
    await expect(boxes(page).nth(1).isChecked()).resolves.toBe(false);

    await importFile(page, '{"x":1}');
    await expect.poll(() => page.locator('[data-progress-message]').first().textContent()).toContain('Import refused');
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect.poll(() => count(page)).toBe(`1 of ${total} done, 1 skipped`);
  });

  it('says an import was not saved when the browser storage is full, and refuses a file too big to be an export', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('mlops/beginner/'));
    const message = () => page.locator('[data-progress-message]').first().textContent();
    await importFile(page, `{"format":"mle-wiki-progress","version":2,"items":{${'"a/b":"done",'.repeat(100_000)}"a/c":"done"}}`);
    await expect.poll(message).toBe('Import refused: the file is 1.3 MB, more than the 1.0 MB a progress export of this wiki can be. Your progress is unchanged.');

    // The storage fills up: every write is refused, as a browser over its quota refuses it.
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await importFile(page, JSON.stringify({ format: 'mle-wiki-progress', version: 2, items: { 'mlops-beginner/x': 'done' } }));
    const dialog = page.getByRole('dialog', { name: 'Import progress' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Merge with mine' }).click();
    await expect.poll(message).toBe("Import not saved: your browser's storage for this site is full. Your progress is unchanged.");
    await expect(stored(page)).resolves.toBeNull();
  });

  it.each(['roadmap', 'mlops'])('shows per-stage, per-map and overall progress on the %s overview, from the checklist data', async (track) => {
    const page = await context.newPage();
    const stages = trackStages(track);
    const [firstId, first] = stages[0]!;
    await page.goto(session.server.url(`${first.page}/`));
    await boxes(page).nth(0).check();
    await page.locator('[data-checklist] .progress-status-menu').nth(1).selectOption('in-progress');

    await page.goto(session.server.url(`${track}/`));
    // Both maps are summed up on each overview; this track's map is one block of it.
    const map = page.locator('.track-map', { has: page.locator(`[data-track-total="${track}"]`) });
    const rows = map.locator('[data-track-stage]');
    await expect(rows.count()).resolves.toBe(stages.length);
    await expect(page.locator('[data-track-stage]').count()).resolves.toBe(checklists.size);
    await expect(rows.locator('a').allTextContents()).resolves.toEqual(stages.map(([, c]) => c.title));
    await expect(rows.first().locator('a').getAttribute('href')).resolves.toBe(`/${first.page}/`);
    await expect(rows.first().locator('[data-track-count]').textContent()).resolves.toBe(`1 of ${checklistSize(first)} done, 1 in progress`);
    await expect(rows.nth(1).locator('[data-track-count]').textContent()).resolves.toBe(`0 of ${checklistSize(stages[1]![1])} done`);
    const total = stages.reduce((sum, [, c]) => sum + checklistSize(c), 0);
    await expect(map.locator('[data-track-total] [data-track-count]').textContent()).resolves.toBe(`1 of ${total} done, 1 in progress`);
    const everything = [...checklists.values()].reduce((sum, c) => sum + checklistSize(c), 0);
    await expect(page.locator('[data-track-overall] [data-track-count]').textContent()).resolves.toBe(`1 of ${everything} done, 1 in progress`);
    await expect(page.getByRole('progressbar', { name: `${first.title} 1 of ${checklistSize(first)} done, 1 in progress` }).count()).resolves.toBe(1);

    // The sidebar marks the started stage, in words for screen readers.
    const link = page.locator(`nav a[data-progress-checklist="${firstId}"]`);
    await expect(link.locator('.sidebar-progress [aria-hidden="true"]').textContent()).resolves.toBe(`1/${checklistSize(first)}`);
    await expect(link.locator('.sidebar-progress .sr-only').textContent()).resolves.toBe(`, 1 of ${checklistSize(first)} done, 1 in progress`);
    await expect(page.locator(`nav a[data-progress-checklist="${stages[1]![0]}"] .sidebar-progress`).count()).resolves.toBe(0);
  });

  it('makes every task list written in a page tickable, with ids from the item text, remembered across a reload', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('guides/production-ml-checklist/'));
    const tasks = page.locator('.task-list-item > input[type="checkbox"]');
    expect(await tasks.count()).toBeGreaterThan(20);
    await expect(page.locator('.task-list-item input[disabled]').count()).resolves.toBe(0);
    const text = 'Success is a number with a target, for example cutting moderator hours by 50%';
    const slug = new GithubSlugger().slug(text);
    const box = page.locator(`#task-${slug}`);
    await expect(box.getAttribute('data-progress-key')).resolves.toBe(`guides/production-ml-checklist#${slug}`);
    await box.check();
    await page.locator('.task-list-item .progress-status-menu').first().selectOption('in-progress');
    await page.reload();
    await expect(box.isChecked()).resolves.toBe(true);
    await expect(tasks.first().evaluate((first) => (first as HTMLInputElement).indeterminate)).resolves.toBe(true);
    await expect(stored(page)).resolves.toMatchObject({ items: { [`guides/production-ml-checklist#${slug}`]: 'done' } });
  });

  it.each(['guides/production-ml-checklist/', 'mlops/beginner/'])('adds the status menus to /%s without moving anything on the page', async (path) => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(session.server.url(path));
      await menusReady(page);
      await expect(contentShift(page), `at ${viewport.width} px`).resolves.toBe(0);
      await page.close();
    }
  });

  it('names task list items by their own words, without citation previews or notes', async () => {
    const page = await context.newPage();
    await page.goto(session.server.url('guides/production-ml-checklist/'));
    const names = await page.locator('.task-list-item > input').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('aria-label') ?? ''));
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      expect(name).not.toMatch(/\bnotes\b|Human-Centered MLOps|CRISP-DM Methodology|Stakeholder Buy-In/);
      expect(name).toBe(name.trim());
    }
    const first = page.getByRole('checkbox', { name: /^The business problem is specific enough to picture in the product; .* nobody can fix \(10:26\)\.$/ });
    await expect(first.count()).resolves.toBe(1);
  });

  it('keeps ticking, the overview and shared KPI views working with the network off', async () => {
    // The harness blocks service workers unless a test allows them; this one is about the offline worker.
    await context.close();
    context = await session.browser.newContext({ acceptDownloads: true, serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(session.server.url('roadmap/'));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const [, first] = trackStages('roadmap')[0]!;
    // The pages a reader opened are kept for reading offline.
    await page.goto(session.server.url(`${first.page}/`));
    await page.goto(session.server.url('kpis/'));
    await context.setOffline(true);
    await page.goto(session.server.url(`${first.page}/`));
    await boxes(page).nth(0).check();
    await page.goto(session.server.url('roadmap/'));
    await expect(page.locator('[data-track-stage] [data-track-count]').first().textContent()).resolves.toMatch(/^1 of/);
    await page.goto(session.server.url('kpis/?category=cost&sort=name'));
    await expect(page.getByLabel('Category').inputValue()).resolves.toBe('cost');
    await context.setOffline(false);
  });
});
