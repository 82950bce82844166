import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { STORAGE_KEY } from '../../src/components/progress/progress-store.ts';
import { itemPagePath, learningMap, mapNodeAnchor } from '../../src/site/learning-maps.ts';
import { loadSiteData } from '../../src/site/data.ts';
import { ROOT } from '../built/build-site.ts';
import { canRun, useBrowserSession } from './harness.ts';
import { axeViolations } from './axe.ts';
import { menusReady } from './progress-page.ts';

/**
 * The learning maps as readers use them: panels that open in place and by address, state shared with
 * the checklists both ways and kept across a reload, the keyboard, a phone, no JavaScript, a screen
 * reader's view (axe with a panel open), the dark theme, print, and the home page's way in.
 */

const { data } = loadSiteData(ROOT);
const roadmap = learningMap(data.checklists, 'roadmap');
const mlops = learningMap(data.checklists, 'mlops');
const firstStage = roadmap.stages[0]!;
/** An item with moments, tools and an ordered predecessor, so its panel has every part. */
const rich = roadmap.items.find((entry) => entry.item.moments && entry.item.after && entry.item.page?.includes('#'))!;

const node = (page: Page, itemId: string) => page.locator(`[data-roadmap-node="${itemId}"]`);
const openPanel = (page: Page) => page.locator('[data-roadmap-panel]');
const stateOf = (page: Page, itemId: string) => node(page, itemId).getAttribute('data-state');


