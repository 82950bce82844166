import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/checker/check.ts';
import { listFiles } from '../../src/lib/files.ts';
import { loadSite } from '../../src/site/load.ts';
import { siteSettings } from '../../src/site/settings.ts';
import { located } from '../helpers/fixture-project.ts';
import { contribution, CONTRIBUTION_PAGE } from '../helpers/contribution.ts';

/**
 * CONTRIBUTING promises that a change to content only (src/content/, public/) that passes `npm run check`
 * passes `npm test`: every rule about content lives in the check, reported where writers work. This
 * proves the two halves of it that do not need a build (tests/built/content-change.test.ts builds one):
 *
 * - no test of the unit or commands project reads the wiki's own content, so no content can fail it; a rule about
 *   content that a test enforced on the real pages (as tests/site/learning-resources.test.ts did) is
 *   a rule of the check instead;
 * - the first-time contributor's change of issue 23, which once passed the check and failed only in CI,
 *   now fails the check at its page until it names its learning resources, and then passes.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const RESOURCES = 'src/content/resources/resources.yaml';
const UNIT_FOLDERS = ['architecture', 'lib', 'site', 'checker', 'plugins', 'schemas', 'components', 'integrations', 'scripts', 'commands', 'hostile', 'helpers'];

/** Ways a test could read the project's own content rather than a fixture: the site model on the repository, or a path into it. */
const READS_OWN_CONTENT: { pattern: RegExp; what: string }[] = [
  { pattern: /\b(?:loadSite|loadSiteData|LiveCheck|getSite)\(\s*(?:ROOT|REPO|process\.cwd\(\))\b/, what: 'loads the site model of the repository' },
  { pattern: /\b(?:siteData|getSite)\(\s*\)/, what: 'loads the site model of the working folder, which is the repository' },
  { pattern: /\b(?:join|resolve)\(\s*(?:ROOT|REPO)\s*,\s*['"`](?:src\/content|public)\b/, what: 'reads a file of the content' },
];

describe('the unit and commands projects and the wiki content', () => {
  // This file names the patterns it looks for, in its own samples below.
  const files = UNIT_FOLDERS.flatMap((folder) => listFiles(ROOT, `tests/${folder}`, /\.ts$/)).filter((file) => file !== 'tests/architecture/content-independence.test.ts');

  it('has test files to look at', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('reads no content of the wiki, only fixtures: a rule about content is a rule of the check', () => {
    const found = files.flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, at) => READS_OWN_CONTENT.filter(({ pattern }) => pattern.test(line)).map(({ what }) => `${file}:${at + 1} ${what}: ${line.trim()}`)),
    );
    expect(found).toEqual([]);
  });

  it('would notice a test that did', () => {
    const lines = ["const { index } = loadSite(ROOT, siteSettings({}));", 'const { kpis } = siteData().data;', "readFileSync(join(ROOT, 'src/content/tools/tools.yaml'))"];
    expect(lines.map((line) => READS_OWN_CONTENT.some(({ pattern }) => pattern.test(line)))).toEqual([true, true, true]);
    expect(READS_OWN_CONTENT.some(({ pattern }) => pattern.test('const { data } = loadSiteData(BASE_FIXTURE);'))).toBe(false);
  });
});

describe("a first-time contributor's change to the wiki", () => {
  it('is stopped by the check, at the new page, until a guide names its learning resources; then it passes', () => {
    const root = mkdtempSync(join(tmpdir(), 'mle-wiki-contribution-'));
    const write = (files: Record<string, string>) => {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), text);
      }
    };
    const problems = () => checkSite(loadSite(root, siteSettings({})).index).problems;
    try {
      for (const folder of ['src/content', 'public']) cpSync(join(ROOT, folder), join(root, folder), { recursive: true });
      const withResources = contribution(root).files;
      const { [RESOURCES]: resources, ...withoutResources } = withResources;
      write(withoutResources);
      const found = problems();
      expect(located(found)).toEqual([`${CONTRIBUTION_PAGE}:2:8 page-few-resources`]);
      expect(found[0]?.message).toContain('add "guides/first-contribution" to the pages of at least 2 resources');
      write({ [RESOURCES]: resources! });
      expect(located(problems())).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
