/**
 * The offline copy of the site, declared once for the build that writes it, the service worker that
 * keeps it and the page control that offers the whole wiki. This module runs in the browser too, so it
 * imports nothing.
 *
 * The build writes `offline.json` beside `sw.js`: every published file with its size, a hash of its
 * bytes and its group. The worker saves the shell and the search index when it installs, every page a
 * reader opens as it is opened, and the whole wiki only when the reader asks for it, after seeing its
 * size. A new version copies what did not change from the previous one and fetches the rest.
 */

export const OFFLINE_MANIFEST = 'offline.json';
/** The page that explains offline reading and offers to keep the whole wiki. */
export const OFFLINE_PAGE_ID = 'about/offline';
export const SERVICE_WORKER = 'sw.js';
/**
 * Data the pages fetch, written by the build under a name that holds a hash of its content: the link
 * previews (src/pages/link-previews.[version].json.ts) and the search vocabulary
 * (src/pages/search-vocabulary.[version].json.ts).
 */
export const HASHED_DATA_FILE = /^(?:link-previews|search-vocabulary)\.[0-9a-f]+\.json$/;

/**
 * What a file is to the offline copy. `shell`: what every page needs to work (scripts, styles, the
 * link previews, the search vocabulary, the home and not-found pages); `search`: the search index; `page`: an HTML page;
 * `other`: downloads and images.
 */
export type OfflineGroup = 'shell' | 'search' | 'page' | 'other';

/** One published file: its URL path (pages end with "/"), its size in bytes, a hash of its bytes, its group. */
export type OfflineFile = [url: string, bytes: number, hash: string, group: OfflineGroup];

export interface OfflineManifest {
  /** The cache version: the same as `sw.js` holds. */
  version: string;
  files: OfflineFile[];
}

/** The group of a published file, by its path in the build's output (`role/index.html`, `_astro/x.css`). */
export function offlineGroupOf(file: string): OfflineGroup {
  if (file === 'index.html' || file === '404.html') return 'shell';
  if (file.startsWith('pagefind/')) return 'search';
  if (file.endsWith('.html')) return 'page';
  if (file.startsWith('_astro/') || HASHED_DATA_FILE.test(file) || file === 'favicon.svg' || file === 'sw-register.js') return 'shell';
  return 'other';
}

/**
 * Files whose names hold a hash of their content: the worker serves them from its copy without asking
 * the network, since a changed file gets a new name. Everything else is asked for fresh first.
 */
export const IMMUTABLE_PATH = /\/(?:_astro\/|pagefind\/(?:fragment|index|filter)\/|pagefind\/pagefind\.[^/]+\.pf_meta$|(?:link-previews|search-vocabulary)\.[0-9a-f]+\.json$)/;

/** What a page says to the worker. */
export type OfflineRequest = { type: 'offline-status' } | { type: 'offline-keep-all' } | { type: 'offline-forget-pages' };

/** What the worker answers. `saved` counts the files of the manifest in its copy. */
export type OfflineReply =
  | { type: 'offline-status'; keepAll: boolean; saved: number; savedBytes: number; total: number; totalBytes: number }
  | { type: 'offline-progress'; done: number; total: number; failed: number }
  | { type: 'offline-done'; saved: number; failed: number; bytes: number }
  | { type: 'offline-error'; message: string };

/** "31.2 MB": a size as a reader reads it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
