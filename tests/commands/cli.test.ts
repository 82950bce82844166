import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsBaseOf, docsUrl, RULES_FILE } from '../../src/checker/reporters/docs-url.ts';
import { projectRootProblem, readCommandLine } from '../../scripts/lib/cli.ts';
import { listIds } from '../../scripts/lib/listing.ts';
import { BASE_FIXTURE, fixtureIndex, withFixtureProject } from '../helpers/fixture-project.ts';
import { noStackTrace, runScript, startScript } from '../helpers/run-script.ts';

/** Every script's command line, as a contributor mistypes it: a clear message, the usage, exit 2, never a stack trace. */

const ROOT = resolve(import.meta.dirname, '..', '..');
const BROKEN_PAGE = { 'src/content/docs/guides/extra.mdx': '---\ntitle: Extra\ndescription: D.\nsection: about\nrelated: [guides/model-monitoring]\nsources: []\n---\n\nSee [x](/nowhere/).\n' };

describe('reading a command line', () => {
  const spec = { usage: 'Usage: test', maxPositionals: 1, options: { format: { type: 'string' }, fix: { type: 'boolean' }, root: { type: 'string' } } } as const;
  const read = (...args: string[]) => {
    const line = readCommandLine(spec, args);
    return line.kind === 'error' ? line.message : line.kind;
  };

  it('names what is wrong, with a guess only for a near miss', () => {
    expect(read('--frmat', 'json')).toBe('Unknown option --frmat; did you mean --format?');
    expect(read('--fxi')).toBe('Unknown option --fxi; did you mean --fix?');
    expect(read('-x')).toBe('Unknown option -x.');
    expect(read('--everything')).toBe('Unknown option --everything.');
    expect(read('--format')).toBe('Option --format needs a value.');
    expect(read('--format', '--fix')).toBe('Option --format needs a value.');
    expect(read('--fix=yes')).toBe('Option --fix takes no value.');
    expect(read('one', 'two', 'three')).toBe('Unexpected arguments "two", "three".');
  });

  it('asks for the usage with --help or -h, whatever else is written', () => {
    expect(read('--help')).toBe('help');
    expect(read('--frmat', '-h')).toBe('help');
    expect(read('--format', 'json', 'one')).toBe('run');
  });

  it('refuses a --root that is not a copy of the wiki', () => {
    expect(projectRootProblem('./nope')).toMatch(/^--root \.\/nope: there is no folder .+nope; name the wiki's folder/);
    expect(projectRootProblem('package.json')).toMatch(/^--root package\.json: .+package\.json is a file/);
    expect(projectRootProblem('tests')).toMatch(/has no src\/content\/docs\/ folder, so it is not a copy of the wiki/);
    expect(projectRootProblem(BASE_FIXTURE)).toBeUndefined();
  });
});

describe('every script reads its command line the same way', () => {
  const CASES = [
    ['check.ts', ['--frmat', 'json'], 'Unknown option --frmat; did you mean --format?', 'check'],
    ['check-output.ts', ['--dri', 'dist'], 'Unknown option --dri; did you mean --dir?', 'check:output'],
    ['cite.ts', ['data-team-roles', '17:04', 'more'], 'Unexpected argument "more".', 'cite'],
    ['import-episode.ts', ['--form', 'x'], 'Unknown option --form; did you mean --from?', 'import-episode'],
    ['review.ts', [], 'Name the commit to compare with', 'review'],
    ['bench.ts', ['--sizs', '1000'], 'Unknown option --sizs; did you mean --sizes?', 'bench'],
    ['bench.ts', ['--sizes', '1k'], '--sizes 1k: give whole numbers of pages', 'bench'],
    ['bench.ts', ['--lighthouse-only', '--runs', '0'], '--runs 0: give a whole number of runs', 'bench'],
    ['bench.ts', ['--lighthouse-only', '--page', 'tool directory'], '--page tool directory: not a page kind; the kinds are home,', 'bench'],
  ] as const;

  it('prints what is wrong and the usage, and exits with 2', async () => {
    const runs = await Promise.all(CASES.map(([script, args]) => startScript(script, args)));
    runs.forEach(({ status, stderr, stdout }, at) => {
      const [script, , message, command] = CASES[at]!;
      expect(stderr, script).toContain(message);
      expect(stderr, script).toContain(`\n\nUsage: npm run ${command} --`);
      noStackTrace(stderr);
      expect(stdout, script).toBe('');
      expect(status, script).toBe(2);
    });
  });

  it('npm run check -- --root ./nope fails with a clear message, and --help prints the usage', async () => {
    const [missing, help] = await Promise.all([startScript('check.ts', ['--root', './nope']), startScript('check.ts', ['--help'])]);
    expect(missing.stderr).toMatch(/^--root \.\/nope: there is no folder /);
    expect(missing.status).toBe(2);
    expect(help.stdout).toMatch(/^Usage: npm run check -- \[options\]\n/);
    expect(help.stdout).toContain('--list <kind>');
    expect(help.status).toBe(0);
  });
});

describe('machine formats in a file: --output', () => {
  it('writes only the report to the file, with full addresses of the rule pages, and one summary line to the terminal', () => {
    withFixtureProject(BROKEN_PAGE, {}, (project) => {
      const output = join(project, 'report.json');
      const { status, stdout } = runScript('check.ts', ['--root', project, '--format', 'json', '--output', output], { SITE_URL: 'https://owner.github.io', BASE_PATH: '/mle-wiki/' });
      const report = JSON.parse(readFileSync(output, 'utf8')) as { errors: number; problems: { rule: string; docs: string }[] };
      expect(report.problems.find((p) => p.rule === 'page-missing')?.docs).toBe('https://owner.github.io/mle-wiki/contributing/rules/page-missing/');
      expect(stdout).toMatch(/^✗ \d+ errors?, 0 warnings in 1 file \(6 files checked\) \(report written to .+report\.json\)\n$/);
      expect(status).toBe(1);
    });
  });
});

describe('npm run check -- --list', () => {
  const index = fixtureIndex();

  it('prints the ids a page can link to, with their names', () => {
    expect(listIds('pages', index)).toEqual(expect.arrayContaining([expect.stringMatching(/^guides\/model-monitoring +\/guides\/model-monitoring\/ {2}Model monitoring$/)]));
    expect(listIds('episodes', index)).toEqual(['1 episode slugs for [m:ss](podcast:<slug>@m:ss), from src/content/episodes/:', 'data-team-roles  Roles in a Data Team: Data Team Roles Explained']);
    expect(listIds('sources', index)[1]).toMatch(/^mle-role-blueprint {2}\S/);
    expect(listIds('tools', index)).toEqual(['0 tool ids for [name](tool:<id>), from src/content/tools/:']);
  });

  it('shows the other names an entry is found by', () => {
    const tools = fixtureIndex({ 'src/content/tools/tools.yaml': readFileSync(join(ROOT, 'tests/fixtures/rules/entry-missing/tools.yaml'), 'utf8') });
    const lines = listIds('tools', tools);
    expect(lines[0]).toMatch(/^\d+ tool ids/);
    expect(lines.slice(1).every((line) => /^[a-z0-9-]+ {2,}\S/.test(line))).toBe(true);
  });
});

describe('links to rule pages in messages', () => {
  it('are full addresses of the deployed rule pages, with the base path', () => {
    expect(docsBaseOf({ SITE_URL: 'https://owner.github.io', BASE_PATH: '/mle-wiki/' })).toBe('https://owner.github.io/mle-wiki');
    expect(docsUrl(docsBaseOf({ SITE_URL: 'https://owner.github.io/', BASE_PATH: 'mle-wiki' }), 'page-missing')).toBe('https://owner.github.io/mle-wiki/contributing/rules/page-missing/');
    expect(docsUrl(docsBaseOf({ SITE_URL: 'https://wiki.example.org' }), 'page-orphan')).toBe('https://wiki.example.org/contributing/rules/page-orphan/');
  });

  it('name the rule row of the rule table when no site is configured', () => {
    expect(docsBaseOf({})).toBe('');
    expect(docsBaseOf({ SITE_URL: ' ', BASE_PATH: '/mle-wiki/' })).toBe('');
    const [file, line] = docsUrl('', 'page-orphan').split(':');
    expect(file).toBe(RULES_FILE);
    expect(readFileSync(join(ROOT, RULES_FILE), 'utf8').split('\n')[Number(line) - 1]).toContain("id: 'page-orphan',");
  });
});
