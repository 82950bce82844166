import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_FIXTURE } from '../helpers/fixture-project.ts';

/**
 * Hostile input, as it arrives in a stranger's pull request, run through the real entry point
 * (`npm run check`) on a copy of the fixture project: each case must end in a clear error at
 * file:line:column (or in correct behaviour), never a hang, a stack trace or silence. Each case's files
 * are in tests/fixtures/hostile/<case>/, laid over the project; what cannot be kept in git (links, a
 * folder named like a page, generated megabytes) is made by the case's `prepare`. A case that does not
 * finish within 10 seconds is killed and fails.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHECK = join(ROOT, 'scripts/check.ts');
const CASES_DIR = join(ROOT, 'tests/fixtures/hostile');
const DEADLINE_MS = 10_000;
const D = 'src/content/docs';

const projects: string[] = [];
afterAll(() => {
  for (const project of projects) rmSync(project, { recursive: true, force: true });
});

/** A copy of the base fixture project with the case's files laid over it. */
function project(name: string, prepare?: (root: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), `mle-wiki-hostile-${name}-`));
  projects.push(root);
  cpSync(BASE_FIXTURE, root, { recursive: true });
  if (existsSync(join(CASES_DIR, name))) cpSync(join(CASES_DIR, name), root, { recursive: true });
  prepare?.(root);
  return root;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  killed: boolean;
}

function check(root: string, args: string[] = [], env: Record<string, string> = {}): Promise<Run> {
  const { SITE_URL: _site, ...inherited } = process.env;
  return new Promise((done) => {
    execFile(process.execPath, [CHECK, '--root', root, ...args], { timeout: DEADLINE_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, env: { ...inherited, BASE_PATH: '', ...env } }, (error, stdout, stderr) => {
      const failed = error as (Error & { code?: number | string; killed?: boolean }) | null;
      done({ status: failed ? (typeof failed.code === 'number' ? failed.code : null) : 0, stdout, stderr, killed: failed?.killed === true });
    });
  });
}

/** What every run must be: finished in time, and no stack trace anywhere. */
function expectClean(run: Run): void {
  expect(run.killed, `killed after ${DEADLINE_MS} ms`).toBe(false);
  const output = `${run.stdout}\n${run.stderr}`;
  expect(output).not.toMatch(/^\s+at .+[:(]\d+:\d+\)?$/m);
  expect(output).not.toMatch(/\b(?:TypeError|RangeError|ReferenceError|SyntaxError|EISDIR|ENOENT)\b/);
}

/** The problem lines of a text report: `path:line:column  rule`. */
const problemLines = (stdout: string) => stdout.split('\n').filter((line) => /^\S+:\d+:\d+ {2}[a-z-]+ {2}/.test(line)).map((line) => line.split('  ').slice(0, 2).join('  '));

/** The lines of the rules a case is about, without the rules about the web of pages that any new page meets. */
const about = (stdout: string, rules: string[]) => problemLines(stdout).filter((line) => rules.includes(line.split('  ')[1] ?? ''));

