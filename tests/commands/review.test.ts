import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EpisodeSchema, type Episode } from '../../src/schemas/episode.ts';
import { claimAt } from '../../scripts/lib/claims.ts';
import { citationsOf, citationsToReview, formatReview, notesOfEpisodeText } from '../../scripts/lib/review.ts';
import { readTranscript } from '../../scripts/lib/transcript.ts';
import { BASE_FIXTURE, fixture, withFixtureProject } from '../helpers/fixture-project.ts';
import { noStackTrace, runScript } from '../helpers/run-script.ts';

/** `npm run review`: every citation a change adds or alters, with what a reviewer needs to check it. */

const ARCHIVE = join(BASE_FIXTURE, '..', 'archive', 'transcripts');
const EPISODE_FILE = 'src/content/episodes/data-team-roles.json';
const episodeText = fixture(`base/${EPISODE_FILE}`).replace('"slug": "data-team-roles",', '"slug": "data-team-roles",\n "archive_slug": "roles-in-a-data-team-archive-name",');
const episode: Episode = EpisodeSchema.parse(JSON.parse(episodeText));
const FRONTMATTER = '---\ntitle: T\ndescription: D.\nsection: guides\nrelated: [about/sources]\nsources: []\n---\n';

describe('the claim a citation supports', () => {
  /** The claims of a page's citations, found where the site model places each citation. */
  const claims = (body: string) => citationsOf('src/content/docs/p.mdx', `${FRONTMATTER}${body}`).map((use) => use.claim);

  it('is the sentence it stands in, as readers see it, with the citation in bold', () => {
    const body = '\nFirst sentence here. The [engineer](/role/) **scales** the service\n([17:04](podcast:data-team-roles@17:04)), with _care_. Next one ([17:40](podcast:data-team-roles@17:40)).\n';
    expect(claims(body)).toEqual(['The engineer scales the service (**17:04**), with care.', 'Next one (**17:40**).']);
  });

  it('leaves list markers out and stops at the list item', () => {
    expect(claims('\n- One item ([17:04](podcast:data-team-roles@17:04)).\n- Another item.\n')).toEqual(['One item (**17:04**).']);
  });

  it('reads a table cell after the row\'s first cell', () => {
    expect(claims('\n| Skill | Said |\n| --- | --- |\n| Scaling | a <b>service</b> ([17:04](podcast:data-team-roles@17:04)) |\n')).toEqual(['Scaling: a service (**17:04**)']);
  });

  it('is cut when a paragraph runs on without a full stop', () => {
    const claim = claimAt(`${'word '.repeat(300)}[17:04](podcast:data-team-roles@17:04)`, { line: 1, column: 1501 });
    expect(claim.length).toBe(601);
    expect(claim.endsWith('…')).toBe(true);
  });
});

describe('citations to review', () => {
  const page = 'src/content/docs/guides/case.mdx';
  const before = `${FRONTMATTER}\nKept as it was ([17:04](podcast:data-team-roles@17:04)). Reworded later ([17:40](podcast:data-team-roles@17:40)).\n`;
  const after = `${FRONTMATTER}\nKept as it was ([17:04](podcast:data-team-roles@17:04)). Reworded now ([17:40](podcast:data-team-roles@17:40)). New ([0:09](podcast:data-team-roles@0:09)). Whole episode [here](podcast:data-team-roles).\n`;
  const other = 'src/content/docs/guides/other.mdx';
  const otherText = `${FRONTMATTER}\nUnchanged page ([17:04](podcast:data-team-roles@17:04)).\n`;
  const episodes = new Map([[episode.slug, episode]]);
  const texts: Record<string, string> = { [page]: after, [other]: otherText };
  const input = { pages: [page, other], textOf: (file: string) => texts[file] ?? '', episodes };

  it('lists new citations and reworded claims on changed pages, and nothing on unchanged ones', () => {
    const items = citationsToReview({ ...input, changedPages: new Map([[page, before]]), notesBefore: new Map() });
    expect(items.map((item) => `${item.change} ${item.url} ${item.claim}`)).toEqual([
      'reworded podcast:data-team-roles@17:40 Reworded now (**17:40**).',
      'new podcast:data-team-roles@0:09 New (**0:09**).',
    ]);
  });

  it('lists every citation of a moment whose note changed, on any page', () => {
    const notesBefore = new Map([[episode.slug, notesOfEpisodeText(episodeText.replace('Fixture note for the moment at 17:04.', 'An older note.'))]]);
    const items = citationsToReview({ ...input, changedPages: new Map(), notesBefore });
    expect(items.map((item) => `${item.file} ${item.change} ${item.time}`)).toEqual([`${page} note 17:04`, `${other} note 17:04`]);
  });

  it('lists every citation of a new page', () => {
    const items = citationsToReview({ ...input, changedPages: new Map([[page, undefined]]), notesBefore: new Map() });
    expect(items.map((item) => item.change)).toEqual(['new', 'new', 'new']);
  });
});

