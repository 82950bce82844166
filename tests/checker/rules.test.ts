import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/table.ts';
import { SECTIONS } from '../../src/schemas/page.ts';
import type { Problem } from '../../src/rules/problem.ts';
import { checkFixture, fixture, fixtureCases, located } from '../helpers/fixture-project.ts';

const PAGE = 'src/content/docs/case.mdx';
const EPISODE = 'src/content/episodes/data-team-roles.json';

/**
 * One fixture folder per rule under tests/fixtures/rules/<rule-id>/, holding a broken and a valid case.
 * Each broken case lists exactly the problems it must produce: path, line, column and rule id.
 */
interface Case {
  target: string;
  extension: string;
  broken: string[];
  /** Other files of the fixture folder to place in the project for the valid case: path -> fixture file. */
  validWith?: Record<string, string>;
  /** Files of the fixture folder to place in the project for both cases: path -> fixture file. */
  with?: Record<string, string>;
  /** Deployment settings the case is checked under. */
  env?: Record<string, string>;
}

const CASES: Record<string, Case> = {
  'syntax-error': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:19 syntax-error`] },
  'frontmatter-invalid': {
    target: PAGE,
    extension: 'mdx',
    broken: [`${PAGE}:4:10 frontmatter-invalid`, `${PAGE}:5:10 frontmatter-invalid`],
  },
  'data-invalid': { target: EPISODE, extension: 'json', broken: [`${EPISODE}:14:16 data-invalid`, `${EPISODE}:43:9 data-invalid`, `${EPISODE}:48:11 data-invalid`] },
  'page-missing': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:5 page-missing`, `${PAGE}:11:4 page-missing`] },
  'anchor-missing': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:6 anchor-missing`, `${PAGE}:9:56 anchor-missing`, `${PAGE}:11:18 anchor-missing`] },
  'file-link': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:5 file-link`] },
  'citation-malformed': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:10 citation-malformed`, `${PAGE}:9:40 citation-malformed`] },
  'episode-missing': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:10 episode-missing`] },
  'timestamp-malformed': {
    target: PAGE,
    extension: 'mdx',
    broken: [`${PAGE}:9:4 timestamp-malformed`, `${PAGE}:9:44 timestamp-malformed`, `${PAGE}:9:85 timestamp-malformed`],
  },
  'timestamp-missing': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:4 timestamp-missing`] },
  'moment-undescribed': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:4 moment-undescribed`] },
  'source-missing': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:5 source-missing`] },
  'related-missing': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:5:11 related-missing`] },
  'self-reference': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:5:36 self-reference`] },
  'page-orphan': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:2:8 page-orphan`], validWith: { 'src/content/docs/index.mdx': 'home.mdx' } },
  'page-few-links': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:2:8 page-few-links`] },
  'related-empty': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:5:10 related-empty`] },
  'page-draft': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:5 page-draft`], with: { 'src/content/docs/guides/upcoming.mdx': 'draft.mdx' } },
  'link-trailing-slash': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:5 link-trailing-slash`, `${PAGE}:9:49 link-trailing-slash`] },
  'link-base-path': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:5 link-base-path`], env: { BASE_PATH: '/mle-wiki/' } },
  'link-absolute-self': {
    target: PAGE,
    extension: 'mdx',
    broken: [`${PAGE}:9:5 link-absolute-self`, `${PAGE}:9:70 link-absolute-self`, `${PAGE}:10:1 link-absolute-self`],
    env: { SITE_URL: 'https://wiki.example.org' },
  },
  'asset-missing': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:1 asset-missing`, `${PAGE}:9:38 asset-missing`], with: { 'public/favicon.svg': 'favicon.svg' } },
  'entry-missing': {
    target: PAGE,
    extension: 'mdx',
    broken: [`${PAGE}:9:17 entry-missing`, `${PAGE}:9:54 entry-missing`],
    with: {
      'src/content/tools/tools.yaml': 'tools.yaml',
      'src/content/glossary/glossary.yaml': 'glossary.yaml',
      'src/content/docs/reference/tools.mdx': 'tools-page.mdx',
      'src/content/docs/reference/glossary.mdx': 'glossary-page.mdx',
    },
  },
  'moment-overcited': {
    target: PAGE,
    extension: 'mdx',
    broken: [
      `${PAGE}:9:20 moment-overcited`,
      'src/content/docs/guides/a.mdx:9:18 moment-overcited',
      'src/content/docs/guides/b.mdx:9:18 moment-overcited',
      'src/content/docs/guides/c.mdx:9:18 moment-overcited',
      'src/content/docs/guides/d.mdx:9:18 moment-overcited',
      'src/content/docs/guides/e.mdx:9:18 moment-overcited',
      'src/content/docs/index.mdx:9:84 moment-overcited',
    ],
    with: Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [`src/content/docs/guides/${name}.mdx`, 'citing.mdx'])),
  },
};

