import { IMMUTABLE_PATH, OFFLINE_MANIFEST, SERVICE_WORKER } from '../site/offline-protocol.ts';

/**
 * The service worker's source. It is plain JavaScript text because it runs in the browser's worker
 * scope, outside the site's bundles; the build fills in the cache version (a hash of the site's
 * content, see offline.ts) and the base path, and nothing else, so that two builds of the same sources
 * write the same bytes and an unchanged deployment makes no reader download anything again.
 *
 * - Install: the shell and the search index, the pages the previous version had saved, and the whole
 *   wiki if the reader asked for it; a file whose hash did not change is copied from the previous
 *   version, the rest is fetched past the HTTP cache (`cache: 'reload'`). A file that fails is skipped:
 *   one missing file never fails the install. The previous version's scripts and styles are kept for
 *   the pages of it that are still open.
 * - Activate: every older copy is deleted, and the worker takes over open pages.
 * - Fetch: files named after their content come from the copy; everything else comes fresh from the
 *   network (revalidated past the HTTP cache, so a deployment shows on the next navigation), is saved,
 *   and falls back to the saved copy when the network fails or is slower than a few seconds.
 * - Messages from the page (offline-protocol.ts): the status of the copy, keeping the whole wiki,
 *   forgetting the saved pages.
 */