describe('the review as Markdown', () => {
  const items = citationsToReview({
    pages: ['src/content/docs/guides/case.mdx'],
    textOf: () => `${FRONTMATTER}\nA long stretch ([17:40](podcast:data-team-roles@17:40)). Nowhere ([9:99](podcast:data-team-roles@9:99)).\n`,
    changedPages: new Map([['src/content/docs/guides/case.mdx', undefined]]),
    episodes: new Map([[episode.slug, episode]]),
    notesBefore: new Map(),
  });

  it('gives each citation its claim, note, play link and the transcript said there', () => {
    const markdown = formatReview({ base: 'main', commit: 'abc1234', items, transcriptOf: (e) => readTranscript(ARCHIVE, e) });
    expect(markdown.split('\n')).toEqual([
      '## Citations to review',
      '',
      '2 citations added or changed since `main` (abc1234). For each, read the claim against the words said at that second, and check that the person named says it there.',
      '',
      '### 1. `src/content/docs/guides/case.mdx:9`: Data Team Roles Explained at 17:40',
      '',
      '> A long stretch (**17:40**).',
      '',
      '- **Why listed:** new citation',
      '- **Guest:** Alexey Grigorev',
      '- **Moment note:** _none yet: add one to the episode file_',
      '- **Play:** [17:40 on YouTube](https://www.youtube.com/watch?v=UukjwSIAnpw&t=1060s)',
      '- **Transcript:** the segment from 17:40 runs 43:20; each paragraph shows about where in it it starts',
      '',
      '> **[17:04] Guest:** Fixture reply agreeing with the host.',
      '>',
      '> **[17:40 ≈+0:00] Alexey:** Fixture words on building the service together, at the start of a long stretch.',
      '>',
      '> **[17:40 ≈+14:27] Alexey:** Fixture words said in the middle of the long stretch, about twenty minutes into it.',
      '>',
      '> **[17:40 ≈+29:55] Alexey:** Fixture words said near the end of the long stretch, before the closing.',
      '',
      '### 2. `src/content/docs/guides/case.mdx:9`: podcast:data-team-roles@9:99',
      '',
      '> Nowhere (**9:99**).',
      '',
      '- This citation does not resolve: `npm run check` says why.',
    ]);
  });

  it('says where to get the archive when it is missing, and still gives the play links', () => {
    const markdown = formatReview({ base: 'main', commit: 'abc1234', items, transcriptOf: (e) => readTranscript('/nowhere', e) });
    expect(markdown).toContain('_The transcript archive is not at /nowhere. Put the shared material beside the project');
    expect(markdown).toContain('Until then, open each play link._');
    expect(markdown).toContain('- **Play:** [17:40 on YouTube]');
    expect(markdown).not.toContain('**Transcript:**');
  });

  it('says so when nothing changed', () => {
    expect(formatReview({ base: 'main', commit: 'abc1234', items: [], transcriptOf: (e) => readTranscript(ARCHIVE, e) })).toBe('## Citations to review\n\nNo citation was added or changed since `main` (abc1234).');
  });
});

describe('npm run review', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe', encoding: 'utf8' });

  it('compares the working tree with a ref of the project it is run on', () => {
    withFixtureProject({ [EPISODE_FILE]: episodeText }, {}, (project) => {
      git(project, 'init', '-q');
      git(project, 'add', '.');
      git(project, 'commit', '-q', '-m', 'base');
      const guide = join(project, 'src/content/docs/guides/model-monitoring.mdx');
      writeFileSync(guide, `${readFileSync(guide, 'utf8')}\nScaling is the engineer's job ([17:04](podcast:data-team-roles@17:04)).\n`);
      const summary = join(project, 'summary.md');
      const { status, stdout } = runScript('review.ts', ['--base', 'main', '--root', project, '--archive', ARCHIVE, '--output', summary]);
      expect(stdout).toBe(`1 citation to review since main (report written to ${summary})\n`);
      const markdown = readFileSync(summary, 'utf8');
      expect(markdown).toContain("> Scaling is the engineer's job (**17:04**).");
      expect(markdown).toContain('- **Moment note:** Fixture note for the moment at 17:04.');
      expect(markdown).toContain('> **[17:04 ≈+0:00] Alexey:** Fixture words naming the engineer who scales a model service.');
      expect(status).toBe(0);

      const unknown = runScript('review.ts', ['--base', 'no-such-branch', '--root', project]);
      expect(unknown.stderr).toBe('There is no commit "no-such-branch" in this repository. Name a branch, tag or commit, such as --base main or --base origin/main (run "git fetch origin main" first in a fresh clone).\n');
      expect(unknown.status).toBe(2);
    });
  });

  it('says so outside a git checkout', () => {
    const folder = mkdtempSync(join(tmpdir(), 'mle-wiki-review-'));
    try {
      withFixtureProject({}, {}, (project) => {
        const { status, stderr } = runScript('review.ts', ['--base', 'main', '--root', project], {}, folder);
        expect(stderr).toMatch(/is not a git checkout, so there is nothing to compare with\.\n$/);
        noStackTrace(stderr);
        expect(status).toBe(2);
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
