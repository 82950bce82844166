import { stripVTControlCharacters } from 'node:util';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnvironment, ROOT } from '../built/build-site.ts';
import { browserAvailable, launchBrowser, freePort } from './harness.ts';

/**
 * The feedback loop of `npm run dev`: a contributor saves a broken link into a page while the dev server
 * runs, and sees it in the terminal and on the page; fixes it, and sees both clear. The dev server runs
 * on a copy of the project (inside the repository, so that Vite serves node_modules from it), which is
 * removed afterwards. Every wait polls with a generous limit: the machine may be busy.
 */

const PAGE = 'src/content/docs/role/skills.mdx';
const PAGE_PATH = '/role/skills/';
const READY_MS = 240_000;
const SAVE_MS = 60_000;
const APP = 'astro-dev-toolbar-app-canvas[data-app-id="mle-wiki-check"]';
const PROBLEM_LINE = new RegExp(`${PAGE.replaceAll('.', '\\.')}:(\\d+):(\\d+) {2}page-missing {2}no page at /role/not-there/`);

/** Polls `probe` until it returns a value other than undefined; fails naming `what` after `timeoutMs`. */
async function waitUntil<T>(probe: () => T | undefined | Promise<T | undefined>, what: () => string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * The dev server's output, both streams, with a way to wait for a line. Colour codes are removed: with
 * CI set, Astro's logger colours its output even into a pipe.
 */
class Terminal {
  text = '';

  constructor(child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.text += stripVTControlCharacters(chunk.toString())));
    child.stderr?.on('data', (chunk: Buffer) => (this.text += stripVTControlCharacters(chunk.toString())));
  }

  /** Waits until the output after `from` matches `pattern`, and returns the match. */
  waitFor(pattern: RegExp, from: number, timeoutMs: number): Promise<RegExpExecArray> {
    return waitUntil(() => pattern.exec(this.text.slice(from)) ?? undefined, () => `the dev server to print ${pattern}; it printed:\n${this.text}`, timeoutMs);
  }
}

describe.skipIf(!browserAvailable())('writing with npm run dev', () => {
  let project: string;
  let server: ChildProcess;
  let terminal: Terminal;
  let browser: Browser;
  let page: Page;
  let original: string;
  let origin: string;

  beforeAll(async () => {
    project = mkdtempSync(join(ROOT, '.dev-loop-test-'));
    for (const entry of ['astro.config.mjs', 'tsconfig.json', 'src', 'public']) cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
    original = readFileSync(join(project, PAGE), 'utf8');
    const port = await freePort();
    origin = `http://localhost:${port}`;
    // A process group of its own, so that the server and anything it starts end together.
    server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
      cwd: project,
      env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    terminal = new Terminal(server);
    await terminal.waitFor(/\[mle-wiki:check\] ✓ \d+ files checked: no problems/, 0, READY_MS);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${origin}${PAGE_PATH}`, { timeout: READY_MS }).catch((error: unknown) => {
      throw new Error(`${String(error)}\nThe dev server printed:\n${terminal.text}`);
    });
    const heading = page.locator(`${APP} h2`);
    await waitUntil(async () => ((await heading.count()) > 0 && (await heading.textContent()) === 'No problems on this page' ? true : undefined), () => 'the toolbar app to answer', READY_MS);
  }, READY_MS * 2);

  afterAll(async () => {
    await browser?.close();
    if (server?.pid !== undefined) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // The server has ended already.
      }
    }
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('serves a page without a content warning (Starlight reads its i18n collection on every render)', () => {
    expect(terminal.text).toContain(' [200] /role/skills/');
    expect(terminal.text).not.toMatch(/\[WARN\] \[content\]|collection "i18n"/);
  });

  it('shows a broken link in the terminal and at the link in the page, and clears both once fixed', async () => {
    const before = terminal.text.length;
    appendFileSync(join(project, PAGE), '\nA link to [a page that is not there](/role/not-there/).\n');

    const [, line, column] = await terminal.waitFor(PROBLEM_LINE, before, SAVE_MS);
    const marker = page.locator('[data-check-problem="page-missing"]');
    await expect.poll(() => marker.count(), { timeout: SAVE_MS }).toBe(1);
    await expect(marker.getAttribute('data-source-position')).resolves.toBe(`${line}:${column}`);
    await expect(marker.textContent()).resolves.toBe('a page that is not there');
    await expect(marker.getAttribute('title')).resolves.toMatch(/^page-missing: no page at \/role\/not-there\//);
    const listed = page.locator(`${APP} li[data-rule="page-missing"]`);
    await expect.poll(() => listed.textContent(), { timeout: SAVE_MS }).toContain(`line ${line}:${column}`);
    await expect(listed.locator('a').getAttribute('href')).resolves.toBe('/contributing/rules/page-missing/');

    // The marker is drawn around the link, never by moving it.
    const marked = await marker.boundingBox();
    const unmarked = await marker.evaluate((element) => {
      element.removeAttribute('data-check-problem');
      const box = element.getBoundingClientRect();
      element.setAttribute('data-check-problem', 'page-missing');
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    });
    expect(marked).toEqual(unmarked);

    // The fix is saved as some editors save: the file is emptied, then filled, so the check may read
    // it empty first (tests/integrations/dev-check.test.ts covers a watcher that reports only that).
    const fixing = terminal.text.length;
    const file = join(project, PAGE);
    writeFileSync(file, '');
    await new Promise((done) => setTimeout(done, 100));
    writeFileSync(file, original);
    await terminal.waitFor(new RegExp(`✓ ${PAGE.replaceAll('.', '\\.')}: no problems left`), fixing, SAVE_MS);
    await expect.poll(() => page.locator('[data-check-problem]').count(), { timeout: SAVE_MS }).toBe(0);
    await expect.poll(() => page.locator(`${APP} h2`).textContent(), { timeout: SAVE_MS }).toBe('No problems on this page');
  }, SAVE_MS * 4);
});
