import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canRun, useBrowserSession } from './harness.ts';

/** The browser's own link colours, which no link of the site may keep. */
const BROWSER_DEFAULTS = ['rgb(0, 0, 238)', 'rgb(85, 26, 139)', 'rgb(0, 0, 255)'];

/** Pages whose links are drawn by components rather than by Markdown. */
const COMPONENT_PAGES = ['roadmap/', 'reference/tools/', 'reference/glossary/', 'reference/glossary/feature-store/', 'kpis/change-failure-rate/', 'graph/list/', 'podcast/data-team-roles/'];

/** One page of every kind (the component pages among them). */
const PAGE_KINDS = ['', 'role/skills/', 'roadmap/', 'mlops/intermediate/', 'kpis/', 'kpis/change-failure-rate/', 'guides/model-monitoring/', 'podcast/', 'podcast/data-team-roles/', 'reference/tools/', 'reference/glossary/', 'reference/glossary/feature-store/', 'graph/', 'graph/list/', 'contributing/rules/', 'about/sources/', '404.html'];

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/** Links on the page that keep a browser default colour, or that components draw in another colour than the theme's link colour. */
function linkColourFaults(page: Page): Promise<string[]> {
  return page.evaluate((defaults) => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--sl-color-text-accent)';
    document.querySelector('main')!.append(probe);
    const accent = getComputedStyle(probe).color;
    probe.remove();
    const selectors = ['.neighbourhood-list a', '.learn-more a', '.glossary-jump a', '.tools-table .connection-list a', '.connection-list a', '.breadcrumbs a', '.graph-neighbourhoods a', '.cited-by a'];
    const plain = [...document.querySelectorAll<HTMLAnchorElement>(selectors.join(', '))];
    return [
      ...[...document.querySelectorAll('main a')].filter((a) => defaults.includes(getComputedStyle(a).color)).map((a) => `${a.textContent} keeps the browser's ${getComputedStyle(a).color}`),
      ...plain.filter((a) => getComputedStyle(a).color !== accent).slice(0, 3).map((a) => `${a.textContent} is ${getComputedStyle(a).color}, not ${accent}`),
      ...(plain.length === 0 ? ['no component link found'] : []),
    ].slice(0, 5);
  }, BROWSER_DEFAULTS);
}

/** Switches the page's theme as Starlight's theme picker does, and waits until the page has it. */
async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate((chosen) => (document.documentElement.dataset['theme'] = chosen), theme);
  await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe(theme);
}

