import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { canRun, openPage, useBrowserSession } from './harness.ts';
import { siteGraph } from '../../src/components/site-graph.ts';
import { getSite } from '../../src/site/site.ts';
import { ROOT } from '../built/build-site.ts';

/** The graph the pages draw, from the site model: the tests expect all of it, whatever the content holds. */
const graph = siteGraph(getSite(ROOT), '/');

/** Pairs of visible graph labels whose boxes overlap, and labels that stick out of the picture. */
async function labelFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const svg = document.querySelector('.graph-svg')!.getBoundingClientRect();
    const labels = [...document.querySelectorAll<SVGTextElement>('.graph-labels text')].filter((text) => getComputedStyle(text).display !== 'none');
    const boxes = labels.map((text) => ({ name: text.textContent ?? '', box: text.getBoundingClientRect() }));
    const faults: string[] = [];
    boxes.forEach(({ name, box }, i) => {
      if (box.left < svg.left - 1 || box.right > svg.right + 1 || box.top < svg.top - 1 || box.bottom > svg.bottom + 1) faults.push(`${name} sticks out`);
      for (const other of boxes.slice(i + 1)) {
        const b = other.box;
        if (box.left < b.right && b.left < box.right && box.top < b.bottom && b.top < box.bottom) faults.push(`${name} overlaps ${other.name}`);
      }
    });
    if (boxes.length === 0) faults.push('no label is shown');
    return faults;
  });
}

const viewBox = (page: Page) => page.locator('.graph-svg').getAttribute('viewBox').then((value) => (value ?? '').split(' ').map(Number));

