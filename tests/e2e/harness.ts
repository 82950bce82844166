import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium, type Browser } from 'playwright-core';
import { BUILDS, isBuilt, type BuildName } from '../site/build-site.ts';

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

export interface SiteServer {
  origin: string;
  /** The site's root URL, with the base path. */
  url: (path?: string) => string;
  close: () => Promise<void>;
}

/** Serves a built site on a free loopback port, under its base path, with the 404 page for misses. */
export async function serveBuild(build: BuildName): Promise<SiteServer> {
  const { outDir, base } = BUILDS[build];
  const assets = sirv(outDir, { dev: false, etag: true, extensions: ['html'] });
  const notFound = readFileSync(join(outDir, '404.html'));
  const server: Server = createServer((request, response) => {
    const sendNotFound = () => {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(notFound);
    };
    if (!request.url?.startsWith(base)) return sendNotFound();
    request.url = `/${request.url.slice(base.length)}`;
    assets(request, response, sendNotFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path = '') => `${origin}${base}${path.replace(/^\//, '')}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
