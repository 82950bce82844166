#!/usr/bin/env node
/**
 * npm run cite -- <episode> [time] [--archive <folder>]
 * Lists an episode's transcript segment starts under their chapters, each with its length and the notes
 * of cited moments, or the starts nearest to a time with the transcript lines said there, so that a
 * contributor picks a timestamp the checker accepts and a reviewer reads what is said at it.
 */
import './lib/fast-start.ts';
import { loadSiteData } from '../src/site/data.ts';
import { closestName } from '../src/lib/closest-name.ts';
import { fail, parseCommandLine, projectRoot, USAGE_EXIT } from './lib/cli.ts';
import { listEpisode, listNear } from './lib/cite-listing.ts';
import { archiveFolder, readTranscript, segmentSpans } from './lib/transcript.ts';

const USAGE = `Usage: npm run cite -- <episode> [time] [options]

Without a time: every transcript segment start of the episode under its chapters, with each segment's
length and the notes of cited moments. With a time (m:ss or h:mm:ss): the starts nearest to it, and the
transcript lines said around it when the archive is beside the project. Without an episode: the episodes.

Options:
  --archive <folder>   the transcript archive (default: ../shared/sources/transcripts beside the project)
  --root <folder>      the project (default: the current folder)
  -h, --help           show this help`;

const { values, positionals } = parseCommandLine({ usage: USAGE, maxPositionals: 2, options: { archive: { type: 'string' }, root: { type: 'string', default: '.' } } });
const [slug, time] = positionals;
const root = projectRoot(values.root);
const archive = archiveFolder(values.archive, root);
if (!archive.ok) fail(archive.message, USAGE_EXIT);
const { data } = loadSiteData(root);
const slugs = [...data.episodes.keys()].sort();

if (slug === undefined) {
  console.log(`${USAGE}\n\nEpisodes:`);
  for (const id of slugs) console.log(`  ${id.padEnd(56)} ${data.episodes.get(id)?.title ?? ''}`);
  process.exit(0);
}
// An episode filed under a short slug is found by the archive's slug too; its citations use the short one.
const byArchiveSlug = [...data.episodes.values()].find((candidate) => candidate.archive_slug === slug);
if (byArchiveSlug) console.log(`"${slug}" is the archive's slug of an episode the wiki files as "${byArchiveSlug.slug}": cite it as podcast:${byArchiveSlug.slug}@<time>.\n`);
const episode = data.episodes.get(slug) ?? byArchiveSlug;
if (!episode) {
  if (data.invalid.has(`episodes/${slug}`)) fail(`src/content/episodes/${slug}.json is invalid; run "npm run check" to see why.`);
  const meant = closestName(slug, [...data.episodes.values()].map((e) => ({ id: e.slug, names: [e.archive_slug ?? '', e.short_title] })), { nearOnly: true });
  fail(`No episode "${slug}" in src/content/episodes/.${meant ? ` Did you mean "${meant}"?` : ''} Run "npm run cite" for the list, or "npm run import-episode -- ${slug}" to import it from the archive.`);
}

const transcript = readTranscript(archive.dir, episode);
const paragraphs = transcript.ok ? transcript.paragraphs : undefined;
const spans = segmentSpans(episode, paragraphs);
if (time === undefined) {
  console.log(listEpisode(episode, spans).join('\n'));
} else {
  const near = listNear(episode, spans, time, paragraphs);
  if (!near.ok) fail(near.message);
  console.log(near.lines.join('\n'));
}
if (!transcript.ok) console.log(`\n${transcript.message}`);