describe.skipIf(!canRun())('graphs', () => {
  const session = useBrowserSession();
  let context: BrowserContext;

  beforeAll(async () => {
    context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await context.close();
  });

  const open = (path: string): Promise<Page> => openPage(context, session, path);

  describe('a page neighbourhood', () => {
    it('draws the page between what links to it and what it links to, each neighbour once, with a legend and a sentence', async () => {
      const page = await open('role/boundaries/');
      const block = page.locator('.page-connections');
      await expect(block.getByRole('heading', { name: 'Connections' }).isVisible()).resolves.toBe(true);
      const bands = await block.locator('.neighbourhood-band').allTextContents();
      expect(bands.some((band) => /^Links here \(\d+\)$/.test(band))).toBe(true);
      expect(bands.some((band) => /^Cites episodes \(\d+\)$/.test(band))).toBe(true);
      const hrefs = await block.locator('.neighbourhood-list a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(5);
      expect(new Set(hrefs).size).toBe(hrefs.length);
      for (const href of hrefs) expect(href).toMatch(/^\/[a-z0-9/#-]*$/);
      await expect(block.locator('.neighbourhood-legend li').allTextContents()).resolves.toEqual(expect.arrayContaining(['Role guide', 'Podcast episodes', 'Link', 'Citation']));
      await expect(block.locator('figcaption').innerText()).resolves.toMatch(/^This page links to .+ and cites \d+ episodes\. Explore it in the site graph$/);
      await expect(page.locator('figure.neighbourhood').getAttribute('aria-describedby')).resolves.toBe('neighbourhood-description');
      await page.close();
    });

    it('ends every curve at the middle of its row, on both sides of the page', async () => {
      const page = await open('guides/model-monitoring/');
      const misses = await page.evaluate(() =>
        (['left', 'right'] as const).flatMap((side) => {
          const paths = [...document.querySelectorAll<SVGPathElement>(`.neighbourhood-curves-${side} path`)];
          const rows = [...document.querySelectorAll(`.neighbourhood-side-${side} > .neighbourhood-list > li > a`)];
          if (paths.length !== rows.length || rows.length === 0) return [`${side}: ${paths.length} curves for ${rows.length} rows`];
          return paths.flatMap((path, i) => {
            const end = path.getPointAtLength(path.getTotalLength()).matrixTransform(path.getScreenCTM()!);
            const row = rows[i]!.getBoundingClientRect();
            const middle = row.top + row.height / 2;
            const edge = side === 'left' ? row.right : row.left;
            return Math.abs(end.y - middle) > 1.5 || Math.abs(end.x - edge) > 1.5 ? [`${side} curve ${i} ends at ${end.x},${end.y}; row at ${edge},${middle}`] : [];
          });
        }),
      );
      expect(misses).toEqual([]);
      await page.close();
    });

    it('opens the rest of a long band in place, and opens the site graph on the page', async () => {
      const page = await open('guides/model-monitoring/');
      const more = page.locator('.neighbourhood-more').first();
      const rest = page.locator('.neighbourhood-rest').first().locator('a');
      await expect(rest.first().isVisible()).resolves.toBe(false);
      await more.click();
      await expect.poll(() => rest.first().isVisible()).toBe(true);
      await page.getByRole('link', { name: 'Explore it in the site graph' }).click();
      await page.waitForURL(/\/graph\/#node-guides--model-monitoring$/);
      await expect.poll(() => page.locator('.graph-node.is-selected').getAttribute('aria-label')).toMatch(/^Model Monitoring/i);
      await page.close();
    });

    it('is a list on a phone: no empty column, no label cut short', async () => {
      const phone = await session.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
      const page = await phone.newPage();
      await page.goto(session.server.url('roadmap/'));
      const faults = await page.evaluate(() => {
        const block = document.querySelector('.neighbourhood-drawing')!.getBoundingClientRect();
        return [...document.querySelectorAll('.neighbourhood-drawing > .neighbourhood-side > .neighbourhood-list > li > a, .neighbourhood-centre')].flatMap((element) => {
          const box = element.getBoundingClientRect();
          const label = element.querySelector('span') ?? element;
          const faults: string[] = [];
          if (box.left - block.left > 2 || block.right - box.right > 2) faults.push(`${element.textContent} does not span the column`);
          if (label.scrollWidth > label.clientWidth + 1) faults.push(`${element.textContent} is cut`);
          return faults;
        });
      });
      expect(faults).toEqual([]);
      await phone.close();
    });
  });

  describe('the site graph', () => {
    it('stays short: the text list has a page of its own', async () => {
      const page = await open('graph/');
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2600);
      await page.getByRole('link', { name: 'a list of every node and its neighbours' }).click();
      await page.waitForURL(/\/graph\/list\/$/);
      await expect(page.locator('.graph-neighbourhood').count()).resolves.toBe(graph.nodes.length);
      await page.close();
    });

    it('reaches the first node in a few key presses', async () => {
      const page = await open('graph/');
      const presses: string[] = ['Tab', 'Enter'];
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
      await page.keyboard.press('Enter');
      for (let i = 0; i < 4; i += 1) {
        await page.keyboard.press('Tab');
        presses.push('Tab');
        if (await page.evaluate(() => document.activeElement?.classList.contains('graph-node'))) break;
      }
      await expect(page.evaluate(() => document.activeElement?.classList.contains('graph-node'))).resolves.toBe(true);
      // Skip to content, then the name field, then the graph.
      expect(presses).toEqual(['Tab', 'Enter', 'Tab', 'Tab']);
      await page.close();
    });

    it('picks a node typed by name, lights up its neighbours and lists them', async () => {
      const page = await open('graph/');
      await page.getByLabel('Find in the graph').fill('Skills');
      const selected = page.locator('.graph-node.is-selected');
      await expect.poll(() => selected.getAttribute('aria-label')).toBe('Skills (Role guide)');
      const neighbours = ((await selected.getAttribute('data-neighbours')) ?? '').split(' ').length;
      await expect(page.locator('.graph-node.is-neighbour').count()).resolves.toBe(neighbours);
      await expect(page.locator('[data-graph-status]').textContent()).resolves.toBe(`Skills (Role guide): ${neighbours} neighbours shown`);
      await expect(page.locator('[data-graph-neighbours] button').count()).resolves.toBe(neighbours);
      expect(new URL(page.url()).hash).toBe('#node-role--skills');
      // The selection zooms in on the node.
      expect((await viewBox(page))[2]).toBeLessThan(1000);
      expect(await labelFaults(page)).toEqual([]);
      await page.close();
    });

    it('suggests nodes of every kind as the reader types part of their words, and picks one with the keyboard', async () => {
      const page = await open('graph/');
      const find = page.getByRole('combobox', { name: 'Find in the graph' });
      await find.fill('feat sto');
      const options = page.locator('#graph-suggestions [role="option"]');
      await expect.poll(() => options.count()).toBeGreaterThan(1);
      const kinds = await page.locator('.graph-option-group').allTextContents();
      expect(kinds).toEqual(expect.arrayContaining(['Data for ML', 'Glossary terms']));
      await expect(find.getAttribute('aria-expanded')).resolves.toBe('true');
      await find.press('ArrowDown');
      await find.press('ArrowDown');
      const second = await options.nth(1).evaluate((option) => option.firstChild?.textContent);
      await expect(options.nth(1).getAttribute('aria-selected')).resolves.toBe('true');
      await expect(find.getAttribute('aria-activedescendant')).resolves.toBe(await options.nth(1).getAttribute('id'));
      await find.press('Enter');
      await expect.poll(() => page.locator('.graph-node.is-selected').getAttribute('aria-label')).toMatch(new RegExp(`^${second}`));
      await expect(find.getAttribute('aria-expanded')).resolves.toBe('false');
      // Terms, KPIs and tools are nodes too, with filters of their own.
      for (const kind of ['Glossary terms', 'KPI definitions', 'Tools']) await expect(page.getByRole('checkbox', { name: kind }).isChecked()).resolves.toBe(true);
      expect(await page.locator('.graph-node[data-group="tool"]').count()).toBeGreaterThan(20);
      await page.close();
    });

    it('moves between nodes with the arrow keys and opens one with Enter', async () => {
      const page = await open('graph/');
      await page.locator('.graph-node[tabindex="0"]').focus();
      const first = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      await page.keyboard.press('ArrowRight');
      const second = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      expect(second).not.toBe(first);
      await expect(page.locator('.graph-node.is-selected').getAttribute('aria-label')).resolves.toBe(second);
      await expect(page.locator('.graph-node[tabindex="0"]').count()).resolves.toBe(1);
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.graph-node.is-selected').count()).toBe(0);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname + url.hash === href);
      await page.close();
    });

    it('picks a node with a first click and opens it with a second', async () => {
      const page = await open('graph/#node-role--skills');
      await page.locator('.graph-svg').scrollIntoViewIfNeeded();
      // A neighbour drawn inside the zoomed view, well clear of the picture's edges.
      const inView = await page.evaluate(() => {
        const box = document.querySelector('.graph-svg')!.getBoundingClientRect();
        const nodes = [...document.querySelectorAll('.graph-node')];
        return nodes.findIndex((node) => {
          const circle = node.querySelector('circle')!.getBoundingClientRect();
          return node.classList.contains('is-neighbour') && circle.left > box.left + 40 && circle.right < box.right - 40 && circle.top > box.top + 40 && circle.bottom < box.bottom - 80;
        });
      });
      expect(inView).toBeGreaterThanOrEqual(0);
      const node = page.locator('.graph-node').nth(inView);
      const href = await node.getAttribute('href');
      await node.locator('circle').click();
      await expect.poll(() => page.locator('.graph-node.is-selected').getAttribute('href')).toBe(href);
      expect(new URL(page.url()).pathname).toBe('/graph/');
      await page.locator('.graph-node.is-selected circle').click();
      await page.waitForURL((url) => url.pathname + url.hash === href);
      await page.close();
    });

    it('shows only the sections left ticked', async () => {
      const page = await open('graph/');
      const podcast = page.locator('.graph-node[data-group="podcast"]');
      expect(await podcast.count()).toBe(graph.nodes.filter((node) => node.group === 'podcast').length);
      await page.getByRole('checkbox', { name: 'Podcast episodes' }).uncheck();
      await expect.poll(() => podcast.evaluateAll((nodes) => nodes.filter((node) => getComputedStyle(node).display !== 'none').length)).toBe(0);
      expect(await page.locator('.graph-edges path[data-groups~="podcast"]').evaluateAll((paths) => paths.every((path) => getComputedStyle(path).display === 'none'))).toBe(true);
      // Finding a hidden node by name shows its section again.
      await page.getByLabel('Find in the graph').fill('MLOps as a Team');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('checkbox', { name: 'Podcast episodes' }).isChecked()).toBe(true);
      await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toMatch(/^MLOps as a Team/);
      await page.close();
    });

    it('zooms with the buttons and the wheel, pans with a drag, and fits again', async () => {
      const page = await open('graph/');
      const full = await viewBox(page);
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(async () => (await viewBox(page))[2]).toBeLessThan(full[2]! / 1.5);
      const zoomed = await viewBox(page);
      await page.locator('.graph-svg').scrollIntoViewIfNeeded();
      const box = (await page.locator('.graph-svg').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -300);
      await expect.poll(async () => (await viewBox(page))[2]).toBeLessThan(zoomed[2]!);
      const before = await viewBox(page);
      await page.mouse.move(box.x + 200, box.y + 200);
      await page.mouse.down();
      await page.mouse.move(box.x + 260, box.y + 230, { steps: 5 });
      await page.mouse.up();
      await expect.poll(async () => (await viewBox(page))[0]).toBeLessThan(before[0]!);
      expect(new URL(page.url()).hash).toBe('');
      expect(await labelFaults(page)).toEqual([]);
      await page.getByRole('button', { name: 'Fit' }).click();
      await expect.poll(() => viewBox(page)).toEqual(full);
      await page.close();
    });

    it('never lets two labels overlap, on a wide screen or a phone', async () => {
      const page = await open('graph/');
      expect(await labelFaults(page)).toEqual([]);
      await page.setViewportSize({ width: 360, height: 740 });
      await expect.poll(() => labelFaults(page)).toEqual([]);
      const size = await page.locator('.graph-labels text').evaluateAll((texts) => texts.filter((t) => getComputedStyle(t).display !== 'none').map((t) => t.getBoundingClientRect().height));
      // Labels keep a readable size on a phone: 12 px text, not the picture scaled down.
      expect(Math.min(...size)).toBeGreaterThan(11);
      await page.close();
    });

    it('puts the list first on a phone: the found node and its neighbours as targets for a finger', async () => {
      const touch = await session.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
      const page = await touch.newPage();
      await page.goto(session.server.url('graph/'));
      await expect(page.locator('button.sl-menu-button').isVisible()).resolves.toBe(true);
      await page.getByRole('combobox', { name: 'Find in the graph' }).fill('Skills');
      const buttons = page.locator('[data-graph-neighbours] button');
      await expect.poll(() => buttons.count()).toBeGreaterThan(3);
      const panel = (await page.locator('.graph-panel').boundingBox())!;
      const figure = (await page.locator('.graph-figure').boundingBox())!;
      expect(panel.y).toBeLessThan(figure.y);
      const heights = await buttons.evaluateAll((all) => all.map((button) => button.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
      // A tap on a neighbour moves the selection to it.
      const name = await buttons.first().textContent();
      await buttons.first().tap();
      await expect.poll(() => page.locator('.graph-node.is-selected').getAttribute('aria-label')).toMatch(new RegExp(`^${name}`));
      await touch.close();
    });

    it('zooms with two fingers on a touch screen, and a tap picks a node', async () => {
      const touch = await session.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
      const page = await touch.newPage();
      await page.goto(session.server.url('graph/'));
      const box = (await page.locator('.graph-svg').boundingBox())!;
      const [, , fullWidth] = await viewBox(page);
      const cdp = await touch.newCDPSession(page);
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      const fingers = (spread: number) => [
        { x: cx - spread, y: cy, id: 1 },
        { x: cx + spread, y: cy, id: 2 },
      ];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
      for (const spread of [40, 60, 80, 100]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(spread) });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await expect.poll(async () => (await viewBox(page))[2]).toBeLessThan(fullWidth! / 2);
      expect(await labelFaults(page)).toEqual([]);
      // A tap on the node nearest the middle of the view picks it, and stays on the page.
      const nearest = await page.evaluate(() => {
        const svgBox = document.querySelector('.graph-svg')!.getBoundingClientRect();
        const centre = { x: svgBox.left + svgBox.width / 2, y: svgBox.top + svgBox.height / 2 };
        const circles = [...document.querySelectorAll('.graph-node circle')].map((circle, index) => {
          const box = circle.getBoundingClientRect();
          return { index, distance: Math.hypot(box.left + box.width / 2 - centre.x, box.top + box.height / 2 - centre.y) };
        });
        return circles.sort((a, b) => a.distance - b.distance)[0]!.index;
      });
      const node = page.locator('.graph-node').nth(nearest);
      await node.locator('circle').tap();
      await expect.poll(() => page.locator('.graph-node.is-selected').getAttribute('aria-label')).toBe(await node.getAttribute('aria-label'));
      expect(new URL(page.url()).pathname).toBe('/graph/');
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
      await touch.close();
    });
  });
});
