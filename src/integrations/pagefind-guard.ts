import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

const ATTEMPTS = 3;

/**
 * Pagefind sometimes leaves one of its files empty (seen here: the UI stylesheet or the WebAssembly
 * file), apparently when its service is closed before every write is flushed; search then breaks for
 * readers. After Starlight's indexing, this checks the search files and, if one is empty, indexes the
 * site again the same way Starlight does, until every file has content or the build fails.
 */
export function pagefindGuard(): AstroIntegration {
  return {
    name: 'mle-wiki:pagefind-guard',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const outputPath = join(root, 'pagefind');
        for (let attempt = 1; emptyFiles(outputPath).length > 0; attempt += 1) {
          if (attempt > ATTEMPTS) throw new Error(`Pagefind left empty files after ${ATTEMPTS} attempts: ${emptyFiles(outputPath).join(', ')}`);
          logger.warn(`Pagefind left empty files (${emptyFiles(outputPath).join(', ')}); indexing again (attempt ${attempt} of ${ATTEMPTS}).`);
          try {
            const { index } = await pagefind.createIndex();
            if (!index) throw new Error('Pagefind could not create an index');
            await index.addDirectory({ path: root });
            await index.writeFiles({ outputPath });
          } finally {
            await pagefind.close();
          }
        }
      },
    },
  };
}

function emptyFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).size === 0)
    .map((entry) => entry.name);
}