describe.concurrent('hostile input ends in a clear error, within 10 s', () => {
  it('symbolic link loops: each is reported once and never followed', async () => {
    const root = project('symlink-loops', (dir) => {
      symlinkSync('.', join(dir, D, 'guides/loop'));
      symlinkSync('../', join(dir, D, 'guides/up'));
    });
    const run = await check(root);
    expectClean(run);
    expect(run.status).toBe(1);
    expect(problemLines(run.stdout)).toEqual([`${D}/guides/loop:1:1  symlink-loop`, `${D}/guides/up:1:1  symlink-loop`]);
    expect(run.stdout).toContain('✗ 2 errors, 0 warnings in 2 files (5 files checked)');
  });

  it('a symbolic link to a page: checked like any other page', async () => {
    const root = project('symlinked-page', (dir) => symlinkSync('../../../../outside/linked.mdx', join(dir, D, 'guides/linked.mdx')));
    const run = await check(root);
    expectClean(run);
    expect(about(run.stdout, ['timestamp-missing'])).toEqual([`${D}/guides/linked.mdx:9:68  timestamp-missing`]);
  });

  it('written pages at addresses the site generates', async () => {
    const run = await check(project('generated-route'));
    expectClean(run);
    expect(about(run.stdout, ['route-collision'])).toEqual([`${D}/graph.mdx:1:1  route-collision`, `${D}/podcast/data-team-roles.mdx:1:1  route-collision`, `${D}/podcast/index.mdx:1:1  route-collision`]);
    expect(run.stdout).toContain('the site generates /podcast/data-team-roles/ from src/pages/podcast/[slug].astro, which takes the address');
  });

  it('two files with one page id', async () => {
    const run = await check(project('two-sources'));
    expectClean(run);
    expect(about(run.stdout, ['route-collision'])).toEqual([
      `${D}/guides/model-monitoring.mdx:1:1  route-collision`,
      `${D}/guides/model-monitoring/index.mdx:1:1  route-collision`,
      `${D}/notes.md:1:1  route-collision`,
      `${D}/notes.mdx:1:1  route-collision`,
    ]);
    expect(run.stdout).toContain(`${D}/notes.md is published at /notes/ too, and the build keeps only one of them`);
  });

  it('a script in the frontmatter head', async () => {
    const run = await check(project('head-script'));
    expectClean(run);
    expect(about(run.stdout, ['head-unsafe'])).toEqual([`${D}/head.mdx:8:10  head-unsafe`]);
  });

  it('a byte that is not UTF-8, which --fix leaves as it is', async () => {
    const root = project('invalid-utf8');
    const before = readFileSync(join(root, D, 'latin.mdx'));
    const run = await check(root);
    expectClean(run);
    expect(about(run.stdout, ['encoding-invalid'])).toEqual([`${D}/latin.mdx:9:4  encoding-invalid`]);
    const fixed = await check(root, ['--fix']);
    expectClean(fixed);
    expect(readFileSync(join(root, D, 'latin.mdx'))).toEqual(before);
    expect(about(fixed.stdout, ['encoding-invalid', 'link-trailing-slash'])).toEqual([`${D}/latin.mdx:9:4  encoding-invalid`, `${D}/latin.mdx:9:22  link-trailing-slash`]);
  });

  it('a page whose lines end with a carriage return alone', async () => {
    const run = await check(project('cr-only'));
    expectClean(run);
    expect(about(run.stdout, ['encoding-invalid'])).toEqual([`${D}/old-mac.mdx:1:1  encoding-invalid`]);
    expect(run.stdout).toContain('every line of this file ends with a carriage return alone');
  });

  it('a YAML alias bomb in frontmatter and in a data file', async () => {
    const run = await check(project('yaml-alias-bomb'));
    expectClean(run);
    expect(about(run.stdout, ['frontmatter-invalid', 'data-invalid'])).toEqual([`${D}/bomb.mdx:7:4  frontmatter-invalid`, 'src/content/glossary/glossary.yaml:1:3  data-invalid']);
    expect(run.stdout).toContain('YAML anchors and aliases (&a, *a) are not allowed: write each value out in full');
  });

  it('10,000 nested quotes and a 3,000 deep list, with --format json printing valid JSON', async () => {
    const root = project('deep-nesting', (dir) => {
      const page = (title: string, body: string) => `---\ntitle: ${title}\ndescription: A hostile-input case.\nsection: guides\nrelated: [guides/model-monitoring]\nsources: []\n---\n\n${body}\n`;
      writeFileSync(join(dir, D, 'quotes.mdx'), page('Quotes', `${'>'.repeat(10_000)} deep`));
      writeFileSync(join(dir, D, 'list.md'), page('List', Array.from({ length: 3_000 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n')));
    });
    const run = await check(root, ['--format', 'json']);
    expectClean(run);
    const report = JSON.parse(run.stdout) as { problems: { file: string; position: { line: number; column: number }; rule: string }[] };
    expect(report.problems.filter((found) => found.rule === 'nesting-too-deep').map((found) => `${found.file}:${found.position.line}:${found.position.column}`)).toEqual([`${D}/list.md:40:65`, `${D}/quotes.mdx:9:65`]);
  });

  it('public file names with #, ? or %, and public files named like what the build writes', async () => {
    const root = project('public-names', (dir) => writeFileSync(join(dir, 'public', 'what?.txt'), 'A query.\n'));
    const run = await check(root);
    expectClean(run);
    expect(about(run.stdout, ['public-file-name', 'route-collision'])).toEqual([
      'public/100%.txt:1:1  public-file-name',
      'public/guides/model-monitoring/index.html:1:1  route-collision',
      'public/kpis.csv:1:1  route-collision',
      'public/notes#1.txt:1:1  public-file-name',
      'public/what?.txt:1:1  public-file-name',
    ]);
  });

  it('MDX that imports node:fs and exports code', async () => {
    const run = await check(project('mdx-code'));
    expectClean(run);
    expect(about(run.stdout, ['mdx-import', 'mdx-code'])).toEqual([`${D}/code.mdx:9:16  mdx-import`, `${D}/code.mdx:10:1  mdx-code`, `${D}/code.mdx:12:58  mdx-code`]);
    expect(existsSync('/tmp/owned')).toBe(false);
  });

  it('raw <style>, <iframe> and <script>, in MDX and in Markdown (with a SITE_URL that is no URL)', async () => {
    const run = await check(project('raw-html'), [], { SITE_URL: '' });
    expectClean(run);
    expect(about(run.stdout, ['html-unsafe'])).toEqual([`${D}/raw-markdown.md:11:1  html-unsafe`, `${D}/raw.mdx:9:1  html-unsafe`, `${D}/raw.mdx:13:1  html-unsafe`]);
  });

  it('--fix changes link targets only, never a title or prose that looks like a path', async () => {
    const root = project('fix-title');
    const run = await check(root, ['--fix']);
    expectClean(run);
    expect(readFileSync(join(root, D, 'fix.mdx'), 'utf8')).toContain('<a title="/Guides/Model-Monitoring/" href="/guides/model-monitoring/">monitoring guide</a>');
    expect(readFileSync(join(root, D, 'fix-markdown.md'), 'utf8')).toContain(
      '<p>Paths such as /Guides/Model-Monitoring/ are case sensitive: <a title="/Guides/Model-Monitoring/" href="/guides/model-monitoring/">see</a>.</p>',
    );
  });

  it('one duplicate key in a data file: one problem, not one per reference into the file', async () => {
    const run = await check(project('duplicate-key'));
    expectClean(run);
    expect(about(run.stdout, ['data-invalid', 'entry-missing', 'anchor-missing'])).toEqual(['src/content/tools/tools.yaml:3:3  data-invalid']);
    // The links into the tools directory still count: its page is no orphan.
    expect(run.stdout).not.toContain(`${D}/reference/tools.mdx:2:8  page-orphan`);
  });

  it('--watch survives a folder named like a page and a link loop, and says what they are', async () => {
    const root = project('watch-odd-entries');
    const child = spawn(process.execPath, [CHECK, '--root', root, '--watch'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BASE_PATH: '' } });
    const lines: string[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const waiting: { pattern: RegExp; done: () => void }[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      for (const waiter of waiting.filter((candidate) => candidate.pattern.test(line))) waiter.done();
    });
    const next = (pattern: RegExp) =>
      new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no line matching ${pattern} within ${DEADLINE_MS} ms:\n${lines.join('\n')}`)), DEADLINE_MS);
        waiting.push({ pattern, done: () => (clearTimeout(timer), done()) });
      });
    try {
      await next(/^✓ 5 files checked/);
      const folder = next(new RegExp(`^${D}/guides/serving\\.mdx:1:1  file-unreadable  this is a folder named like a file`));
      mkdirSync(join(root, D, 'guides/serving.mdx'));
      await folder;
      const loop = next(new RegExp(`^${D}/guides/loop:1:1  symlink-loop  `));
      symlinkSync('.', join(root, D, 'guides/loop'));
      await loop;
      const cleared = next(/^✓ 5 files checked: no problems/);
      rmSync(join(root, D, 'guides/serving.mdx'), { recursive: true });
      rmSync(join(root, D, 'guides/loop'));
      await cleared;
    } finally {
      child.kill();
    }
    expect(`${lines.join('\n')}\n${stderr}`).not.toMatch(/failed|^\s+at /m);
  });
});
