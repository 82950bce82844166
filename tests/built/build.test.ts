import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS, buildOutputFile, isBuilt, ROOT } from './build-site.ts';
import { listFiles } from '../../src/lib/files.ts';
import { GENERATED_FILES } from '../../src/site/generated-pages.ts';
import { siteData } from '../../src/site/site.ts';

const built = isBuilt('root') && isBuilt('base');
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });

describe.skipIf(!built)('the built site', () => {
  const root = BUILDS.root.outDir;

  it('has the home page, every section and the generated pages', () => {
    for (const page of ['index.html', 'role/index.html', 'roadmap/index.html', 'mlops/beginner/index.html', 'kpis/index.html', 'guides/model-monitoring/index.html', 'podcast/index.html', 'podcast/data-team-roles/index.html', 'graph/index.html', 'contributing/rules/timestamp-missing/index.html', '404.html']) {
      expect(existsSync(join(root, page)), page).toBe(true);
    }
  });

  it('has a Pagefind index', () => {
    expect(existsSync(join(root, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(readdirSync(join(root, 'pagefind', 'fragment')).length).toBeGreaterThan(40);
  });

  it('writes every file the checker lets pages link to as written by the build', () => {
    for (const build of ['root', 'base'] as const) {
      const missing = [...GENERATED_FILES].filter((file) => !existsSync(join(BUILDS[build].outDir, file)) || statSync(join(BUILDS[build].outDir, file)).size === 0);
      expect(missing, `declared in GENERATED_FILES (src/site/generated-pages.ts) but not written by the ${build} build`).toEqual([]);
    }
  });

  it('publishes the KPI data as CSV and JSON', () => {
    const { kpis } = siteData().data;
    const json = JSON.parse(readFileSync(join(root, 'kpis.json'), 'utf8')) as unknown[];
    expect(json).toHaveLength(kpis.length);
    const csv = readFileSync(join(root, 'kpis.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('id,name,category,measures,whyItMatters,target,frequency');
    expect(csv).toHaveLength(kpis.length + 1);
  });

  it('writes the CSV so that Excel reads it as UTF-8', () => {
    const bytes = readFileSync(join(root, 'kpis.csv'));
    // The UTF-8 byte-order mark is what tells Excel the encoding; without it "–" shows as "â€“".
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.indexOf(Buffer.from([0xef, 0xbb, 0xbf]), 3)).toBe(-1);
    // Every target is in the file as UTF-8, whatever characters the content gives it (an en dash, "2–6", is
    // what Excel mangles without the mark). Targets with quotes are doubled inside quotes, so not compared.
    for (const kpi of siteData().data.kpis.filter((kpi) => !kpi.target.includes('"'))) expect(bytes.includes(Buffer.from(kpi.target, 'utf8')), kpi.id).toBe(true);
    // Records end with CRLF (RFC 4180); a line break inside a quoted field would not split a record.
    expect(bytes.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(siteData().data.kpis.length + 1);
  });

  it('renders a citation as a link to the second on YouTube with an accessible name', () => {
    const html = readFileSync(join(root, 'role/boundaries/index.html'), 'utf8');
    expect(html).toContain('href="https://www.youtube.com/watch?v=UukjwSIAnpw&#x26;t=1024s"');
    expect(html).toMatch(/aria-label="Data Team Roles Explained[^"]*, Alexey Grigorev, at 17:04"/);
  });

  it('passes the output check at the root and under a base path', () => {
    expect(run('scripts/check-output.ts', ['--dir', BUILDS.root.outDir])).toContain('no problems');
    // The build under a base path is made by `npm run build`'s script, whose last step is the output check
    // of every page it built (see BUILDS.base).
    const pages = listFiles(BUILDS.base.outDir, '.', /\.html$/, { all: true }).length;
    const lines = readFileSync(buildOutputFile('base'), 'utf8').trim().split('\n');
    expect(lines.slice(-2)).toEqual([`✓ ${pages} files checked: no problems`, expect.stringMatching(/^✓ The site is in /)]);
  });

  it('prefixes every internal link with the base path', () => {
    const html = readFileSync(join(BUILDS.base.outDir, 'role/index.html'), 'utf8');
    expect(html).toContain('href="/mle-wiki/role/skills/"');
    expect(html).not.toMatch(/href="\/role\//);
  });
});

describe('the site content', () => {
  it('passes the reference check with no problems', () => {
    expect(run('scripts/check.ts', [])).toMatch(/no problems/);
  });
});
