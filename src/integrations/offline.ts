import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { listFiles } from '../lib/files.ts';
import { formatBytes, OFFLINE_MANIFEST, OFFLINE_PAGE_ID, offlineGroupOf, SERVICE_WORKER, type OfflineFile, type OfflineManifest } from '../site/offline-protocol.ts';
import { normaliseBase, pagePath } from '../site/routes.ts';
import { serviceWorkerSource } from './service-worker-source.ts';

/**
 * Files whose bytes differ between two builds of the same sources: Pagefind writes its filter map in
 * hash-map order, names the filter and meta files after hashes of those bytes, and its entry file names
 * the meta file. They hold nothing the pages do not, so the cache version leaves them out.
 */
export const BUILD_VARYING: readonly RegExp[] = [/^pagefind\/filter\/.+\.pf_filter$/, /^pagefind\/pagefind\..+\.pf_meta$/, /^pagefind\/pagefind-entry\.json$/];

/**
 * The URL path a built file is served at, as a browser writes it (each segment percent-encoded, as in
 * `URL.pathname`): pages by their folder, as readers and links ask for them.
 */
export const servedPath = (file: string, base: string): string =>
  `${normaliseBase(base)}${file
    .replace(/(^|\/)index\.html$/, '$1')
    .split('/')
    .map(encodeURIComponent)
    .join('/')}`;

/**
 * The offline copy of a built site (in `root`): every file with its size, hash and group, and the cache
 * version, a hash of every file's path and bytes except those that differ from build to build. So an
 * unchanged build keeps its version, and `sw.js`, which holds only the version, is byte-identical.
 */
export function offlineManifest(root: string, base: string): OfflineManifest {
  const files = listFiles(root, '.', /./, { all: true }).filter((file) => file !== SERVICE_WORKER && file !== OFFLINE_MANIFEST && !file.endsWith('.map'));
  const version = createHash('sha256');
  const entries: OfflineFile[] = files.map((file) => {
    const bytes = readFileSync(join(root, file));
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    // The version reads each file's hash rather than its bytes again: every file is read and hashed once.
    if (!BUILD_VARYING.some((pattern) => pattern.test(file))) version.update(`${file}\0${hash}\n`);
    return [servedPath(file, base), bytes.length, hash, offlineGroupOf(file)];
  });
  return { version: version.digest('hex').slice(0, 16), files: entries };
}

/**
 * After the build, writes `offline.json` (the files of the site, see offline-protocol.ts) and `sw.js`, the
 * service worker that keeps the offline copy: the shell and the search index when it installs, each page
 * as the reader opens it, the whole wiki when the reader asks. Pages are fetched fresh from the network
 * first (past the browser's HTTP cache), so a new deployment reaches readers on their next navigation.
 */
export function offline(options: { base: string }): AstroIntegration {
  return {
    name: 'mle-wiki:offline',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const base = normaliseBase(options.base);
        const manifest = offlineManifest(root, base);
        writeFileSync(join(root, OFFLINE_MANIFEST), `${JSON.stringify(manifest)}\n`);
        writeFileSync(join(root, SERVICE_WORKER), serviceWorkerSource({ version: manifest.version, base, offlinePage: pagePath(OFFLINE_PAGE_ID, base) }));
        const size = (group: string) => formatBytes(manifest.files.filter((file) => group === 'all' || file[3] === group).reduce((sum, file) => sum + file[1], 0));
        logger.info(`sw.js cache version ${manifest.version}: installs the shell (${size('shell')}) and the search index (${size('search')}); the whole wiki is ${size('all')}`);
      },
    },
  };
}

/**
 * Registers the service worker on every page of a built site. The dev server has no `sw.js` to register
 * (it is written after the build), so there the script is left out.
 */
export function offlineRegistration(options: { base: string }): StarlightPlugin {
  return {
    name: 'mle-wiki:offline-registration',
    hooks: {
      'config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const script = { tag: 'script' as const, attrs: { src: `${normaliseBase(options.base)}sw-register.js`, defer: true } };
        updateConfig({ head: [...(config.head ?? []), script] });
      },
    },
  };
}
