import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EpisodeSchema, type Episode } from '../../src/schemas/episode.ts';
import { listEpisode, listNear } from '../../scripts/lib/cite-listing.ts';
import { parseTranscript, readTranscript, segmentSpans, transcriptsBeside } from '../../scripts/lib/transcript.ts';
import { BASE_FIXTURE, fixture, withFixtureProject } from '../helpers/fixture-project.ts';
import { noStackTrace, runScript, startScript } from '../helpers/run-script.ts';

/**
 * `npm run cite`: segment lengths, and the transcript lines around a time, read from an archive beside
 * the project. The archive here is a fixture of our own (tests/fixtures/archive), named by the archive's
 * slug as the real one is; the fixture episode is filed under a shorter slug that names it.
 */

const ARCHIVE = join(BASE_FIXTURE, '..', 'archive', 'transcripts');
const ARCHIVE_SLUG = 'roles-in-a-data-team-archive-name';
const EPISODE_FILE = 'src/content/episodes/data-team-roles.json';
const episodeText = () => fixture(`base/${EPISODE_FILE}`).replace('"slug": "data-team-roles",', `"slug": "data-team-roles",\n "archive_slug": "${ARCHIVE_SLUG}",`);
const episode: Episode = EpisodeSchema.parse(JSON.parse(episodeText()));

describe('reading the transcript archive', () => {
  const read = readTranscript(ARCHIVE, episode);

  it('finds an episode filed under a short slug by the archive slug it names', () => {
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.paragraphs.map((p) => p.t)).toEqual(['0:00', '0:09', '16:48', '17:04', '17:04', '17:40', '17:40', '17:40', '1:01:00']);
    expect(read.paragraphs[4]).toMatchObject({ t: '17:04', sec: 1024, speaker: 'Guest', text: 'Fixture reply agreeing with the host.', words: 6 });
  });

  it('skips lines that are not paragraphs, and reads a paragraph without a speaker', () => {
    expect(parseTranscript('# Title\n\n[0:05] Just words, no speaker\r\n[bad] x\n[1:02:03] Host: Past the hour.').map((p) => `${p.t}|${p.speaker}|${p.text}`)).toEqual([
      '0:05||Just words, no speaker',
      '1:02:03|Host|Past the hour.',
    ]);
  });

  it('says where to get the archive when it is missing, and names the file when the archive lacks it', () => {
    const missing = readTranscript('/nowhere/transcripts', episode);
    expect(missing).toMatchObject({ ok: false, reason: 'no-archive' });
    if (!missing.ok) expect(missing.message).toMatch(/^The transcript archive is not at \/nowhere\/transcripts\. Put the shared material beside the project .+ or pass --archive <folder>/);
    const unnamed = readTranscript(ARCHIVE, { ...episode, archive_slug: undefined } as Episode);
    expect(unnamed).toMatchObject({ ok: false, reason: 'no-file' });
    expect(transcriptsBeside('/work/wiki')).toBe('/work/shared/sources/transcripts');
  });
});

describe('segment lengths', () => {
  const read = readTranscript(ARCHIVE, episode);
  const paragraphs = read.ok ? read.paragraphs : [];

  it('run to the next start; the last is estimated from its words, or unknown without them', () => {
    const spans = segmentSpans(episode, paragraphs);
    expect(spans.map((span) => span.seconds)).toEqual([9, 999, 16, 36, 2600, 3]);
    expect(spans.at(-1)?.estimated).toBe(true);
    expect(segmentSpans(episode).at(-1)?.seconds).toBeUndefined();
  });

  it('are listed beside every start, with the long ones marked and what to do about them', () => {
    const lines = listEpisode(episode, segmentSpans(episode, paragraphs));
    expect(lines).toContain('*    17:04    0:36       podcast:data-team-roles@17:04  Fixture note for the moment at 17:04.');
    expect(lines).toContain('     17:40   43:20 long  podcast:data-team-roles@17:40');
    expect(lines).toContain('*  1:01:00   ≈0:03       podcast:data-team-roles@1:01:00  Fixture note for the moment past the first hour.');
    expect(lines.at(-2)).toBe('6 segment starts, 2 of them long; * marks moments with a note.');
    expect(lines.at(-1)).toContain('say where in the moment note ("about two minutes in, after …")');
  });
});

