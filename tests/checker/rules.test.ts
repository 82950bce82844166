import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/table.ts';
import { SECTIONS } from '../../src/schemas/page.ts';
import type { Problem } from '../../src/rules/problem.ts';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { checkFixture, fixture, fixtureBytes, fixtureCases, located } from '../helpers/fixture-project.ts';

const PAGE = 'src/content/docs/case.mdx';
const EPISODE = 'src/content/episodes/data-team-roles.json';
const STAGE = 'src/content/checklists/roadmap-learning.yaml';
const SECOND_STAGE = 'src/content/checklists/roadmap-projects.yaml';

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
  /** Where the valid form goes, when it is not `target` (a file name that is itself the fault). */
  validTarget?: string;
  /** Changes to the project for the broken or the valid case beyond files: links, folders. */
  prepareBroken?: (root: string) => void;
  prepareValid?: (root: string) => void;
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
  'asset-external': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:1 asset-external`, `${PAGE}:9:51 asset-external`] },
  'page-few-resources': {
    target: PAGE,
    extension: 'mdx',
    broken: [`${PAGE}:2:8 page-few-resources`],
    with: { 'src/content/resources/resources.yaml': 'one-resource.yaml' },
    validWith: { 'src/content/resources/resources.yaml': 'resources.yaml' },
  },
  'diagram-invalid': {
    target: PAGE,
    extension: 'mdx',
    broken: [
      `${PAGE}:9:1 diagram-invalid`,
      `${PAGE}:11:30 diagram-invalid`,
      `${PAGE}:12:12 diagram-invalid`,
      `${PAGE}:13:3 diagram-invalid`,
      `${PAGE}:14:3 diagram-invalid`,
      `${PAGE}:19:1 diagram-invalid`,
      `${PAGE}:25:5 diagram-invalid`,
      `${PAGE}:26:4 diagram-invalid`,
    ],
  },
  'tool-discontinued': {
    target: PAGE,
    extension: 'mdx',
    broken: [`${PAGE}:9:22 tool-discontinued`, `${PAGE}:13:13 tool-discontinued`],
    with: { 'src/content/tools/tools.yaml': 'tools.yaml', 'src/content/docs/reference/tools.mdx': 'tools-page.mdx' },
  },
  'encoding-invalid': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:4 encoding-invalid`] },
  'nesting-too-deep': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:129 nesting-too-deep`] },
  'file-unreadable': {
    target: PAGE,
    extension: 'mdx',
    broken: ['src/content/docs/serving.mdx:1:1 file-unreadable'],
    prepareBroken: (root) => mkdirSync(join(root, 'src/content/docs/serving.mdx')),
  },
  'symlink-loop': {
    target: PAGE,
    extension: 'mdx',
    broken: ['src/content/docs/guides/loop:1:1 symlink-loop'],
    prepareBroken: (root) => symlinkSync('.', join(root, 'src/content/docs/guides/loop')),
    // A link to a page publishes it a second time: it is read and checked like any page.
    prepareValid: (root) => symlinkSync('case.mdx', join(root, 'src/content/docs/linked.mdx')),
  },
  'route-collision': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:5:7 route-collision`, 'src/content/docs/guides/model-monitoring.mdx:1:1 route-collision'] },
  'public-file-name': { target: 'public/notes#1.txt', validTarget: 'public/notes-1.txt', extension: 'txt', broken: ['public/notes#1.txt:1:1 public-file-name'] },
  'mdx-import': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:16 mdx-import`, `${PAGE}:10:21 mdx-import`] },
  'mdx-code': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:1 mdx-code`, `${PAGE}:11:15 mdx-code`, `${PAGE}:11:48 mdx-code`] },
  'html-unsafe': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:1 html-unsafe`, `${PAGE}:11:10 html-unsafe`, `${PAGE}:11:88 html-unsafe`, `${PAGE}:13:1 html-unsafe`, `${PAGE}:15:1 html-unsafe`] },
  'head-unsafe': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:8:10 head-unsafe`, `${PAGE}:11:26 head-unsafe`] },
  'item-page-missing': { target: STAGE, extension: 'yaml', broken: [`${STAGE}:10:13 item-page-missing`, `${STAGE}:16:15 item-page-missing`, `${STAGE}:20:15 item-page-missing`] },
  'item-duplicate': {
    target: STAGE,
    extension: 'yaml',
    broken: [`${STAGE}:14:13 item-duplicate`, `${SECOND_STAGE}:10:13 item-duplicate`],
    with: { [SECOND_STAGE]: 'second-stage.yaml' },
  },
  'map-order-invalid': {
    target: STAGE,
    extension: 'yaml',
    broken: [`${STAGE}:14:17 map-order-invalid`, `${STAGE}:19:32 map-order-invalid`, `${STAGE}:24:17 map-order-invalid`, `${SECOND_STAGE}:3:8 map-order-invalid`],
    with: { [SECOND_STAGE]: 'second-stage.yaml' },
  },
  'resource-missing': { target: STAGE, extension: 'yaml', broken: [`${STAGE}:14:34 resource-missing`], with: { 'src/content/resources/resources.yaml': 'resources.yaml' } },
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

const placed = (rule: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([path, file]) => [path, fixtureBytes(`rules/${rule}/${file}`)]));

describe.each(Object.entries(CASES))('%s', (rule, { target, extension, broken, validWith = {}, with: both = {}, env = {}, validTarget = target, prepareBroken, prepareValid }) => {
  it('reports the broken form at the exact place', () => {
    const problems = checkFixture({ [target]: fixtureBytes(`rules/${rule}/broken.${extension}`), ...placed(rule, both) }, { env, ...(prepareBroken ? { prepare: prepareBroken } : {}) });
    expect(located(relevant(rule, problems))).toEqual(broken);
  });

  it('accepts the valid form', () => {
    const problems = checkFixture({ [validTarget]: fixtureBytes(`rules/${rule}/valid.${extension}`), ...placed(rule, both), ...placed(rule, validWith) }, { env, ...(prepareValid ? { prepare: prepareValid } : {}) });
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

  it('points a page nobody links to at its section\'s page', () => {
    const problems = checkFixture({ 'src/content/docs/guides/index.mdx': fixture('rules/page-orphan/valid.mdx').replace('title: Case', 'title: Guides'), 'src/content/docs/guides/new.mdx': fixture('rules/page-orphan/broken.mdx') });
    expect(problems.find((p) => p.rule === 'page-orphan' && p.file.endsWith('new.mdx'))?.message).toBe("no other page links to /guides/new/; link to it from a page on a neighbouring topic, such as its section's page /guides/");
  });

  it('names the resources that name a learning page, the file to change, and resources that may fit', () => {
    expect(messageOf('page-few-resources')).toEqual([
      'this guide ends with a "Learn more" list, but only "monitoring-course" names it: add "case" to the pages of at least 2 resources that teach its topic in src/content/resources/, or add resources; resources on its related pages that may fit: "monitoring-docs"',
    ]);
  });

  it('names the frontmatter field and its allowed values', () => {
    const messages = messageOf('frontmatter-invalid');
    expect(messages[0]).toContain(`"section" must be one of ${SECTIONS.join(', ')}`);
    expect(messages[1]).toContain('"related"');
  });
});
