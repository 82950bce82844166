import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Runs one of the project's scripts as `npm run` would, with no deployment settings unless given. */
export function runScript(script: string, args: readonly string[], env: Record<string, string> = {}, cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: '', BASE_PATH: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `runScript` without blocking, so that a test can run several scripts at once. */
export function startScript(script: string, args: readonly string[], env: Record<string, string> = {}, cwd = ROOT): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd, env: { ...process.env, SITE_URL: '', BASE_PATH: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** Fails when the text holds a stack trace: contributors get messages, never the code's insides. */
export function noStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}
