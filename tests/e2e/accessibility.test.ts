import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canRun, useBrowserSession } from './harness.ts';
import { axeViolations } from './axe.ts';
import { menusReady } from './progress-page.ts';

/** One page of every kind the site has. */
const PAGE_KINDS: [string, string][] = [
  ['home', ''],
  ['role page', 'role/skills/'],
  ['roadmap overview', 'roadmap/'],
  ['roadmap stage', 'roadmap/learning-sequence/'],
  ['MLOps phase', 'mlops/intermediate/'],
  ['KPI tables', 'kpis/'],
  ['single KPI', 'kpis/change-failure-rate/'],
  ['guide', 'guides/model-monitoring/'],
  ['guide with task lists', 'guides/production-ml-checklist/'],
  ['episode', 'podcast/data-team-roles/'],
  ['episode list', 'podcast/'],
  ['graph', 'graph/'],
  ['graph as a list', 'graph/list/'],
  ['section page', 'ai-engineering/'],
  ['page with code', 'guides/ml-pipelines-in-practice/'],
  ['checker rule', 'contributing/rules/timestamp-missing/'],
  ['404', '404.html'],
  ['glossary term', 'reference/glossary/feature-store/'],
  ['page with diagrams', 'guides/batch-vs-online-serving/'],
];

describe.skipIf(!canRun())('accessibility (axe-core)', () => {
  const session = useBrowserSession();

  /** Kinds of page whose sidebar is checked too: one with no group open, one inside a group, one of a generated section. */
  const SIDEBAR_KINDS = new Set(['home', 'role page', 'checker rule']);
  /** Kinds of page checked in the dark theme too: those drawing progress and KPI colours. */
  const DARK_KINDS = /roadmap|MLOps|KPI|task lists/;

  const violations = async (path: string, prepare?: (page: Page) => Promise<void>, options: { touch?: boolean; skipSidebar?: boolean; themes?: readonly ('light' | 'dark')[] } = {}) => {
    const { touch = false, skipSidebar = true, themes = ['light'] } = options;
    const context = await session.browser.newContext({ colorScheme: 'light', ...(touch ? { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true } : {}) });
    const page = await context.newPage();
    await page.goto(session.server.url(path));
    await menusReady(page);
    await prepare?.(page);
    const found = await axeViolations(page, { skipSidebar });
    if (themes.includes('dark')) {
      // Switched as Starlight's theme picker does; only colours differ from the light theme, checked whole above.
      await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
      found.push(...(await axeViolations(page, { only: 'colours', skipSidebar })).map((violation) => `in the dark theme: ${violation}`));
    }
    await context.close();
    return found;
  };

  it.each(PAGE_KINDS)('%s has no violations', async (kind, path) => {
    // Expressive Code makes a code block that scrolls sideways focusable once the page is idle.
    const codeReady = async (page: Page): Promise<void> => {
      await page.waitForFunction(() => [...document.querySelectorAll('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')));
      // The graph's text list repeats one template for each of its hundreds of nodes, and axe reads the
      // whole page on every run: the first forty entries stand for the rest.
      await page.evaluate(() => document.querySelectorAll('.graph-neighbourhoods > li:nth-child(n+41)').forEach((entry) => entry.remove()));
    };
    // Starlight follows the reader's system theme; the progress and KPI pages are checked in the dark one too.
    expect(await violations(path, codeReady, { skipSidebar: !SIDEBAR_KINDS.has(kind), themes: DARK_KINDS.test(kind) ? ['light', 'dark'] : ['light'] })).toEqual([]);
  });

  it('checklists with items in every state and the open reset dialog have no violations, in both themes', async () => {
    const found = await violations(
      'mlops/beginner/',
      async (page) => {
        const menus = page.locator('[data-checklist] .progress-status-menu');
        await menus.nth(0).selectOption('done');
        await menus.nth(1).selectOption('in-progress');
        await menus.nth(2).selectOption('skipped');
        await page.getByRole('button', { name: 'Reset this checklist…' }).click();
      },
      { themes: ['light', 'dark'] },
    );
    expect(found).toEqual([]);
  });

  it('the import dialog has no violations', async () => {
    const found = await violations('roadmap/', async (page) => {
      const file = JSON.stringify({ format: 'mle-wiki-progress', version: 2, items: { 'roadmap-learning/python-basics': 'done' } });
      await page.locator('[data-progress-import]').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await page.getByRole('dialog').waitFor();
    });
    expect(found).toEqual([]);
  });

  it('the open search dialog with results has no violations', async () => {
    const found = await violations('', async (page) => {
      await page.locator('site-search button[data-open-modal]').first().click();
      await page.locator('site-search input[type="search"]').first().fill('drift');
      await page.locator('.search-result-link').first().waitFor();
    });
    expect(found).toEqual([]);
  });

  it('a focused citation preview has no violations', async () => {
    const found = await violations('role/boundaries/', async (page) => {
      await page.locator('.citation-link').first().focus();
    });
    expect(found).toEqual([]);
  });

  it('the graph with a node picked has no violations', async () => {
    const found = await violations('graph/#node-role--skills', async (page) => {
      await page.locator('[data-graph-neighbours] button').first().waitFor();
    });
    expect(found).toEqual([]);
  });

  it('an open link preview has no violations', async () => {
    const found = await violations('role/boundaries/', async (page) => {
      await page.locator('.sl-markdown-content p a[href="/role/career-path/"]').first().hover();
      await page.locator('#link-preview').waitFor();
    });
    expect(found).toEqual([]);
  });

  it('the citation panel on a touch screen has no violations', async () => {
    const found = await violations(
      'role/boundaries/',
      async (page) => {
        await page.locator('.citation-moment .citation-link').first().tap();
        await page.locator('.citation-sheet').waitFor();
      },
      { touch: true },
    );
    expect(found).toEqual([]);
  });
});
