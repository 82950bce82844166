import { createServer, type Server } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { listFiles } from '../../src/lib/files.ts';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { normaliseBase } from '../../src/site/routes.ts';

export interface StaticServer {
  origin: string;
  /** A URL of the site, under its base path. */
  url: (path?: string) => string;
  close: () => Promise<void>;
}

/** Text files a web host compresses on the way out. */
const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|svg|xml|txt)$/;

/**
 * A copy of the site with a gzip file beside each text file, as a production host would send them
 * (GitHub Pages and every CDN compress text), so that load-time measurements see realistic bytes.
 */
function compressedCopy(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'mle-wiki-served-'));
  cpSync(dir, copy, { recursive: true });
  for (const file of listFiles(copy, '.', COMPRESSIBLE, { all: true })) writeFileSync(join(copy, `${file}.gz`), gzipSync(readFileSync(join(copy, file)), { level: 9 }));
  return copy;
}

/**
 * Serves a built site on a free loopback port under its base path, answering misses with its 404 page.
 * With `compress`, text files are sent gzipped to clients that accept it, as a production host does.
 */
export async function serveDirectory(dir: string, basePath = '/', options: { compress?: boolean } = {}): Promise<StaticServer> {
  const base = normaliseBase(basePath);
  const served = options.compress ? compressedCopy(dir) : dir;
  const assets = sirv(served, { dev: false, etag: true, extensions: ['html'], gzip: options.compress === true });
  const notFound = readFileSync(join(dir, '404.html'));
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
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          if (served !== dir) rmSync(served, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}
