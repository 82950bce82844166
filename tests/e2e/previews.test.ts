import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { canRun, useBrowserSession } from './harness.ts';

/** A link in the text of role/boundaries/ to another page of the wiki. */
const INTERNAL_LINK = '.sl-markdown-content p a[href="/role/career-path/"]';

describe.skipIf(!canRun())('previews', () => {
  const session = useBrowserSession();

  describe('of links to other pages', () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    });
    afterAll(async () => {
      await context.close();
    });

    const open = async (): Promise<Page> => {
      const page = await context.newPage();
      await page.goto(session.server.url('role/boundaries/'));
      return page;
    };

    it('show the page title, description and first lines on hover, without moving the text', async () => {
      const page = await open();
      const link = page.locator(INTERNAL_LINK).first();
      const paragraph = link.locator('xpath=ancestor::p[1]');
      const before = await paragraph.boundingBox();
      await link.hover();
      const preview = page.locator('#link-preview');
      await expect.poll(() => preview.isVisible()).toBe(true);
      await expect(preview.locator('.link-preview-title').textContent()).resolves.toBe('Career path and role variants');
      await expect(preview.locator('.link-preview-description').textContent()).resolves.toMatch(/^Typical experience/);
      await expect(preview.locator('.link-preview-lead').textContent()).resolves.toMatch(/\S+/);
      expect(await paragraph.boundingBox()).toEqual(before);
      // The preview describes the link; it is not part of its name.
      await expect(link.getAttribute('aria-describedby')).resolves.toBe('link-preview');
      await expect(page.getByRole('link', { name: 'career path', exact: true }).first().isVisible()).resolves.toBe(true);
      await expect(preview.getAttribute('data-pagefind-ignore')).resolves.toBe('');
      await page.mouse.move(5, 5);
      await expect.poll(() => preview.isVisible()).toBe(false);
      await expect(link.getAttribute('aria-describedby')).resolves.toBeNull();
      await page.close();
    });

    it('show on keyboard focus, inside the window, and close with Escape', async () => {
      const page = await open();
      const link = page.locator(INTERNAL_LINK).first();
      await link.evaluate((element) => element.scrollIntoView({ block: 'end' }));
      // Focus as the keyboard gives it (focus from a click shows no preview).
      await link.focus();
      const preview = page.locator('#link-preview');
      await expect.poll(() => preview.isVisible()).toBe(true);
      const box = (await preview.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(900);
      await page.keyboard.press('Escape');
      await expect.poll(() => preview.isVisible()).toBe(false);
      await page.close();
    });

    it('describe the neighbours in a page neighbourhood too', async () => {
      const page = await open();
      // Scrolled to first: a scroll closes any preview, and the connections block is far down the page.
      const neighbour = page.locator('.neighbourhood-list a').first();
      await neighbour.scrollIntoViewIfNeeded();
      await neighbour.hover();
      await expect.poll(() => page.locator('#link-preview').isVisible()).toBe(true);
      await page.close();
    });
  });

  describe('of citations', () => {
    it('close with Escape and stay closed until focus leaves', async () => {
      const page = await session.browser.newPage();
      await page.goto(session.server.url('role/boundaries/'));
      const citation = page.locator('.citation-moment').first();
      const card = citation.locator('.citation-card');
      await citation.locator('.citation-link').focus();
      await expect.poll(() => card.isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => card.isVisible()).toBe(false);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      await expect.poll(() => card.isVisible()).toBe(true);
      await page.close();
    });

    it('give the notes link a target of at least 24 by 24 pixels without changing the line height', async () => {
      const page = await session.browser.newPage();
      await page.goto(session.server.url('role/boundaries/'));
      const notes = (await page.locator('.citation-moment .citation-notes').first().boundingBox())!;
      expect(notes.width).toBeGreaterThanOrEqual(24);
      expect(notes.height).toBeGreaterThanOrEqual(24);
      const lineHeights = await page.locator('.sl-markdown-content p:has(.citation)').first().evaluate((p) => {
        const lines = [...p.getClientRects()];
        return { height: p.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(p).lineHeight), lines: lines.length };
      });
      // Whole lines only: the taller target does not push lines apart.
      expect(Math.abs(lineHeights.height / lineHeights.lineHeight - Math.round(lineHeights.height / lineHeights.lineHeight))).toBeLessThan(0.05);
      await page.close();
    });
  });

  describe('on a 360 px touch screen', () => {
    let touch: BrowserContext;
    const played: string[] = [];
    beforeAll(async () => {
      touch = await (session.browser as Browser).newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
      // A played citation opens YouTube in a new tab; the test records the request without leaving the machine.
      await touch.route(/^https:\/\/www\.youtube\.com\//, (route) => {
        played.push(route.request().url());
        return route.abort();
      });
    });
    afterAll(async () => {
      await touch.close();
    });

    it('opens a citation panel on the first tap, with a clear play action and a large notes link', async () => {
      const page = await touch.newPage();
      await page.goto(session.server.url('role/boundaries/'));
      const citation = page.locator('.citation-moment').first();
      await citation.locator('.citation-link').tap();
      const sheet = page.getByRole('dialog');
      await expect.poll(() => sheet.isVisible()).toBe(true);
      expect(new URL(page.url()).pathname).toBe('/role/boundaries/');
      expect(played).toEqual([]);
      await expect(sheet.locator('#citation-sheet-title').textContent()).resolves.toMatch(/^Data Team Roles Explained/);
      const play = sheet.getByRole('link', { name: '▶ Play at 17:04' });
      await expect(play.getAttribute('href')).resolves.toBe('https://www.youtube.com/watch?v=UukjwSIAnpw&t=1024s');
      const notes = sheet.getByRole('link', { name: 'Episode notes' });
      await expect(notes.getAttribute('href')).resolves.toBe('/podcast/data-team-roles/#at-17-04');
      for (const target of [play, notes, sheet.getByRole('button', { name: 'Close' })]) {
        const box = (await target.boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(44);
        expect(box.x + box.width).toBeLessThanOrEqual(360);
      }
      // The card the citation shows on focus gives way to the panel.
      await expect(citation.locator('.citation-card').isVisible()).resolves.toBe(false);
      await notes.tap();
      await page.waitForURL(/\/podcast\/data-team-roles\/#at-17-04$/);
      await page.close();
    });

    it('plays the citation on a second tap, and closes the panel on a tap elsewhere', async () => {
      const page = await touch.newPage();
      await page.goto(session.server.url('role/boundaries/'));
      const play = page.locator('.citation-moment .citation-link').first();
      await play.tap();
      await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
      await page.locator('h1').tap();
      await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);
      await play.tap();
      await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
      await play.tap();
      await expect.poll(() => played).toEqual(['https://www.youtube.com/watch?v=UukjwSIAnpw&t=1024s']);
      await page.close();
    });
  });

  it('leave citations as plain links without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.server.url('role/boundaries/'));
    await expect(page.locator('.citation-moment .citation-link').first().getAttribute('href')).resolves.toMatch(/^https:\/\/www\.youtube\.com\/watch/);
    await expect(page.locator('.citation-moment .citation-notes').first().getAttribute('href')).resolves.toMatch(/^\/podcast\//);
    await context.close();
  });
});
