/**
 * The service worker's source, generated with the build's file list. Kept as plain JavaScript text
 * because it runs in the browser's worker scope, outside the site's bundles.
 */
export function serviceWorkerSource({ version, base, urls }: { version: string; base: string; urls: string[] }): string {
  return `// Generated at build time: precaches the whole site for offline reading and search.
const CACHE = 'mle-wiki-${version}';
const BASE = ${JSON.stringify(base)};
const URLS = ${JSON.stringify(urls)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(URLS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('mle-wiki-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  event.respondWith(respond(request, url));
});

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  const path = url.pathname.endsWith('/') || url.pathname.includes('.') ? url.pathname : url.pathname + '/';
  const cached = await cache.match(path, { ignoreSearch: true });
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode === 'navigate') {
      const notFound = await cache.match(BASE + '404.html');
      if (notFound) return notFound;
    }
    throw error;
  }
}
`;
}
