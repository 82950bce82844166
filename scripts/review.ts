#!/usr/bin/env node
/**
 * npm run review -- --base <ref> [--archive <folder>] [--output <file>]
 * Lists every citation added or changed since <ref>, each with its claim, its moment note, the play link
 * and, when the transcript archive is beside the project, the transcript lines said there: Markdown that
 * CI writes to the pull request's job summary, and that an author can paste into the pull request.
 */
import './lib/fast-start.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Episode } from '../src/schemas/episode.ts';
import { CONTENT, loadSiteData } from '../src/site/data.ts';
import { listDocumentFiles } from '../src/site/load.ts';
import { deliver, fail, failUsage, parseCommandLine, projectRoot, USAGE_EXIT } from './lib/cli.ts';
import { baseCommit, changedFiles, fileAt, GitError, shortCommit } from './lib/git.ts';
import { citationsToReview, formatReview, notesOfEpisodeText } from './lib/review.ts';
import { archiveFolder, readTranscript, type TranscriptRead } from './lib/transcript.ts';

const USAGE = `Usage: npm run review -- --base <ref> [options]

Lists, as Markdown, every citation added or changed since <ref> (a branch, tag or commit; compared from
where this branch left it, as a pull request is): its claim, its moment note, the link that plays it,
and the transcript lines said there when the archive is beside the project.

Options:
  --base <ref>         what to compare with, such as main or origin/main (required)
  --archive <folder>   the transcript archive (default: ../shared/sources/transcripts beside the project)
  --output <file>      write the Markdown to <file>, such as "$GITHUB_STEP_SUMMARY" in CI
  --root <folder>      the project, a git checkout (default: the current folder)
  -h, --help           show this help`;

const { values } = parseCommandLine({
  usage: USAGE,
  options: { base: { type: 'string' }, archive: { type: 'string' }, output: { type: 'string' }, root: { type: 'string', default: '.' } },
});
if (values.base === undefined || values.base.trim() === '') failUsage('Name the commit to compare with: --base <ref>, such as --base main.', USAGE);
const PROJECT_ROOT = projectRoot(values.root);
const archive = archiveFolder(values.archive, PROJECT_ROOT);
if (!archive.ok) fail(archive.message, USAGE_EXIT);

let commit: string;
let changed: string[];
try {
  commit = baseCommit(PROJECT_ROOT, values.base);
  changed = changedFiles(PROJECT_ROOT, commit, [CONTENT.docs.dir, CONTENT.episodes.dir]);
} catch (error) {
  if (error instanceof GitError) fail(error.message, USAGE_EXIT);
  throw error;
}

const { data } = loadSiteData(PROJECT_ROOT);
const pages = listDocumentFiles(PROJECT_ROOT);
const isPage = (file: string) => file.startsWith(`${CONTENT.docs.dir}/`) && CONTENT.docs.pattern.test(file);
const changedPages = new Map(changed.filter(isPage).map((file) => [file, fileAt(PROJECT_ROOT, commit, file)]));
const notesBefore = new Map(
  changed
    .filter((file) => file.startsWith(`${CONTENT.episodes.dir}/`) && file.endsWith('.json'))
    .map((file) => [file.slice(CONTENT.episodes.dir.length + 1, -'.json'.length), notesOfEpisodeText(fileAt(PROJECT_ROOT, commit, file))]),
);
const items = citationsToReview({ pages, textOf: (file) => readFileSync(join(PROJECT_ROOT, file), 'utf8'), changedPages, episodes: data.episodes, notesBefore });

const transcripts = new Map<string, TranscriptRead>();
const transcriptOf = (episode: Episode): TranscriptRead => {
  let read = transcripts.get(episode.slug);
  if (!read) transcripts.set(episode.slug, (read = readTranscript(archive.dir, episode)));
  return read;
};
const report = formatReview({ base: values.base, commit: shortCommit(PROJECT_ROOT, commit), items, transcriptOf });
deliver(report, values.output, `${items.length} citation${items.length === 1 ? '' : 's'} to review since ${values.base}`);
