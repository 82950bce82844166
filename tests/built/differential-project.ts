import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';

/**
 * A small project built by the real site pipeline for the differential test: the base fixture, the
 * valid case of every rule fixture, and pages whose headings and links mix everything the checker and
 * the renderer must agree on (citations, inline code, emoji, MDX expressions, JSX, duplicates,
 * non-ASCII, punctuation, every kind of link). Generated from a fixed seed, so the project is the same
 * on every run.
 */

const FRONTMATTER = (title: string, related: string) =>
  `---\ntitle: ${JSON.stringify(title)}\ndescription: A page of the differential corpus.\nsection: guides\nrelated: [${related}]\nsources: [mle-role-blueprint]\n---\n`;

/** Pieces a heading is made of: each is valid MDX inline content. */
const HEADING_PIECES = [
  'Drift',
  'Model monitoring',
  'Café & naïve',
  'Ünïcödé über alles',
  '日本語の見出し',
  'Rocket 🚀 launch',
  'What changes?',
  'Batch vs. online',
  'Costs (per 1,000 requests)',
  'A — dash',
  'Quotes "double" and \'single\'',
  '`predict()` call',
  '*emphasis* here',
  '**strong** words',
  '[a link](/guides/model-monitoring/)',
  'cited at [17:04](podcast:data-team-roles@17:04)',
  // A moment's citation shows its time, whatever its own words, and so counts as its time.
  'said [at the very start](podcast:data-team-roles@17:04)',
  'noted [then][moment]',
  'whole [episode](podcast:data-team-roles)',
  "an expression {'value'}",
  'sum {1 + 1}',
  "{'only an expression'}",
  '<abbr title="machine learning">ML</abbr> systems',
  'press <kbd>Ctrl</kbd> and <Badge text="New" />',
  // Starlight reads `:name` as a directive and writes it back as text.
  'Ratio 3:1 and key:value pairs',
  'Ελληνικά και кириллица',
  '🎉🎉',
  'source [blueprint](source:mle-role-blueprint)',
  '50% of cases',
  'C++ / C#',
  'snake_case_name',
  'trailing punctuation!',
];

/** Body lines: every kind of link the checker resolves and the renderer rewrites. */
const LINK_LINES = [
  'See [monitoring](/guides/model-monitoring/) and its [drift section](/guides/model-monitoring/#drift).',
  'Relative: [sources](../../about/sources/) and [this page](#top-of-page).',
  'A query: [sources](/about/sources/?from=corpus#mle-role-blueprint).',
  'Reference style: [the guide][guide] and [the moment][moment].',
  'A citation ([17:04](podcast:data-team-roles@17:04)) and a whole episode ([roles](podcast:data-team-roles)).',
  'A source: [the blueprint](source:mle-role-blueprint).',
  'An image: ![logo](/favicon.svg).',
  'Entries: [MLflow](tool:mlflow) and [drift](term:drift).',
  '<LinkCard title="Monitoring" href="/guides/model-monitoring/" />',
  '<LinkCard title="A moment" href="podcast:data-team-roles@17:04" />',
];

const DEFINITIONS = '[guide]: /guides/model-monitoring/\n[moment]: podcast:data-team-roles@1:01:00';

function corpusPage(index: number, headings: string[][]): string {
  const related = index === 0 ? 'guides/model-monitoring' : `corpus/page-${index - 1}`;
  const body = headings.flatMap((pieces, h) => [`${'#'.repeat(2 + (h % 3))} ${pieces.join(' ')}`, '', LINK_LINES[(index + h) % LINK_LINES.length]!, '']);
  return [
    FRONTMATTER(`Corpus page ${index}`, related),
    "import { Badge, LinkCard } from '@astrojs/starlight/components';",
    '',
    '<span id="top-of-page" />',
    '',
    ...body,
    // The same heading twice, to exercise -1 suffixes, and a heading whose own id is taken by a suffix.
    '## Drift',
    '',
    'Again: [home](/).',
    '',
    '## Drift 1',
    '',
    DEFINITIONS,
    '',
  ].join('\n');
}

const headingArbitrary = fc.array(fc.array(fc.constantFrom(...HEADING_PIECES), { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 6 });

/**
 * Rule fixtures whose valid case is a page but does not render on its own (it needs other files or
 * replaces the home page). Rules about data files (data-invalid, the checklist rules) have no page.
 */
const RULE_PAGES_SKIPPED = new Set(['page-orphan']);

/**
 * A project the real site pipeline builds: this project's configuration and code with the base
 * fixture's content. It must live inside this project's folder, where Node finds the packages.
 */
export function writeSiteProject(root: string, projectRoot: string): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const entry of ['astro.config.mjs', 'ec.config.mjs', 'tsconfig.json', 'package.json', 'public']) cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  cpSync(join(projectRoot, 'src'), join(root, 'src'), { recursive: true, filter: (source) => !source.startsWith(join(projectRoot, 'src', 'content')) });
  cpSync(join(projectRoot, 'src/content.config.ts'), join(root, 'src/content.config.ts'));
  cpSync(join(projectRoot, 'tests/fixtures/base/src/content'), join(root, 'src/content'), { recursive: true });
}

export function writeDifferentialProject(root: string, projectRoot: string, pages = 24): void {
  writeSiteProject(root, projectRoot);
  const fixtures = join(projectRoot, 'tests/fixtures');
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  cpSync(join(fixtures, 'rules/entry-missing/tools.yaml'), join(root, 'src/content/tools/tools.yaml'));
  cpSync(join(fixtures, 'rules/entry-missing/glossary.yaml'), join(root, 'src/content/glossary/glossary.yaml'));
  for (const rule of readdirSync(join(fixtures, 'rules')).sort()) {
    const valid = join(fixtures, 'rules', rule, 'valid.mdx');
    if (RULE_PAGES_SKIPPED.has(rule) || !existsSync(valid)) continue;
    cpSync(valid, join(root, `src/content/docs/rules/${rule}.mdx`));
  }
  cpSync(join(fixtures, 'rules/page-draft/draft.mdx'), join(root, 'src/content/docs/guides/upcoming.mdx'));
  const samples = fc.sample(headingArbitrary, { seed: 20261123, numRuns: pages });
  samples.forEach((headings, index) => write(`src/content/docs/corpus/page-${index}.mdx`, corpusPage(index, headings)));
}
