import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { normaliseBase } from '../../src/site/routes.ts';

export interface StaticServer {
  origin: string;
  /** A URL of the site, under its base path. */
  url: (path?: string) => string;
  close: () => Promise<void>;
}

/** Serves a built site on a free loopback port under its base path, answering misses with its 404 page. */
export async function serveDirectory(dir: string, basePath = '/'): Promise<StaticServer> {
  const base = normaliseBase(basePath);
  const assets = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
