import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { listFiles } from '../lib/files.ts';
import { OFFLINE_WORKER_FILE } from '../site/generated-pages.ts';
import { normaliseBase } from '../site/routes.ts';
import { serviceWorkerSource } from './service-worker-source.ts';

/**
 * After the build, writes `sw.js`: a service worker that precaches every page, asset and the search
 * index, so a reader who visited once can browse and search with the network off. The cache name holds a
 * hash of the build's files, so a new deployment installs a fresh cache and deletes the old one.
 */
export function offline(options: { base: string }): AstroIntegration {
  return {
    name: 'mle-wiki:offline',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = listFiles(root, '.', /./, { all: true }).filter((file) => file !== OFFLINE_WORKER_FILE && !file.endsWith('.map'));
        const hash = createHash('sha256');
        for (const file of files) hash.update(file).update('\0').update(readFileSync(join(root, file)));
        const version = hash.digest('hex').slice(0, 16);
        const base = normaliseBase(options.base);
        const urls = files.map((file) => `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`);
        writeFileSync(join(root, OFFLINE_WORKER_FILE), serviceWorkerSource({ version, base, urls }));
        logger.info(`${OFFLINE_WORKER_FILE} precaches ${urls.length} files (cache version ${version})`);
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
