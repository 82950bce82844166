import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/checker/check.ts';
import { isInside } from '../../src/lib/position.ts';
import { loadSiteData } from '../../src/site/data.ts';
import { parseDocument } from '../../src/site/document.ts';
import { readDocuments } from '../../src/site/load.ts';
import { siteSettings } from '../../src/site/settings.ts';
import { buildSiteIndex } from '../../src/site/site-index.ts';
import { BASE_FIXTURE, withFixtureProject } from '../helpers/fixture-project.ts';

/**
 * Whole generated pages, valid and broken, mixed: the checker never throws, never prints a stack
 * trace, exits 0 or 1, and every position it reports lies inside the file it names.
 */

const word = fc.constantFrom('drift', 'Café', 'naïve', '🚀', 'model', '17:04', 'a_b', 'C++', '50%', '日本');
const target = fc.constantFrom(
  '/guides/model-monitoring/',
  '/guides/model-monitoring/#drift',
  '/guides/model-monitoring#drift',
  '/nowhere/',
  '../about/sources/',
  '#local',
  '?q=1#x',
  '/favicon.svg',
  '/images/x.png?v=1',
  'podcast:data-team-roles@17:04',
  'podcast:data-team-roles@17:00',
  'podcast:data-team-roles@61:00',
  'podcast:nope@1:00',
  'podcast:@',
  'podcast:data-team-roles',
  'source:mle-role-blueprint',
  'source:nope',
  'tool:mlflow',
  'term:nope',
  'kpi:x',
  'http://localhost:4321/role/',
  'https://example.org/',
  './x.mdx',
  '',
  '%E0%A4%A',
);
const inline = fc.oneof(
  word,
  fc.tuple(word, target).map(([text, url]) => `[${text}](${url})`),
  fc.tuple(word, target).map(([text, url]) => `![${text}](${url})`),
  word.map((text) => `\`${text}\``),
  word.map((text) => `*${text}*`),
  fc.constantFrom('{1 + 1}', "{'x'}", '<abbr title="t">ML</abbr>', '[ref][r]', '[unclosed](', '<', '{', '}', '&amp;', '\\*'),
);
const line = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
const block = fc.oneof(
  line,
  line.map((text) => `## ${text}`),
  line.map((text) => `### ${text}`),
  line.map((text) => `- [ ] ${text}`),
  fc.tuple(word, target).map(([name, url]) => `<LinkCard title="${name}" href="${url}" />`),
  target.map((url) => `<Card link="${url}">\n\ntext\n\n</Card>`),
  fc.constantFrom('```js\nconst x = [a](/nowhere/);\n```', '```\nunclosed fence', '<Unclosed>', '| a | b |\n| --- | --- |\n| [x](/nowhere/) | y |', '[r]: /guides/model-monitoring/', 'import { LinkCard } from "@astrojs/starlight/components";'),
);
const frontmatter = fc.oneof(
  fc.constant('---\ntitle: Fuzz\ndescription: A generated page.\nsection: guides\nrelated: [guides/model-monitoring]\nsources: [mle-role-blueprint]\n---\n'),
  fc.constant('---\ntitle: [broken\n---\n'),
  fc.constant('---\ntitle: 3\nsection: nowhere\nrelated: role\n---\n'),
  fc.constant('---\nhero:\n  actions:\n    - text: Go\n      link: /nowhere/\nprev:\n  link: /role\n  label: Back\n---\n'),
  fc.constant(''),
  fc.constant('---\n---\n'),
);
const page = fc.tuple(frontmatter, fc.array(block, { maxLength: 12 })).map(([head, blocks]) => `${head}\n${blocks.join('\n\n')}\n`);
const pages = fc.array(page, { minLength: 1, maxLength: 4 });

const { data, problems: dataProblems, references: dataReferences } = loadSiteData(BASE_FIXTURE);
const fixturePages = readDocuments(BASE_FIXTURE).documents;

describe('the checker on generated pages', () => {
  it('never throws, and reports every problem inside the file it names', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(pages, (sources) => {
        const files = new Map(sources.map((text, i) => [`src/content/docs/fuzz/page-${i}.${i % 3 === 2 ? 'md' : 'mdx'}`, text]));
        const documents = [...fixturePages, ...[...files].map(([file, text]) => parseDocument(file, text))];
        const index = buildSiteIndex({ documents, data, dataProblems, dataReferences, files: new Set(['favicon.svg']), settings: siteSettings({}) });
        for (const problem of checkSite(index).problems) {
          seen.add(problem.rule);
          const text = files.get(problem.file);
          if (text === undefined) continue;
          expect(isInside(text, problem.position), `${problem.file}:${problem.position.line}:${problem.position.column} ${problem.rule}`).toBe(true);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
    // The generated pages reach the rules they are meant to exercise.
    for (const rule of ['syntax-error', 'frontmatter-invalid', 'page-missing', 'anchor-missing', 'link-trailing-slash', 'timestamp-missing', 'timestamp-malformed', 'episode-missing', 'asset-missing', 'link-absolute-self', 'entry-missing', 'file-link']) {
      expect(seen, rule).toContain(rule);
    }
  });

  it('exits 0 or 1 from the command line with no stack trace', () => {
    const script = join(resolve(import.meta.dirname, '..', '..'), 'scripts/check.ts');
    for (const sources of fc.sample(pages, { numRuns: 4, seed: 7 })) {
      const files = Object.fromEntries(sources.map((text, i) => [`src/content/docs/fuzz/page-${i}.mdx`, text]));
      withFixtureProject(files, {}, (root) => {
        let status = 0;
        let output = '';
        try {
          output = execFileSync(process.execPath, [script, '--root', root], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (error) {
          const failure = error as { status: number; stdout: string; stderr: string };
          status = failure.status;
          output = `${failure.stdout}${failure.stderr}`;
        }
        expect([0, 1]).toContain(status);
        expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
        expect(output).toMatch(/files checked/);
      });
    }
  });
});