describe.skipIf(!canRun())('what a reader sees, finished', () => {
  const session = useBrowserSession();

  /**
   * One visit to every kind of page serves every check that reads a whole page as it loads: script
   * errors, requests that leave the site, and the colour of component links in both themes.
   */
  describe('every kind of page', () => {
    const errors: string[] = [];
    const foreign: string[] = [];
    const colourFaults: Record<Theme, string[]> = { light: [], dark: [] };

    beforeAll(async () => {
      const { browser, server } = session;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
      context.on('weberror', (error) => errors.push(String(error.error())));
      context.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      // No CDN, font, analytics or video host: every request stays on this origin.
      context.on('request', (request) => {
        if (!request.url().startsWith(server.origin) && !/^(data|blob):/.test(request.url())) foreign.push(request.url());
      });
      for (const path of PAGE_KINDS) {
        const page = await context.newPage();
        await page.goto(server.url(path));
        await page.waitForLoadState('load');
        // The tools directory builds a row's links when the reader opens the row.
        if (path === 'reference/tools/') await page.locator('#mlflow button[data-tool-more]').click();
        // Colours are read before anything is hovered, which would open a link preview over the page.
        if (COMPONENT_PAGES.includes(path)) {
          for (const theme of THEMES) {
            await useTheme(page, theme);
            colourFaults[theme].push(...(await linkColourFaults(page)).map((fault) => `${path}: ${fault}`));
          }
        }
        if (path === 'graph/') {
          // The node's link is an SVG <a>, which the link previews must read like any other.
          const node = page.locator('.graph-node').first();
          await node.locator('circle').hover();
          await node.focus();
          await page.waitForTimeout(0);
        }
        if (path === 'roadmap/') await page.locator('.neighbourhood-list a').first().hover();
        await page.close();
      }
      await context.close();
    });

    it('run their scripts without an error, also when a graph node or a neighbour is hovered', () => {
      expect(errors).toEqual([]);
    });

    it('make no request outside the site', () => {
      expect(foreign).toEqual([]);
    });

    it.each(THEMES)('give every link in components the theme link colour, in the %s theme', (theme) => {
      expect(colourFaults[theme]).toEqual([]);
    });
  });

  it('draws diagrams without JavaScript, each an image with a title and a description', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.server.url('guides/model-monitoring/'));
    const image = page.locator('figure.diagram svg[role="img"]').first();
    await expect(image.isVisible()).resolves.toBe(true);
    const box = (await image.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeGreaterThan(100);
    const title = await page.locator(`#${await image.getAttribute('aria-labelledby')}`).textContent();
    const description = await page.locator(`#${await image.getAttribute('aria-describedby')}`).textContent();
    expect(title).toMatch(/alert/i);
    expect(description).toMatch(/^A flowchart drawn top to bottom with \d+ steps\./);
    await expect(page.locator('figure.diagram figcaption').first().textContent()).resolves.toBe(title);
    // Drawn in the theme's colours: the boxes' fill is a colour, not transparent black from a missing variable.
    const fill = await page.locator('figure.diagram svg[role="img"] rect').first().evaluate((rect) => getComputedStyle(rect).fill);
    expect(fill).not.toBe('rgb(0, 0, 0)');
    await context.close();
  });

  it('fits every diagram on a phone without shrinking its text past reading or scrolling the page sideways', async () => {
    const context = await session.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const faults: string[] = [];
    for (const path of ['guides/batch-vs-online-serving/', 'data/feature-stores/', 'mlops/', 'mlops/advanced/', 'data/streaming-ml-pipelines/', 'ai-engineering/agents-and-llmops/']) {
      await page.goto(session.server.url(path));
      // Each drawing is shown at no less than 60% of the size it was laid out for.
      const scales = await page.locator('figure.diagram svg[role="img"]').evaluateAll((svgs) =>
        svgs.filter((svg) => svg.getBoundingClientRect().width > 0).map((svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width'))),
      );
      if (scales.length === 0) faults.push(`${path}: no diagram shown`);
      faults.push(...scales.filter((scale) => scale < 0.6).map((scale) => `${path}: a diagram is drawn at ${Math.round(scale * 100)}%`));
      if ((await page.evaluate(() => document.documentElement.scrollWidth)) > 360) faults.push(`${path} scrolls sideways`);
    }
    expect(faults).toEqual([]);
    await context.close();
  });

  it('answers a lost reader with a finished 404 page', async () => {
    const page = await session.browser.newPage();
    const response = await page.goto(session.server.url('no/such/page/'));
    expect(response?.status()).toBe(404);
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/draft/i);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('not in the wiki');
    await expect(page.locator('main a[href="/roadmap/"]').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('keeps the space between words and the elements after them', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('podcast/human-centered-mlops-and-model-monitoring/'));
    const chapters = await page.locator('.chapter-list li').allInnerTexts();
    expect(chapters.length).toBeGreaterThan(0);
    for (const chapter of chapters) expect(chapter).toMatch(/^\d+:\d{2}(:\d{2})?\s+\S/);
    await page.goto(session.server.url('graph/'));
    await expect(page.locator('.graph-help').innerText()).resolves.toContain('read as a list');
    await page.goto(session.server.url('reference/glossary/feature-store/'));
    await expect(page.locator('main').innerText()).resolves.toContain('covers it · See it in the glossary');
    await page.close();
  });
});