describe.skipIf(!canRun())('the learning maps', () => {
  const session = useBrowserSession();
  const open = async (path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; close: () => Promise<void> }> => {
    const context = await (session.browser as Browser).newContext(options);
    const page = await context.newPage();
    await page.goto(session.server.url(path));
    return { page, close: () => context.close() };
  };

  it('opens a node in a panel with its own address, a working link to its page, its moments and tools; Escape closes it', async () => {
    const { page, close } = await open('roadmap/', { viewport: { width: 1366, height: 768 } });
    await expect(page.locator('[data-roadmap-map="roadmap"] [data-roadmap-node]').count()).resolves.toBe(roadmap.items.length);
    await expect(openPanel(page).count()).resolves.toBe(0);
    await node(page, rich.item.id).click();
    const panel = openPanel(page);
    await expect(panel.getAttribute('id')).resolves.toBe(mapNodeAnchor(rich.item.id));
    await expect(panel.isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).hash).toBe(`#${mapNodeAnchor(rich.item.id)}`);
    await expect(node(page, rich.item.id).getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(panel.locator('h3').textContent()).resolves.toBe(rich.item.label);
    await expect(panel.locator('.map-panel-detail').textContent()).resolves.toBe(rich.item.detail);
    await expect(panel.locator('.citation').count()).resolves.toBe(rich.item.moments!.length);
    await expect(panel.locator('.citation .citation-card-note').first().textContent()).resolves.not.toBe('');
    await expect(panel.locator('.map-state-menu input[type="radio"]').count()).resolves.toBe(4);
    // The panel has the focus, so a screen reader reads it; Escape gives it back to the node and clears the address.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(mapNodeAnchor(rich.item.id));
    await page.keyboard.press('Escape');
    await expect(openPanel(page).count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-roadmap-node'))).resolves.toBe(rich.item.id);
    expect(new URL(page.url()).hash).toBe('');
    // The link to the page that teaches the item lands on its heading.
    await node(page, rich.item.id).click();
    const learn = openPanel(page).locator('.map-panel-learn a');
    await expect(learn.getAttribute('href')).resolves.toBe(itemPagePath(rich.item.page!));
    await learn.click();
    await page.waitForURL(`**${itemPagePath(rich.item.page!)}`);
    const anchor = rich.item.page!.split('#')[1]!;
    await expect(page.locator(`[id="${anchor}"]`).count()).resolves.toBe(1);
    // Back returns to the map with the panel open, as the address says.
    await page.goBack();
    await expect(openPanel(page).getAttribute('id')).resolves.toBe(mapNodeAnchor(rich.item.id));
    await close();
  });

  it('opens the panel a shared address names, and keeps state in step with the stage pages both ways across a reload', async () => {
    const [first, second] = firstStage.groups[0]!.items;
    const { page, close } = await open(`roadmap/#${mapNodeAnchor(first!.item.id)}`);
    await expect(openPanel(page).getAttribute('id')).resolves.toBe(mapNodeAnchor(first!.item.id));
    await openPanel(page).getByLabel('Done').check();
    await expect(stateOf(page, first!.item.id)).resolves.toBe('done');
    await expect(page.locator(`[data-map-stage="${firstStage.checklistId}"] [data-map-stage-count]`).textContent()).resolves.toMatch(/^1 of \d+ done$/);
    await page.reload();
    await expect(stateOf(page, first!.item.id)).resolves.toBe('done');
    await expect(page.locator('[data-track-stage]').first().locator('[data-track-count]').textContent()).resolves.toMatch(/^1 of/);

    // The stage page shows the map's state, and its checklist changes the map.
    await page.goto(session.server.url(`${firstStage.checklist.page}/`));
    await menusReady(page);
    await expect(page.locator(`input[data-progress-key="${first!.key}"]`).isChecked()).resolves.toBe(true);
    await page.locator(`li:has(> input[data-progress-key="${second!.key}"]) .progress-status-menu`).selectOption('in-progress');
    await page.goto(session.server.url('roadmap/'));
    await expect(stateOf(page, second!.item.id)).resolves.toBe('in-progress');
    await expect(node(page, second!.item.id).locator('[data-map-state-text]').textContent()).resolves.toBe(', in progress');
    await expect(page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').items, STORAGE_KEY)).resolves.toEqual({ [first!.key]: 'done', [second!.key]: 'in-progress' });
    await close();
  });

  it('can be used with the keyboard alone: nodes in reading order, visible focus, Enter to open, Escape to close', async () => {
    const { page, close } = await open('mlops/');
    const ids = mlops.items.map((entry) => entry.item.id);
    await node(page, ids[0]!).focus();
    for (const id of ids.slice(1, 4)) {
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-roadmap-node'))).resolves.toBe(id);
    }
    const focused = node(page, ids[3]!);
    await expect(focused.evaluate((element) => getComputedStyle(element).outlineStyle)).resolves.not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(openPanel(page).getAttribute('id')).resolves.toBe(mapNodeAnchor(ids[3]!));
    // Tab walks through the panel, whose state menu works with the arrow keys, before the next node.
    const radio = page.locator('[data-roadmap-panel] .map-state-menu input:focus');
    for (let presses = 0; presses < 4 && (await radio.count()) === 0; presses += 1) await page.keyboard.press('Tab');
    await expect(radio.count()).resolves.toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect(stateOf(page, ids[3]!)).resolves.not.toBe('todo');
    await page.keyboard.press('Escape');
    await expect(openPanel(page).count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-roadmap-node'))).resolves.toBe(ids[3]);
    await close();
  });

  it.each(['roadmap/', 'mlops/'])('/%s is a vertical path that fits a 360 px phone, and a tap opens a panel under its node', async (path) => {
    const { page, close } = await open(path, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
    const nodes = page.locator('[data-roadmap-node]');
    const boxes = await nodes.evaluateAll((all) => all.map((element) => element.getBoundingClientRect()).map((r) => ({ x: r.x, right: r.right, height: r.height })));
    for (const box of boxes) {
      expect(box.right).toBeLessThanOrEqual(360);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    const first = nodes.first();
    await first.scrollIntoViewIfNeeded();
    await first.tap();
    const panel = openPanel(page);
    await expect(panel.isVisible()).resolves.toBe(true);
    const [nodeBox, panelBox] = [await first.boundingBox(), await panel.boundingBox()];
    expect(panelBox!.y).toBeGreaterThanOrEqual(nodeBox!.y + nodeBox!.height);
    expect(panelBox!.x + panelBox!.width).toBeLessThanOrEqual(360);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
    await close();
  });

  it('shows the map, and each panel at its address, with JavaScript off', async () => {
    const { page, close } = await open('roadmap/', { javaScriptEnabled: false, viewport: { width: 1366, height: 768 } });
    await expect(page.locator('[data-roadmap-node]').count()).resolves.toBe(roadmap.items.length);
    await expect(page.locator('.map-lines').isVisible()).resolves.toBe(true);
    await expect(page.locator('.map-panel:visible').count()).resolves.toBe(0);
    await node(page, rich.item.id).click();
    const panel = page.locator(`#${mapNodeAnchor(rich.item.id)}`);
    await expect(panel.isVisible()).resolves.toBe(true);
    await expect(panel.locator('.map-panel-learn a').getAttribute('href')).resolves.toBe(itemPagePath(rich.item.page!));
    await panel.locator('[data-map-close]').click();
    await expect(panel.isVisible()).resolves.toBe(false);
    await close();
  });

  it.each(['light', 'dark'] as const)('has no axe violations with a panel open and items in every state (%s)', async (colorScheme) => {
    const { page, close } = await open('roadmap/', { colorScheme, viewport: { width: 1366, height: 900 } });
    const [a, b, c] = firstStage.groups[0]!.items;
    await page.evaluate(
      ([key, items]) => localStorage.setItem(key!, JSON.stringify({ version: 2, items: JSON.parse(items!) })),
      [STORAGE_KEY, JSON.stringify({ [a!.key]: 'done', [b!.key]: 'in-progress', [c!.key]: 'skipped' })],
    );
    await page.reload();
    await node(page, rich.item.id).click();
    await expect(axeViolations(page, { skipSidebar: true, ...(colorScheme === 'dark' ? { only: 'colours' } : {}) })).resolves.toEqual([]);
    await close();
  });

  it('draws states and progress with theme colours in the dark theme: an empty bar looks empty, links take the site colour', async () => {
    const { page, close } = await open('mlops/', { colorScheme: 'dark' });
    const overview = page.locator('[data-progress-overview]');
    const bar = overview.locator('[data-track-stage] progress').first();
    await bar.waitFor();
    const track = await bar.evaluate((element) => getComputedStyle(element).backgroundColor);
    const [r, g, b] = track.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!, `the empty bar is drawn ${track}`).toBeLessThan(3 * 128);
    const link = await overview.locator('a').first().evaluate((element) => getComputedStyle(element).color);
    expect(link).not.toBe('rgb(0, 0, 238)');
    await expect(page.locator('.sl-markdown-content p a[href]').first().evaluate((element) => getComputedStyle(element).color)).resolves.toBe(link);
    const [first, second] = mlops.stages[0]!.groups[0]!.items;
    await page.evaluate(([key, items]) => localStorage.setItem(key!, JSON.stringify({ version: 2, items: JSON.parse(items!) })), [STORAGE_KEY, JSON.stringify({ [first!.key]: 'done' })]);
    await page.reload();
    const background = (id: string) => node(page, id).evaluate((element) => getComputedStyle(element).backgroundColor);
    await expect(background(first!.item.id)).resolves.not.toBe(await background(second!.item.id));
    await close();
  });

  it('prints the map with each item and its state, without the panels', async () => {
    const { page, close } = await open('roadmap/');
    const [first] = firstStage.groups[0]!.items;
    await page.evaluate(([key, item]) => localStorage.setItem(key!, JSON.stringify({ version: 2, items: { [item!]: 'done' } })), [STORAGE_KEY, first!.key]);
    await page.reload();
    await node(page, rich.item.id).click();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-roadmap-node]:visible').count()).resolves.toBe(roadmap.items.length);
    await expect(page.locator('.map-panel:visible').count()).resolves.toBe(0);
    await expect(stateOf(page, first!.item.id)).resolves.toBe('done');
    await expect(node(page, first!.item.id).locator('.map-icon').evaluate((icon) => getComputedStyle(icon).backgroundColor)).resolves.not.toBe('rgba(0, 0, 0, 0)');
    await close();
  });

  it('puts both maps and the start paths in the first screen of the home page, then continues where the reader left off', async () => {
    const { page, close } = await open('', { viewport: { width: 1366, height: 768 } });
    const cards = page.locator('[data-map-entry]');
    await expect(cards.count()).resolves.toBe(2);
    for (const locator of [cards.first(), cards.last(), page.locator('.start-paths li').last(), page.locator('.sl-markdown-content a[href="/graph/"]').first()]) {
      const box = await locator.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(768);
    }
    await expect(page.locator('#map-entries-title').textContent()).resolves.toBe('Follow a map');
    await expect(cards.first().locator('[data-map-entry-next] a').getAttribute('href')).resolves.toBe(`/roadmap/#${mapNodeAnchor(roadmap.items[0]!.item.id)}`);

    const [first, second] = firstStage.groups[0]!.items;
    await page.evaluate(([key, item]) => localStorage.setItem(key!, JSON.stringify({ version: 2, items: { [item!]: 'done' } })), [STORAGE_KEY, first!.key]);
    await page.reload();
    await expect(page.locator('#map-entries-title').textContent()).resolves.toBe('Continue where you left off');
    const next = cards.first().locator('[data-map-entry-next]');
    await expect(next.textContent()).resolves.toMatch(new RegExp(`^Stage 1 of ${roadmap.stages.length}, ${firstStage.checklist.title}: 1 of ${roadmap.items.length} done on this map\\. Next: `));
    await next.locator('a').click();
    await expect(openPanel(page).getAttribute('id')).resolves.toBe(mapNodeAnchor(second!.item.id));

    // On a phone the home page has the menu button, like every other page.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(session.server.url(''));
    await expect(page.locator('button[popovertarget="starlight__sidebar"]').isVisible()).resolves.toBe(true);
    await close();
  });
});
