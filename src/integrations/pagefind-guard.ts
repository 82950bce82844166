import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Starlight indexes the site through Pagefind's Node API, whose close() kills the Pagefind process
 * while it may still be writing: in about one build in four a search file came out empty or cut off
 * (seen here: 0 bytes, or exactly 65,536 bytes of pagefind-ui.js), which breaks search for readers.
 * After Starlight's step, this indexes the site again with Pagefind's command-line program, which
 * exits only once every file is written, with the same defaults Starlight uses.
 */
export function pagefindGuard(): AstroIntegration {
  return {
    name: 'mle-wiki:pagefind-guard',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const output = join(site, 'pagefind');
        rmSync(output, { recursive: true, force: true });
        execFileSync(process.execPath, [pagefindCli(), '--site', site, '--silent'], { stdio: 'inherit' });
        const empty = readdirSync(output, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).size === 0);
        if (empty.length > 0) throw new Error(`Pagefind wrote empty files: ${empty.map((entry) => entry.name).join(', ')}`);
        logger.info('search index rewritten by the Pagefind command-line program');
      },
    },
  };
}

/**
 * The Pagefind CLI entry point. The package's exports hide it from require, so it is found beside the
 * package's main module, wherever Node resolves the package from (the project, or a parent folder).
 */
function pagefindCli(): string {
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  const packageDir = main.slice(0, main.lastIndexOf(`${sep}pagefind${sep}`) + `${sep}pagefind`.length);
  const cli = join(packageDir, 'lib', 'runner', 'bin.cjs');
  if (!existsSync(cli)) throw new Error(`Pagefind's command-line program is missing at ${cli}; run npm ci`);
  return cli;
}
