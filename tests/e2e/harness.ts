import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { BUILDS, isBuilt, type BuildName } from '../built/build-site.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';

export const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'sudo apt-get install -y chromium';

/**
 * Whether the browser tests can run. On a developer's machine without Chromium they are skipped with a
 * loud message; in CI a missing browser is a failure, so a green CI always means the browser tests ran.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env['CI']) throw new Error(`Chromium is missing at ${CHROMIUM}; CI needs it for the browser tests. Install it with: ${INSTALL}`);
  console.warn(`\n⚠ Browser tests SKIPPED: no Chromium at ${CHROMIUM}. Install it with: ${INSTALL}\n`);
  return false;
}

export const canRun = (build: BuildName = 'root'): boolean => isBuilt(build) && browserAvailable();

/** A Chromium of its own, for a test that must change the browser itself; close it when done. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

let workerBrowser: Promise<Browser> | undefined;

/**
 * The Chromium of this test worker, launched by the first file that asks and shared by every file the
 * worker runs after it (the site project does not isolate its files; see vitest.config.ts). Tests never
 * share state through it: each page lives in a browser context of its own, and each file's contexts are
 * closed after it. Playwright closes the browser when the worker exits.
 */
export function sharedBrowser(): Promise<Browser> {
  workerBrowser ??= launchBrowser().then((browser) => {
    browser.on('disconnected', () => (workerBrowser = undefined));
    return browser;
  });
  return workerBrowser;
}

/** A loopback port no one listens on now, for a server a test starts itself. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export type SiteServer = StaticServer;

/** Serves one of the test builds under its base path. */
export function serveBuild(build: BuildName): Promise<SiteServer> {
  const { outDir, base } = BUILDS[build];
  return serveDirectory(outDir, base);
}

export interface BrowserSession {
  browser: Browser;
  server: SiteServer;
}

/**
 * The browser as tests see it: its new contexts and pages block service workers unless the options say
 * `serviceWorkers: 'allow'`. A built page registers the offline service worker, which precaches every
 * file of the site as soon as a page loads; in a fresh context per test, that was most of the browser
 * tests' work. Tests of offline reading allow it.
 */
function withoutServiceWorkers(browser: Browser): Browser {
  return new Proxy(browser, {
    get(target, property) {
      if (property === 'newContext') return (options: BrowserContextOptions = {}) => target.newContext({ serviceWorkers: 'block', ...options });
      if (property === 'newPage') return (options: BrowserContextOptions = {}) => target.newPage({ serviceWorkers: 'block', ...options });
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Serves a build for the enclosing describe block, with the worker's shared Chromium; after the block,
 * closes the server and every browser context the block opened (a page opened with `browser.newPage()`
 * has a context of its own). The returned object is filled in by beforeAll, so read its fields inside
 * tests only.
 */
export function useBrowserSession(build: BuildName = 'root'): BrowserSession {
  const session = {} as BrowserSession;
  let before = new Set<BrowserContext>();
  beforeAll(async () => {
    session.server = await serveBuild(build);
    session.browser = withoutServiceWorkers(await sharedBrowser());
    before = new Set(session.browser.contexts());
  });
  afterAll(async () => {
    await Promise.all((session.browser?.contexts() ?? []).filter((context) => !before.has(context)).map((context) => context.close()));
    await session.server?.close();
  });
  return session;
}

/** Opens a page of the served build, at a path under its base path, in a browser or one of its contexts. */
export async function openPage(opener: Browser | BrowserContext, session: BrowserSession, path: string): Promise<Page> {
  const page = await opener.newPage();
  await page.goto(session.server.url(path));
  return page;
}
