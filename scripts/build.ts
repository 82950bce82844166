#!/usr/bin/env node
/**
 * npm run build: the reference check, `astro build`, then the output check on the built HTML. Astro lists
 * every generated route on a line of its own; those lines are counted instead of printed, so that a
 * healthy build fits on one screen and a warning stands out. Everything else Astro prints is kept.
 *
 * The site is built into a folder beside `dist/` and replaces it only once every step passed, so `dist/`
 * is always a whole, checked build. A failed build removes the previous `dist/` as well: it no longer
 * matches the sources, and `npm run serve` must not show it as if it did.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, relative, resolve } from 'node:path';
import { astroBuildEnvironment, writtenPageCount } from './lib/build-memory.ts';

/** This project's scripts and tools; the project built is the one npm runs in (the current folder). */
const TOOLS = resolve(import.meta.dirname, '..');
const PROJECT = process.cwd();

/** Where the site goes: `dist/`, or the `--outDir` given to the build. */
function outputFolder(args: string[]): { target: string; astroArgs: string[] } {
  const at = args.findIndex((arg) => arg === '--outDir' || arg.startsWith('--outDir='));
  if (at === -1) return { target: join(PROJECT, 'dist'), astroArgs: args };
  const given = args[at]!.includes('=') ? args[at]!.slice('--outDir='.length) : args[at + 1];
  if (!given) {
    console.error('--outDir needs a folder: npm run build -- --outDir <folder>');
    process.exit(2);
  }
  const rest = args.filter((_, index) => index !== at && (args[at]!.includes('=') || index !== at + 1));
  return { target: resolve(PROJECT, given), astroArgs: rest };
}

const { target, astroArgs } = outputFolder(process.argv.slice(2));
/** The folder the build writes to; beside the target, so that replacing the target is one rename. */
const staging = `${target}.building`;
const shown = (path: string) => relative(PROJECT, path) || '.';

/** A route Astro has generated: `12:00:01   ├─ /role/skills/index.html (+5ms)`. */
const ROUTE_LINE = /^(?:\S+ )?\s*[├└]─ \S+/;

function run(command: string, args: string[], filter?: (line: string) => boolean, env: Record<string, string> = {}): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: PROJECT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!filter || filter(line)) console.log(line);
    });
    child.on('error', () => done(1));
    child.on('close', (code) => done(code ?? 1));
  });
}
const node = (script: string, args: string[] = []) => run(process.execPath, [join(TOOLS, script), ...args]);

let routes = 0;
/** Counts Astro's route lines instead of printing them; prints the count when the routes are done. */
function astroLine(line: string): boolean {
  if (ROUTE_LINE.test(line)) {
    routes += 1;
    return false;
  }
  if (/^\s*$/.test(line) || /generating static routes/.test(line)) return false;
  if (/✓ Completed in/.test(line) && routes > 0) {
    console.log(`  ${routes} routes generated`);
    routes = 0;
  }
  return true;
}

const steps: (() => Promise<number>)[] = [
  () => node('scripts/check.ts'),
  // With a heap cap sized from the written pages, and the bundler's memory given back: see scripts/lib/build-memory.ts.
  () =>
    run(
      process.execPath,
      [join(TOOLS, 'node_modules/astro/bin/astro.mjs'), 'build', ...astroArgs, '--outDir', staging],
      astroLine,
      astroBuildEnvironment(process.env, writtenPageCount(PROJECT)),
    ),
  () => node('scripts/check-output.ts', ['--dir', staging]),
];

rmSync(staging, { recursive: true, force: true });
for (const step of steps) {
  const code = await step();
  if (code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(target)) {
      rmSync(target, { recursive: true, force: true });
      console.error(`The build failed, so ${shown(target)}/ was removed: it held an earlier build, which no longer matches the sources.`);
    }
    process.exit(code);
  }
}
rmSync(target, { recursive: true, force: true });
renameSync(staging, target);
console.log(`✓ The site is in ${shown(target)}/`);
