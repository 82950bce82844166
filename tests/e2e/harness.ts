import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
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
 * Serves a build and launches Chromium once for the enclosing describe block, and closes both after
 * it. The returned object is filled in by beforeAll, so read its fields inside tests only.
 */
export function useBrowserSession(build: BuildName = 'root'): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.server = await serveBuild(build);
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
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
