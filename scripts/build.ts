#!/usr/bin/env node
/**
 * npm run build: the reference check, `astro build`, then the output check on the built HTML. Astro lists
 * every generated route on a line of its own; those lines are counted instead of printed, so that a
 * healthy build fits on one screen and a warning stands out. Everything else Astro prints is kept.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const node = (script: string, args: string[] = []) => run(process.execPath, [join(ROOT, script), ...args]);

/** A route Astro has generated: `12:00:01   ├─ /role/skills/index.html (+5ms)`. */
const ROUTE_LINE = /^(?:\S+ )?\s*[├└]─ \S+/;

function run(command: string, args: string[], filter?: (line: string) => boolean): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!filter || filter(line)) console.log(line);
    });
    child.on('close', (code) => done(code ?? 1));
  });
}

let routes = 0;
const steps: (() => Promise<number>)[] = [
  () => node('scripts/check.ts'),
  () =>
    run(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], (line) => {
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
    }),
  () => node('scripts/check-output.ts'),
];
for (const step of steps) {
  const code = await step();
  if (code !== 0) process.exit(code);
}
