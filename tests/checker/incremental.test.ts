import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/checker/check.ts';
import { LiveCheck } from '../../src/checker/live-check.ts';
import { loadSite } from '../../src/site/load.ts';
import { siteSettings } from '../../src/site/settings.ts';
import { BASE_FIXTURE, located } from '../helpers/fixture-project.ts';

/**
 * The incremental checker must find exactly what a full check finds on the same files, after any edit.
 * Each test edits a copy of the fixture project on disk, tells the live checker which files changed,
 * and compares its problems with `checkSite` run from scratch.
 */

const settings = siteSettings({});
const HOME = 'src/content/docs/index.mdx';
const GUIDE = 'src/content/docs/guides/model-monitoring.mdx';
const SOURCES = 'src/content/docs/about/sources.mdx';
const EPISODE = 'src/content/episodes/data-team-roles.json';

const frontmatter = (fields: Record<string, string>) => `---\n${Object.entries({ description: 'A test page.', section: 'guides', sources: '[]', ...fields }).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`;

class Project {
  readonly root = mkdtempSync(join(tmpdir(), 'mle-wiki-incremental-'));
  readonly live: LiveCheck;

  constructor() {
    cpSync(BASE_FIXTURE, this.root, { recursive: true });
    this.live = new LiveCheck(this.root, settings);
  }

  read(file: string): string {
    return readFileSync(join(this.root, file), 'utf8');
  }

  write(file: string, text: string) {
    mkdirSync(dirname(join(this.root, file)), { recursive: true });
    writeFileSync(join(this.root, file), text);
    return this.live.changed([file]);
  }

  remove(file: string) {
    rmSync(join(this.root, file), { force: true });
    return this.live.changed([file]);
  }

  /** The problems of a full check of the files as they are now. */
  full() {
    return checkSite(loadSite(this.root, settings).index).problems;
  }

  dispose() {
    rmSync(this.root, { recursive: true, force: true });
  }
}

let project: Project;
beforeEach(() => {
  project = new Project();
});
afterEach(() => project.dispose());

const expectSameAsFull = () => expect(project.live.problems).toEqual(project.full());

describe('the incremental checker after one edit', () => {
  it('starts with what a full check finds', () => {
    expectSameAsFull();
    expect(project.live.problems).toEqual([]);
  });

  it('reports a broken link added to a page, and only that page is checked again', () => {
    const recheck = project.write(GUIDE, `${project.read(GUIDE)}\nSee [nowhere](/guides/nowhere/).\n`);
    expectSameAsFull();
    expect(located(project.live.problems)).toEqual([`${GUIDE}:21:5 page-missing`]);
    expect(recheck?.rechecked).toEqual([GUIDE]);
    expect([...(recheck?.changed.keys() ?? [])]).toEqual([GUIDE]);
  });

  it('reports links to a heading that was renamed, on the pages linking to it', () => {
    project.write(HOME, project.read(HOME).replace('(/guides/model-monitoring/)', '(/guides/model-monitoring/#drift)'));
    const recheck = project.write(GUIDE, project.read(GUIDE).replace('## Drift', '## Data drift'));
    expectSameAsFull();
    expect(located(project.live.problems)).toEqual([`${HOME}:2:8 page-few-links`, `${HOME}:9:12 anchor-missing`]);
    expect(recheck?.rechecked).toContain(HOME);
  });

  it('reports links to a deleted page and the pages it leaves orphaned', () => {
    project.remove(GUIDE);
    expectSameAsFull();
    expect(project.live.problems.map((p) => p.rule)).toContain('page-missing');
  });

  it('reports citations of a moment whose note was removed from the episode', () => {
    const episode = JSON.parse(project.read(EPISODE)) as { moments: { t: string }[] };
    episode.moments = episode.moments.filter((moment) => moment.t !== '17:04');
    const recheck = project.write(EPISODE, JSON.stringify(episode, null, 1));
    expectSameAsFull();
    expect(located(project.live.problems)).toEqual([`${HOME}:9:84 moment-undescribed`]);
    // The home page cites the moment; the Sources page links to the episode page, whose anchors changed.
    expect([...(recheck?.rechecked ?? [])].sort()).toEqual([SOURCES, HOME]);
  });

  it('follows frontmatter changes: related, slug and draft', () => {
    project.write(GUIDE, project.read(GUIDE).replace('related: [about/sources]', 'related: [about/source]'));
    expectSameAsFull();
    project.write(GUIDE, project.read(GUIDE).replace('section: guides', 'section: guides\nslug: guides/monitoring'));
    expectSameAsFull();
    project.write(SOURCES, project.read(SOURCES).replace('section: about', 'section: about\ndraft: true'));
    expectSameAsFull();
    expect(project.live.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['related-missing', 'page-missing', 'page-draft']));
  });

  it('reports the problems of a file that cannot be parsed, and clears them once fixed', () => {
    const text = project.read(GUIDE);
    const broken = project.write(GUIDE, `${text}\nAn unclosed <div tag.\n`);
    expectSameAsFull();
    expect(broken?.changed.get(GUIDE)?.map((p) => p.rule)).toContain('syntax-error');
    const fixed = project.write(GUIDE, text);
    expectSameAsFull();
    expect(fixed?.changed.get(GUIDE)).toEqual([]);
  });

  it('ignores files the check does not read', () => {
    expect(project.write('src/content/docs/_notes.mdx', 'anything')).toBeUndefined();
    expect(project.write('README.md', 'anything')).toBeUndefined();
  });
});

  it('names the pages whose text changed after the check read them, once', () => {
    const text = project.read(GUIDE);
    // A writer that truncates first: the check reads the empty file, and the full text lands afterwards.
    project.write(GUIDE, '');
    expect(project.live.problems.map((p) => p.rule)).toContain('frontmatter-invalid');
    writeFileSync(join(project.root, GUIDE), text);
    expect(project.live.unsettled()).toEqual([GUIDE]);
    expect(project.live.unsettled()).toEqual([]);
    project.live.changed([GUIDE]);
    expectSameAsFull();
    expect(project.live.problems).toEqual([]);
  });

  it('names no page when the text read is still the text on disk', () => {
    project.write(GUIDE, `${project.read(GUIDE)}\nMore text.\n`);
    expect(project.live.unsettled()).toEqual([]);
  });

