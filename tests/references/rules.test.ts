import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/references/rules.ts';
import { checkFixture, fixture, fixtureCases, located } from '../helpers/fixture-project.ts';

const PAGE = 'src/content/docs/case.mdx';
const EPISODE = 'src/content/episodes/data-team-roles.json';

/**
 * One fixture folder per rule under tests/fixtures/rules/<rule-id>/, holding a broken and a valid case.
 * Each broken case lists exactly the problems it must produce: path, line, column and rule id.
 */
const CASES: Record<string, { target: string; extension: string; broken: string[] }> = {
  'syntax-error': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:19 syntax-error`] },
  'frontmatter-invalid': {
    target: PAGE,
    extension: 'mdx',
    broken: [`${PAGE}:4:10 frontmatter-invalid`, `${PAGE}:5:10 frontmatter-invalid`],
  },
  'data-invalid': { target: EPISODE, extension: 'json', broken: [`${EPISODE}:14:16 data-invalid`, `${EPISODE}:43:9 data-invalid`, `${EPISODE}:48:11 data-invalid`] },
  'page-missing': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:5 page-missing`] },
  'anchor-missing': { target: PAGE, extension: 'mdx', broken: [`${PAGE}:9:6 anchor-missing`, `${PAGE}:9:56 anchor-missing`] },
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
};

const SOURCE_RULES = RULES.filter((rule) => !rule.id.startsWith('output-'));

describe('every source rule has a broken and a valid fixture', () => {
  it.each(SOURCE_RULES.map((rule) => rule.id))('%s', (rule) => {
    expect(CASES[rule], `add a case for ${rule} to CASES`).toBeDefined();
    expect(fixtureCases(`rules/${rule}`)).toEqual([`broken.${CASES[rule]!.extension}`, `valid.${CASES[rule]!.extension}`]);
  });
});

describe.each(Object.entries(CASES))('%s', (rule, { target, extension, broken }) => {
  it('reports the broken form at the exact place', () => {
    const problems = checkFixture({ [target]: fixture(`rules/${rule}/broken.${extension}`) });
    expect(located(problems)).toEqual(broken);
  });

  it('accepts the valid form', () => {
    const problems = checkFixture({ [target]: fixture(`rules/${rule}/valid.${extension}`) });
    expect(located(problems)).toEqual([]);
  });
});

describe('messages', () => {
  const messageOf = (rule: string, extension = 'mdx', target = PAGE) =>
    checkFixture({ [target]: fixture(`rules/${rule}/broken.${extension}`) }).map((p) => p.message);

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
    expect(messages[0]).toContain('"section" must be one of role, roadmap, mlops, kpis, guides, podcast, about');
    expect(messages[1]).toContain('"related"');
  });
});
