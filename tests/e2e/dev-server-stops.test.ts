import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEnvironment, ROOT } from '../built/build-site.ts';
import { freePort } from './harness.ts';

/**
 * `npm run dev` stops with whatever started it. npm starts the script through a shell; stopping npm by
 * its process id (as an editor's task or a harness does) used to leave `astro dev` answering on its port.
 */

const READY_MS = 240_000;
const STOP_MS = 20_000;

const answers = (url: string): Promise<boolean> =>
  fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
    () => true,
    () => false,
  );

/** Process ids whose command line holds `text`, read from /proc. */
function processesWith(text: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((done) => setTimeout(done, 200));
  }
  return condition();
}

describe.skipIf(process.platform !== 'linux')('npm run dev', () => {
  it('stops, server and all, when npm is stopped by its process id', async () => {
    const port = await freePort();
    const origin = `http://localhost:${port}/`;
    // A file of public/ is served as soon as the server listens, without rendering a page: the test is
    // about stopping, and a first page would cost the dev server seconds of compiling.
    const served = `${origin}favicon.svg`;
    const npm = spawn('npm', ['run', 'dev', '--', '--port', String(port)], { cwd: ROOT, env: { ...buildEnvironment(), BASE_PATH: '/' }, stdio: 'ignore' });
    try {
      expect(await waitFor(() => answers(served), READY_MS), 'the dev server answers').toBe(true);
      expect(processesWith(`--port ${port}`).length).toBeGreaterThan(1);
      npm.kill('SIGTERM');
      expect(await waitFor(async () => !(await answers(served)), STOP_MS), 'the port is closed').toBe(true);
      expect(await waitFor(() => processesWith(`--port ${port}`).length === 0, STOP_MS), 'no process of it is left').toBe(true);
    } finally {
      for (const pid of processesWith(`--port ${port}`)) process.kill(pid, 'SIGKILL');
    }
  }, READY_MS + 2 * STOP_MS);
});
