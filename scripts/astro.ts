#!/usr/bin/env node
/**
 * npm run dev / npm run serve: runs `astro dev` or `astro preview` (with any arguments after `--`) so
 * that the server stops with whatever started it. npm starts a script through `sh -c`, and stopping
 * npm by its process id (an editor's task, a test harness, `kill`) left the shell and Astro running,
 * still answering on the port. This process passes every stop signal on to Astro, and watches the
 * processes that started it: when npm or its shell is gone, it stops Astro and exits.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const COMMANDS = new Set(['dev', 'preview']);
/** How often the starting processes are looked for, and how long Astro gets to stop before it is killed. */
const WATCH_MS = 500;
const GRACE_MS = 3000;

const [command = '', ...args] = process.argv.slice(2);
if (!COMMANDS.has(command)) {
  console.error(`Usage: node scripts/astro.ts <${[...COMMANDS].join('|')}> [astro options]`);
  process.exit(2);
}

/** The parent of a process, read from /proc where there is one; undefined elsewhere or once it is gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name in parentheses may hold spaces; the fields after it are fixed.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) && ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The processes that started this one: the parent (npm's shell, or a terminal's shell) and its parent (npm). */
const starters = [process.ppid, parentOf(process.ppid)].filter((pid): pid is number => pid !== undefined && pid > 1);

const child = spawn(process.execPath, [ASTRO, command, ...args], { cwd: process.cwd(), stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
  setTimeout(() => child.kill('SIGKILL'), GRACE_MS).unref();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));

const watch = setInterval(() => {
  // Reparented (our parent is gone) or a starter gone: nobody is left to stop the server.
  if (process.ppid !== starters[0] || starters.some((pid) => !isAlive(pid))) stop('SIGTERM');
}, WATCH_MS);

child.on('exit', (code, signal) => {
  clearInterval(watch);
  process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15) : 1));
});
