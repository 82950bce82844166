import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, BUILDS, buildProject, isBuilt, ROOT } from '../built/build-site.ts';
import { writeDifferentialProject } from '../built/differential-project.ts';
import { browserAvailable, launchBrowser } from './harness.ts';

/**
 * A second deployment reaches a reader who visited the first, behind a host that lets browsers cache
 * every file for ten minutes (`Cache-Control: max-age=600`, as GitHub Pages sends): deploy A, visit,
 * deploy B, reload, and B's pages show; B's worker replaces A's copy, and offline the reader reads B.
 * Deployment A misses one file its list names, which must not stop the worker from installing.
 */

const PROJECT = join(BUILD_DIR, 'offline-project');
/**
 * Deployment A is the differential corpus the global set-up built at the root (read, never changed);
 * deployment B is the same corpus with one paragraph more, built here.
 */
const DEPLOYS = { a: BUILDS['corpus-root'].outDir, b: join(BUILD_DIR, 'offline-b') } as const;
const GUIDE = 'src/content/docs/guides/model-monitoring.mdx';

function buildSecondDeployment(): void {
  if (process.env['SKIP_SITE_BUILD'] === '1' && existsSync(join(DEPLOYS.b, 'sw.js'))) return;
  writeDifferentialProject(PROJECT, ROOT);
  appendFileSync(join(PROJECT, GUIDE), '\nThis paragraph arrived with the second deployment.\n');
  buildProject(PROJECT, DEPLOYS.b);
}

/** A host whose files can be swapped for another deployment, sending every file with max-age=600. */
class Host {
  #serve: ReturnType<typeof sirv> | undefined;
  #notFound = Buffer.from('');
  readonly #server: Server = createServer((request, response) => {
    const sendNotFound = () => {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(this.#notFound);
    };
    if (!this.#serve) return sendNotFound();
    this.#serve(request, response, sendNotFound);
  });
  /** Paths answered with 404 whatever the deployment holds: a file lost on the way to the host. */
  readonly missing = new Set<string>();

  deploy(dir: string): void {
    const files = sirv(dir, { dev: false, etag: true, maxAge: 600, extensions: ['html'] });
    this.#serve = (request, response, next) => (this.missing.has(request.url ?? '') ? next?.() : files(request, response, next));
    this.#notFound = readFileSync(join(dir, '404.html'));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

const versionOf = (dir: string): string => (JSON.parse(readFileSync(join(dir, 'offline.json'), 'utf8')) as { version: string }).version;

describe.skipIf(!isBuilt('corpus-root') || !browserAvailable())('a new deployment behind a caching host', () => {
  const host = new Host();
  let origin = '';
  let browser: Browser;

  beforeAll(async () => {
    buildSecondDeployment();
    origin = await host.start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host.close();
    if (process.env['SKIP_SITE_BUILD'] !== '1') rmSync(PROJECT, { recursive: true, force: true });
  });

  it('reaches a reader who visited the first, online on reload and offline after', async () => {
    expect(versionOf(DEPLOYS.a)).not.toBe(versionOf(DEPLOYS.b));
    const manifest = JSON.parse(readFileSync(join(DEPLOYS.a, 'offline.json'), 'utf8')) as { files: [string, number, string, string][] };
    const lost = manifest.files.find(([url, , , group]) => group === 'search' && url.includes('/fragment/'))?.[0];
    expect(lost, 'a search fragment to lose').toBeDefined();
    host.missing.add(lost!);
    host.deploy(DEPLOYS.a);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/guides/model-monitoring/`);
    // The worker installs although one file of its list is missing on the host.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([`mle-wiki-${versionOf(DEPLOYS.a)}`]));
    expect(await page.locator('main').textContent()).not.toContain('arrived with the second deployment');

    host.missing.clear();
    host.deploy(DEPLOYS.b);
    await page.reload();
    await expect(page.locator('main').textContent()).resolves.toContain('arrived with the second deployment');

    // B's worker takes over and A's copy is deleted.
    const copies = () => page.evaluate(() => caches.keys().then((names) => names.filter((name) => name.startsWith('mle-wiki-'))));
    await expect.poll(copies, { timeout: 30_000 }).toEqual([`mle-wiki-${versionOf(DEPLOYS.b)}`]);
    await page.goto(`${origin}/about/sources/`);
    await context.setOffline(true);
    await page.goto(`${origin}/guides/model-monitoring/`);
    await expect(page.locator('main').textContent()).resolves.toContain('arrived with the second deployment');
    await context.close();
  });
});
