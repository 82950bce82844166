import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE_FIXTURE } from '../helpers/fixture-project.ts';

/** `npm run check -- --fix` and `-- --watch`, run as contributors run them, on a copy of the fixture project. */

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHECK = join(ROOT, 'scripts/check.ts');
const GUIDE = 'src/content/docs/guides/model-monitoring.mdx';

let project: string;
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'mle-wiki-cli-'));
  cpSync(BASE_FIXTURE, project, { recursive: true });
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

const read = (file: string) => readFileSync(join(project, file), 'utf8');
const write = (file: string, text: string) => writeFileSync(join(project, file), text);

function runCheck(args: string[]): { status: number; stdout: string } {
  try {
    return { status: 0, stdout: execFileSync(process.execPath, [CHECK, '--root', project, ...args], { encoding: 'utf8', env: { ...process.env, BASE_PATH: '' } }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, stdout: failed.stdout };
  }
}

describe('npm run check -- --fix', () => {
  it('writes the fixes, prints them file by file, and checks again', () => {
    const original = read(GUIDE);
    write(GUIDE, original.replace('the [sources](/about/sources/)', 'the [sources](/about/sources) and [the roles episode](podcast:data-team-roles@17:00)'));
    const { status, stdout } = runCheck(['--fix']);
    expect(stdout).toContain(`${GUIDE}\n  9:33  link-trailing-slash  /about/sources → /about/sources/\n`);
    expect(stdout).toContain('✓ 1 fix written in 1 file; checked again:');
    expect(stdout).toMatch(/:9:\d+ {2}timestamp-missing {2}/);
    expect(read(GUIDE)).toContain('the [sources](/about/sources/) and [the roles episode](podcast:data-team-roles@17:00)');
    expect(status).toBe(1);
  });

  it('says so when there is nothing to fix', () => {
    const { status, stdout } = runCheck(['--fix']);
    expect(stdout).toContain('Nothing to fix automatically.');
    expect(status).toBe(0);
  });
});

/** The problem matcher of .vscode/tasks.json, as VS Code reads it (the file allows // comments). */
function problemMatcher() {
  const text = readFileSync(join(ROOT, '.vscode/tasks.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const tasks = (JSON.parse(text) as { tasks: { label: string; isBackground?: boolean; problemMatcher: { pattern: { regexp: string }; background?: { beginsPattern: string; endsPattern: string } } }[] }).tasks;
  const watchTask = tasks.find((task) => task.isBackground);
  if (!watchTask?.problemMatcher.background) throw new Error('.vscode/tasks.json has no background task with begins and ends patterns');
  return {
    problem: new RegExp(watchTask.problemMatcher.pattern.regexp),
    begins: new RegExp(watchTask.problemMatcher.background.beginsPattern),
    ends: new RegExp(watchTask.problemMatcher.background.endsPattern),
  };
}

/** Lines printed by a running process, with a way to wait for one. */
class Output {
  readonly lines: string[] = [];
  #waiters: { test: (line: string) => boolean; done: (line: string) => void }[] = [];

  constructor(child: ChildProcess) {
    if (!child.stdout) throw new Error('no stdout');
    createInterface({ input: child.stdout }).on('line', (line) => {
      this.lines.push(line);
      this.#waiters = this.#waiters.filter((waiter) => {
        if (!waiter.test(line)) return true;
        waiter.done(line);
        return false;
      });
    });
  }

  /** The next line (from now on) that passes `test`. */
  next(test: (line: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no line ${what} within ${timeoutMs} ms; got:\n${this.lines.join('\n')}`)), timeoutMs);
      this.#waiters.push({ test, done: (line) => (clearTimeout(timer), done(line)) });
    });
  }
}

describe('npm run check -- --watch', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill();
    child = undefined;
  });

  it('checks again after each save and prints each run for the problem matcher', async () => {
    const matcher = problemMatcher();
    child = spawn(process.execPath, [CHECK, '--root', project, '--watch'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BASE_PATH: '' } });
    const output = new Output(child);
    await output.next((line) => matcher.ends.test(line), 'ending the first run');
    expect(output.lines[0]).toMatch(matcher.begins);
    expect(output.lines.at(-1)).toBe('✓ 5 files checked: no problems');

    const original = read(GUIDE);
    const ended = output.next((line) => matcher.ends.test(line), 'ending the run after the save');
    write(GUIDE, `${original}\nSee [nowhere](/guides/nowhere/).\n`);
    expect(await ended).toBe('✗ 1 error, 0 warnings in 1 file (5 files checked)');
    const run = output.lines.slice(output.lines.findLastIndex((text) => matcher.begins.test(text)));
    expect(run[0]).toMatch(/^\[check\] \d\d:\d\d:\d\d src\/content\/docs\/guides\/model-monitoring\.mdx: 1 page checked in \d+ ms$/);
    const [, file, row, column, rule, severity, message] = matcher.problem.exec(run[1] ?? '') ?? [];
    expect([file, row, column, rule, severity]).toEqual([GUIDE, '21', '5', 'page-missing', undefined]);
    expect(message).toBe('no page at /guides/nowhere/; did you mean /guides/model-monitoring/?');

    const cleared = output.next((text) => text.startsWith('✓'), 'saying the problem is gone');
    write(GUIDE, original);
    expect(await cleared).toBe('✓ 5 files checked: no problems');
  });
});