describe('the transcript lines around a time', () => {
  const read = readTranscript(ARCHIVE, episode);
  const paragraphs = read.ok ? read.paragraphs : [];
  const spans = segmentSpans(episode, paragraphs);

  it('shows the segment the time falls in with its neighbours, marking the paragraph said at that second', () => {
    const near = listNear(episode, spans, '17:10', paragraphs);
    expect(near.ok).toBe(true);
    if (!near.ok) return;
    const from = near.lines.findIndex((line) => line.startsWith('What is said around 17:10'));
    expect(near.lines.slice(from + 1)).toEqual([
      '  ── segment 16:48, 0:16 long',
      '  [16:48] Alexey: Fixture words that lead up to the engineering roles.',
      '  ── segment 17:04, 0:36 long',
      '> [17:04 ≈+0:00] Alexey: Fixture words naming the engineer who scales a model service.',
      '  [17:04 ≈+0:23] Guest: Fixture reply agreeing with the host.',
      '  ── segment 17:40, 43:20 long',
      '  [17:40 ≈+0:00] Alexey: Fixture words on building the service together, at the start of a long stretch.',
      '  [17:40 ≈+14:27] Alexey: Fixture words said in the middle of the long stretch, about twenty minutes into it.',
      '  [17:40 ≈+29:55] Alexey: Fixture words said near the end of the long stretch, before the closing.',
    ]);
  });

  it('places a time inside a long segment at the paragraph said about then', () => {
    const near = listNear(episode, spans, '40:00', paragraphs);
    expect(near.ok && near.lines.filter((line) => line.startsWith('>'))).toEqual(['> [17:40 ≈+14:27] Alexey: Fixture words said in the middle of the long stretch, about twenty minutes into it.']);
  });

  it('refuses a time past the end of the episode, and a malformed one', () => {
    expect(listNear(episode, spans, '2:00:00', paragraphs)).toEqual({
      ok: false,
      message: '2:00:00 is past the end of "Data Team Roles Explained": its last transcript segment starts at 1:01:00 and runs about 0:03. Run "npm run cite -- data-team-roles" to list every start.',
    });
    expect(listNear(episode, spans, '17:4')).toMatchObject({ ok: false, message: expect.stringContaining('"17:4" is not a valid time') });
  });
});

describe('npm run cite', () => {
  it('prints the lines around a time, found by either slug, and says when the archive is missing', () => {
    withFixtureProject({ [EPISODE_FILE]: episodeText() }, {}, (project) => {
      const found = runScript('cite.ts', [ARCHIVE_SLUG, '17:04', '--root', project, '--archive', ARCHIVE]);
      expect(found.stdout).toContain(`"${ARCHIVE_SLUG}" is the archive's slug of an episode the wiki files as "data-team-roles": cite it as podcast:data-team-roles@<time>.`);
      expect(found.stdout).toContain('17:04 is a segment start: cite it as [17:04](podcast:data-team-roles@17:04)');
      expect(found.stdout).toContain('> [17:04 ≈+0:00] Alexey: Fixture words naming the engineer who scales a model service.');
      expect(found.status).toBe(0);

      const missing = runScript('cite.ts', ['data-team-roles', '17:04', '--root', project]);
      expect(missing.stdout).toContain('The transcript archive is not at ');
      expect(missing.stdout).not.toContain('What is said');
      expect(missing.status).toBe(0);
    });
  });

  it('fails clearly on an unknown episode, a time past the end and an archive folder that is not there', async () => {
    const [unknown, late, archive] = await Promise.all([
      startScript('cite.ts', ['data-roles', '--root', BASE_FIXTURE]),
      startScript('cite.ts', ['data-team-roles', '3:00:00', '--root', BASE_FIXTURE]),
      startScript('cite.ts', ['data-team-roles', '--root', BASE_FIXTURE, '--archive', 'no/such/folder']),
    ]);
    expect(unknown.stderr).toBe('No episode "data-roles" in src/content/episodes/. Did you mean "data-team-roles"? Run "npm run cite" for the list, or "npm run import-episode -- data-roles" to import it from the archive.\n');
    expect(unknown.status).toBe(1);
    expect(late.stderr).toMatch(/^3:00:00 is past the end of "Data Team Roles Explained"/);
    noStackTrace(late.stderr);
    expect(late.status).toBe(1);
    expect(archive.stderr).toMatch(/^--archive no\/such\/folder: there is no folder .+no\/such\/folder; name the folder that holds the archive's transcripts/);
    expect(archive.status).toBe(2);
  });
});