export function serviceWorkerSource({ version, base, offlinePage }: { version: string; base: string; offlinePage: string }): string {
  return `// Generated at build time by src/integrations/service-worker-source.ts: keeps the wiki readable offline.
const VERSION = ${JSON.stringify(version)};
const BASE = ${JSON.stringify(base)};
const PREFIX = 'mle-wiki-';
const CACHE = PREFIX + VERSION;
const SETTINGS = 'mle-wiki:settings';
const MANIFEST = BASE + ${JSON.stringify(OFFLINE_MANIFEST)};
const WORKER = BASE + ${JSON.stringify(SERVICE_WORKER)};
const KEEP_ALL = BASE + '__offline-keep-all';
const OFFLINE_PAGE = ${JSON.stringify(offlinePage)};
const IMMUTABLE = ${IMMUTABLE_PATH.toString()};
const OLD_ASSETS = /\\/_astro\\//;
const NETWORK_WAIT_MS = 4000;
const PARALLEL = 6;

self.addEventListener('install', (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

async function install() {
  const cache = await caches.open(CACHE);
  const manifest = await fetchManifest();
  // Without the list (offline, or a host that lost it) the worker still saves pages as they are opened.
  if (!manifest) return;
  await cache.put(MANIFEST, jsonResponse(manifest));
  const previous = await previousCopy();
  const keepAll = await keepsAll();
  const wanted = manifest.files.filter(([url, , , group]) => group === 'shell' || group === 'search' || keepAll || previous.urls.has(url));
  await save(cache, wanted, previous);
  // Pages still open from the previous version ask for its own scripts and styles, which a new deployment
  // no longer has: those are kept, for one version only (the ones its list named).
  const listed = new Set(manifest.files.map(([url]) => url));
  const leftovers = [...previous.hashes.keys()].filter((url) => OLD_ASSETS.test(url) && !listed.has(url) && previous.urls.has(url));
  await Promise.all(leftovers.map(async (url) => {
    const response = await previous.cache.match(url);
    if (response) await cache.put(url, response).catch(() => undefined);
  }));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

const jsonResponse = (value) => new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } });

async function fetchManifest() {
  try {
    const response = await fetch(MANIFEST, { cache: 'reload', credentials: 'same-origin' });
    if (!response.ok) return undefined;
    const manifest = await response.json();
    return manifest && Array.isArray(manifest.files) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** The list of files of this version, as saved at install, or fetched again. */
async function currentManifest(cache) {
  const saved = await cache.match(MANIFEST);
  if (saved) return saved.json();
  const manifest = await fetchManifest();
  if (manifest) await cache.put(MANIFEST, jsonResponse(manifest));
  return manifest;
}

/** The newest older copy: its cache, the hash of each of its files, and the paths it holds. */
async function previousCopy() {
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  const name = names.at(-1);
  if (!name) return { cache: undefined, hashes: new Map(), urls: new Set() };
  const cache = await caches.open(name);
  const urls = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
  const saved = await cache.match(MANIFEST);
  const manifest = saved ? await saved.json().catch(() => undefined) : undefined;
  const hashes = new Map((manifest?.files ?? []).map(([url, , hash]) => [url, hash]));
  return { cache, hashes, urls };
}

class StorageFull extends Error {}

/**
 * Saves files into the copy, a few at a time: unchanged ones from the previous copy, the others from
 * the network past the HTTP cache. Failures are counted, never thrown; a full storage stops the run.
 */
async function save(cache, files, previous, report) {
  const queue = [...files];
  let done = 0;
  let failed = 0;
  let full = false;
  const saveOne = async ([url, , hash]) => {
    try {
      if (await copyUnchanged(cache, url, hash, previous)) return true;
      const response = await fetch(url, { cache: 'reload', credentials: 'same-origin' });
      if (!response.ok) return false;
      await cache.put(url, response);
      return true;
    } catch (error) {
      if (error && error.name === 'QuotaExceededError') throw new StorageFull();
      return false;
    }
  };
  const worker = async () => {
    while (queue.length > 0 && !full) {
      const file = queue.shift();
      try {
        if (!(await saveOne(file))) failed += 1;
      } catch {
        full = true;
        failed += 1;
      }
      done += 1;
      if (report && (done % 10 === 0 || queue.length === 0)) report(done, failed);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return { done, failed, full };
}

async function copyUnchanged(cache, url, hash, previous) {
  if (!previous || !previous.cache || previous.hashes.get(url) !== hash) return false;
  const response = await previous.cache.match(url);
  if (!response) return false;
  await cache.put(url, response);
  return true;
}

async function keepsAll() {
  if (!(await caches.has(SETTINGS))) return false;
  const settings = await caches.open(SETTINGS);
  return (await settings.match(KEEP_ALL)) !== undefined;
}

async function setKeepAll(on) {
  const settings = await caches.open(SETTINGS);
  if (on) await settings.put(KEEP_ALL, new Response('1'));
  else await settings.delete(KEEP_ALL);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE) || url.pathname === WORKER) return;
  event.respondWith(respond(event, request, url));
});

/** The key a file is saved under: its path, pages by their folder ("/role/"), without a query. */
function keyOf(url) {
  const path = url.pathname.replace(/\\/index\\.html$/, '/');
  const last = path.slice(path.lastIndexOf('/') + 1);
  return path.endsWith('/') || last.includes('.') ? path : path + '/';
}

async function respond(event, request, url) {
  const key = keyOf(url);
  const immutable = IMMUTABLE.test(key);
  const cache = await caches.open(CACHE);
  const saved = await cache.match(key);
  if (saved && immutable) return saved;
  const network = immutable ? fetch(request) : fetch(url.href, { cache: 'no-cache', credentials: 'same-origin' });
  // The fresh copy is saved even when the saved one is served first (registered first, so it reads the body first).
  event.waitUntil(network.then((response) => keep(cache, key, response)).catch(() => undefined));
  const answer = saved ? await freshOrSaved(network, saved) : await network.catch(() => offline(request));
  // A navigation may not be answered with a redirected response: the browser is sent to the final address instead.
  return request.mode === 'navigate' && answer.redirected ? Response.redirect(answer.url, 302) : answer;
}

function keep(cache, key, response) {
  if (response.ok && response.type === 'basic' && !response.redirected) return cache.put(key, response.clone());
  return undefined;
}

/** The network's answer when it comes soon (a page that is gone stays gone); the saved copy when it fails, errs or is slow. */
function freshOrSaved(network, saved) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(saved), NETWORK_WAIT_MS);
    network.then(
      (response) => {
        clearTimeout(timer);
        resolve(response.ok || response.status === 404 || response.status === 410 ? response : saved);
      },
      () => {
        clearTimeout(timer);
        resolve(saved);
      },
    );
  });
}

function offline(request) {
  if (request.mode !== 'navigate') return Response.error();
  const html = '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Offline</title>'
    + '<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">'
    + '<h1>This page is not saved for offline reading</h1>'
    + '<p>You are offline. The pages you opened before, and search, work without a network; this one was never opened here.</p>'
    + '<p><a href="' + BASE + '">Go to the home page</a> or <a href="' + OFFLINE_PAGE + '">keep the whole wiki offline</a> once you are back online.</p>';
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  const reply = (message) => event.source && event.source.postMessage(message);
  if (type === 'offline-status') event.waitUntil(status().then(reply));
  else if (type === 'offline-keep-all') event.waitUntil(keepWholeWiki(reply));
  else if (type === 'offline-forget-pages') event.waitUntil(forgetPages().then(status).then(reply));
});

async function status() {
  const cache = await caches.open(CACHE);
  const manifest = await currentManifest(cache);
  if (!manifest) return { type: 'offline-error', message: 'the list of the wiki\\'s files could not be loaded; try again when you are online' };
  const keys = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
  let saved = 0;
  let savedBytes = 0;
  let totalBytes = 0;
  for (const [url, bytes] of manifest.files) {
    totalBytes += bytes;
    if (keys.has(url)) {
      saved += 1;
      savedBytes += bytes;
    }
  }
  return { type: 'offline-status', keepAll: await keepsAll(), saved, savedBytes, total: manifest.files.length, totalBytes };
}

async function keepWholeWiki(reply) {
  const cache = await caches.open(CACHE);
  const manifest = await currentManifest(cache);
  if (!manifest) return reply({ type: 'offline-error', message: 'the list of the wiki\\'s files could not be loaded; try again when you are online' });
  await setKeepAll(true);
  const keys = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
  const missing = manifest.files.filter(([url]) => !keys.has(url));
  const result = await save(cache, missing, undefined, (done, failed) => reply({ type: 'offline-progress', done, total: missing.length, failed }));
  const now = await status();
  if (result.full) {
    await setKeepAll(false);
    return reply({ type: 'offline-error', message: 'your browser has no room left for the whole wiki: ' + now.saved + ' of ' + now.total + ' files are saved. Free some space, or keep only the pages you open' });
  }
  reply({ type: 'offline-done', saved: now.saved, failed: result.failed, bytes: now.savedBytes });
}

async function forgetPages() {
  await setKeepAll(false);
  const cache = await caches.open(CACHE);
  const manifest = await currentManifest(cache);
  if (!manifest) return;
  await Promise.all(manifest.files.filter(([, , , group]) => group === 'page' || group === 'other').map(([url]) => cache.delete(url)));
}
`;
}