/** Random edit sequences over a small pool of pages, targets and episode moments. */
describe('the incremental checker after any sequence of edits', () => {
  const pageFiles = [HOME, GUIDE, SOURCES, 'src/content/docs/guides/extra.mdx', 'src/content/docs/role/skills.mdx'];
  const linkTargets = [
    '/',
    '/guides/model-monitoring/',
    '/guides/model-monitoring/#drift',
    '/guides/model-monitoring/#notes-1',
    '/guides/extra/',
    '/guides/extra/#a-heading',
    '/role/skills/',
    '/role/skills',
    '/about/sources/',
    '/guides/monitoring/',
    '/podcast/data-team-roles/#at-17-04',
    'podcast:data-team-roles@17:04',
    'podcast:data-team-roles@1:01:00',
    'podcast:data-team-roles@16:48',
    'podcast:data-team-roles@17:00',
    'podcast:data-roles',
    'source:mle-role-blueprint',
    'source:other-source',
    '#a-heading',
  ];
  const relatedIds = ['', 'guides/model-monitoring', 'guides/extra', 'role/skills', 'about/sources', 'guides/nowhere'];
  const headings = ['Drift', 'Notes', 'A heading', 'Another heading'];

  const page = fc.record({
    links: fc.array(fc.constantFrom(...linkTargets), { maxLength: 5 }),
    headings: fc.array(fc.constantFrom(...headings), { maxLength: 3 }),
    related: fc.array(fc.constantFrom(...relatedIds), { maxLength: 3 }),
    slug: fc.option(fc.constantFrom('guides/moved', 'role/skills', 'guides/model-monitoring'), { nil: undefined }),
    draft: fc.boolean(),
    broken: fc.boolean(),
  });
  const renderPage = (p: typeof page extends fc.Arbitrary<infer T> ? T : never) =>
    `${frontmatter({ title: 'Generated', related: `[${p.related.map((id) => JSON.stringify(id)).join(', ')}]`, ...(p.slug ? { slug: p.slug } : {}), ...(p.draft ? { draft: 'true' } : {}) })}\n` +
    `${p.links.map((url, i) => `A [link ${i}](${url}) here.`).join('\n\n')}\n\n${p.headings.map((h) => `## ${h}`).join('\n\n')}\n${p.broken ? '\n<div unclosed\n' : ''}`;

  const edit = fc.oneof(
    fc.record({ kind: fc.constant('write' as const), file: fc.constantFrom(...pageFiles), page }),
    fc.record({ kind: fc.constant('remove' as const), file: fc.constantFrom(...pageFiles) }),
    fc.record({ kind: fc.constant('moments' as const), keep: fc.subarray(['17:04', '1:01:00', '16:48']), valid: fc.boolean() }),
    fc.record({ kind: fc.constant('source' as const), present: fc.boolean() }),
  );

  it('finds what a full check finds', () => {
    const original = JSON.parse(readFileSync(join(BASE_FIXTURE, EPISODE), 'utf8')) as Record<string, unknown>;
    const source = readFileSync(join(BASE_FIXTURE, 'src/content/sources/mle-role-blueprint.json'), 'utf8');
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const run = new Project();
        try {
          for (const step of edits) {
            if (step.kind === 'write') run.write(step.file, renderPage(step.page));
            else if (step.kind === 'remove') run.remove(step.file);
            else if (step.kind === 'moments') {
              const moments = step.keep.map((t) => ({ t, note: `A note on what is said at ${t}.` }));
              run.write(EPISODE, JSON.stringify({ ...original, moments, ...(step.valid ? {} : { youtube_id: 'short' }) }, null, 1));
            } else if (step.present) run.write('src/content/sources/other-source.json', source);
            else run.remove('src/content/sources/other-source.json');
            expect(run.live.problems).toEqual(run.full());
          }
        } finally {
          run.dispose();
        }
      }),
      { numRuns: 60 },
    );
  });
});
