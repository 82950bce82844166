import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { WRITTEN_SECTIONS } from '../../src/navigation.ts';
import { BUILDS } from '../built/build-site.ts';
import { canRun, openPage, useBrowserSession } from './harness.ts';

/** One page of every kind the site has, and every section's own page. */
const PAGES = [
  '',
  'role/boundaries/',
  'role/tools-and-platforms/',
  'roadmap/',
  'roadmap/learning-sequence/',
  'mlops/intermediate/',
  'practice/enterprise-mlops/',
  'kpis/',
  'kpis/change-failure-rate/',
  'guides/ml-pipelines-in-practice/',
  'guides/ml-system-design-documents/',
  'about/sources/',
  'about/contributing/',
  'podcast/',
  'podcast/data-team-roles/',
  'graph/',
  'graph/list/',
  'contributing/rules/',
  'contributing/rules/page-few-links/',
  '404.html',
  ...WRITTEN_SECTIONS.filter((section) => existsSync(join(BUILDS.root.outDir, section, 'index.html'))).map((section) => `${section}/`),
];

describe.skipIf(!canRun())('layout and text of every page kind', () => {
  const session = useBrowserSession();

  describe('on a 360 px touch screen', () => {
    let touch: BrowserContext;
    beforeAll(async () => {
      touch = await session.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    });
    afterAll(async () => {
      await touch.close();
    });

    it.each([...new Set(PAGES)])('/%s does not scroll sideways, and its menu button is whole', async (path) => {
      const page = await touch.newPage();
      await page.goto(session.server.url(path));
      const wide = await page.evaluate(() => {
        if (document.documentElement.scrollWidth <= 360) return [];
        const clipped = (element: Element) => {
          for (let parent = element.parentElement; parent; parent = parent.parentElement) if (getComputedStyle(parent).overflowX !== 'visible') return true;
          return false;
        };
        return [...document.querySelectorAll('main *')]
          .filter((element) => element.getBoundingClientRect().right > 360 && !clipped(element))
          .slice(0, 3)
          .map((element) => `${element.tagName}.${element.getAttribute('class')}: ${(element.textContent ?? '').slice(0, 40)}`);
      });
      expect(wide).toEqual([]);
      const menu = page.locator('button.sl-menu-button');
      if (await menu.isVisible()) {
        const box = (await menu.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(360);
      }
      await page.close();
    });

    it('folds the episode list into one column with dates on one line', async () => {
      const page = await touch.newPage();
      await page.goto(session.server.url('podcast/'));
      const first = page.locator('.episode-table tbody tr').first();
      await expect(first.locator('.episode-table-narrow').innerText()).resolves.toMatch(/^(Added \d{1,2} [A-Z][a-z]{2} \d{4}|Not dated) · \d+ cited moments?$/);
      await expect(first.locator('.episode-table-date').isVisible()).resolves.toBe(false);
      await page.close();
    });
  });

  describe('on a wide screen', () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.origin });
    });
    afterAll(async () => {
      await context.close();
    });
    const open = (path: string): Promise<Page> => openPage(context, session, path);

    it('names the date column of the episode list and keeps every date on one line', async () => {
      const page = await open('podcast/');
      await expect(page.locator('.episode-table th').allTextContents()).resolves.toEqual(['Episode and guests', 'Added to the archive', 'Cited moments']);
      const heights = await page.locator('.episode-table-date time').evaluateAll((times) => times.map((time) => time.getClientRects().length));
      expect(heights.length).toBeGreaterThan(40);
      expect(heights.every((lines) => lines === 1)).toBe(true);
      await expect(page.locator('.episode-table-date time').first().textContent()).resolves.toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
      await page.close();
    });

    it('gives code blocks a language label and a copy button that copies the code', async () => {
      const page = await open('guides/ml-pipelines-in-practice/');
      const block = page.locator('.expressive-code').first();
      await expect(block.locator('.ec-language').textContent()).resolves.toBe('Python');
      await block.hover();
      const copy = block.getByRole('button', { name: 'Copy to clipboard' });
      await copy.click();
      const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
      const code = await block.locator('pre code').evaluate((element) => [...element.querySelectorAll('.ec-line')].map((line) => line.textContent).join('\n'));
      await expect.poll(async () => lines(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(lines(code));
      expect(lines(code).length).toBeGreaterThan(10);
      await page.close();
    });

    it('starts the sidebar with only the current section open', async () => {
      const page = await open('role/skills/');
      const groups = page.locator('nav[aria-label="Main"] details');
      expect(await groups.count()).toBeGreaterThan(8);
      const open_ = await groups.evaluateAll((details) => details.filter((d) => (d as HTMLDetailsElement).open).map((d) => d.querySelector('summary')?.textContent?.trim()));
      expect(open_).toEqual(['Role guide']);
      await page.close();
    });

    it('lists each page citing an episode once', async () => {
      const page = await open('podcast/data-team-roles/');
      const titles = await page.locator('.cited-by > li > a').allTextContents();
      expect(titles.length).toBeGreaterThan(3);
      expect(new Set(titles).size).toBe(titles.length);
      await page.close();
    });

    it.each(['podcast/data-team-roles/', 'graph/', 'kpis/change-failure-rate/', 'contributing/rules/page-orphan/'])('ends the generated page /%s without an empty backlinks note', async (path) => {
      const page = await open(path);
      await expect(page.locator('main').textContent()).resolves.not.toContain('No page links here yet');
      await page.close();
    });

    it('shows no "Last updated" date on the 404 page', async () => {
      const page = await open('404.html');
      await expect(page.locator('body').textContent()).resolves.not.toContain('Last updated');
      await page.close();
    });

    it('indexes text that reads as sentences: no words glued at element boundaries, no preview text', async () => {
      const page = await open('');
      const url = (path: string) => session.server.url(path);
      const content = (await page.evaluate(`(async () => {
        const pagefind = await import('${url('pagefind/pagefind.js')}');
        const wanted = ['/kpis/', '/', '/role/boundaries/', '/podcast/dataops-automation-and-reliable-data-pipelines/'];
        const found = {};
        for (const term of ['measures', 'roadmap', 'boundaries', 'dataops']) {
          const search = await pagefind.search(term);
          for (const result of search.results) {
            const data = await result.data();
            if (wanted.includes(data.url)) found[data.url] = data.content;
          }
        }
        return found;
      })()`)) as Record<string, string>;
      expect(Object.keys(content).sort()).toEqual(['/', '/kpis/', '/podcast/dataops-automation-and-reliable-data-pipelines/', '/role/boundaries/']);
      expect(content['/kpis/']).not.toMatch(/MetricWhat|measuresWhy|mattersExample/);
      expect(content['/']).not.toMatch(/RoleResponsibilities|RoadmapWhat/);
      expect(content['/podcast/dataops-automation-and-reliable-data-pipelines/']).not.toMatch(/\d\d:\d\d[A-Z]/);
      // Citation cards and notes links are previews, not text of the page.
      expect(content['/role/boundaries/']).not.toMatch(/\d\d:\d\d ?notes/);
      expect(content['/role/boundaries/']).not.toContain('takes what the data scientist built');
      await page.close();
    });
  });
});