/**
 * Rules about the whole web of pages fire for any fixture page nobody links to; each case counts them
 * only when they are the rule under test, which has fixtures of its own.
 */
const SITE_WIDE = new Set(['page-orphan', 'page-few-links']);
const relevant = (rule: string, problems: Problem[]) => problems.filter((p) => !SITE_WIDE.has(p.rule) || p.rule === rule);

const SOURCE_RULES = RULES.filter((rule) => !rule.id.startsWith('output-'));

describe('every source rule has a broken and a valid fixture', () => {
  it.each(SOURCE_RULES.map((rule) => rule.id))('%s', (rule) => {
    expect(CASES[rule], `add a case for ${rule} to CASES`).toBeDefined();
    const extra = new Set([...Object.values(CASES[rule]!.validWith ?? {}), ...Object.values(CASES[rule]!.with ?? {})]);
    expect(fixtureCases(`rules/${rule}`)).toEqual([`broken.${CASES[rule]!.extension}`, ...extra, `valid.${CASES[rule]!.extension}`].sort());
  });
});

const placed = (rule: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([path, file]) => [path, fixture(`rules/${rule}/${file}`)]));

describe.each(Object.entries(CASES))('%s', (rule, { target, extension, broken, validWith = {}, with: both = {}, env = {} }) => {
  it('reports the broken form at the exact place', () => {
    const problems = checkFixture({ [target]: fixture(`rules/${rule}/broken.${extension}`), ...placed(rule, both) }, { env });
    expect(located(relevant(rule, problems))).toEqual(broken);
  });

  it('accepts the valid form', () => {
    const problems = checkFixture({ [target]: fixture(`rules/${rule}/valid.${extension}`), ...placed(rule, both), ...placed(rule, validWith) }, { env });
    expect(located(relevant(rule, problems))).toEqual([]);
  });
});

describe('messages', () => {
  const messageOf = (rule: string, extension = 'mdx', target = PAGE) => {
    const { with: both = {}, env = {} } = CASES[rule] ?? {};
    return relevant(rule, checkFixture({ [target]: fixture(`rules/${rule}/broken.${extension}`), ...placed(rule, both) }, { env })).map((p) => p.message);
  };

  it('names the nearest segment starts around a missed time', () => {
    expect(messageOf('timestamp-missing')[0]).toContain('the nearest starts are 16:48 (before) and 17:04 (after)');
  });

  it('suggests the h:mm:ss form for minutes past the hour', () => {
    expect(messageOf('timestamp-malformed')[0]).toContain('write it as 1:01:00');
  });

  it('suggests the closest page, episode and source', () => {
    expect(messageOf('page-missing')[0]).toContain('did you mean /guides/model-monitoring/?');
    expect(messageOf('episode-missing')[0]).toContain('did you mean "data-team-roles"?');
    expect(messageOf('source-missing')[0]).toContain('did you mean "mle-role-blueprint"?');
  });

  it('lists the closest heading id for a missing anchor', () => {
    expect(messageOf('anchor-missing')[0]).toContain('did you mean "#drift"?');
    // On the graph pages the candidates are the nodes' ids.
    expect(messageOf('anchor-missing')[2]).toMatch(/^\/graph\/ has no heading with id "#node-guides--nowhere"; did you mean "#node-[^"]+"\?$/);
  });

  it('gives the page path for a link to a source file', () => {
    expect(messageOf('file-link')[0]).toContain('link to the page instead: /guides/model-monitoring/');
  });

  it('names the field of a data file and what is wrong with it', () => {
    const messages = messageOf('data-invalid', 'json', EPISODE);
    expect(messages[0]).toContain('"youtube_id"');
    expect(messages[1]).toBe('"segments.3.t": "17:04" does not match sec 1204 (which is 20:04)');
  });

  it('names the frontmatter field and its allowed values', () => {
    const messages = messageOf('frontmatter-invalid');
    expect(messages[0]).toContain(`"section" must be one of ${SECTIONS.join(', ')}`);
    expect(messages[1]).toContain('"related"');
  });
});
