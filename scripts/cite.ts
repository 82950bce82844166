#!/usr/bin/env node
/**
 * npm run cite -- <episode> [time]
 * Lists an episode's transcript segment starts (with their notes), or the ones nearest to a time, so a
 * contributor can pick a timestamp the checker accepts.
 */
import { closest } from 'fastest-levenshtein';
import { loadSiteData } from '../src/references/load-project.ts';
import { describeTimestampError, formatTimestamp, parseTimestamp } from '../src/references/timestamp.ts';

const [slug, time] = process.argv.slice(2);
const { data } = loadSiteData(process.cwd());
const slugs = [...data.episodes.keys()].sort();

if (!slug) {
  console.log('Usage: npm run cite -- <episode> [time]\n\nEpisodes:');
  for (const id of slugs) console.log(`  ${id.padEnd(56)} ${data.episodes.get(id)?.title ?? ''}`);
  process.exit(0);
}
const episode = data.episodes.get(slug);
if (!episode) {
  console.error(`No episode "${slug}" in src/content/episodes/. Did you mean "${closest(slug, slugs)}"? Run "npm run cite" for the list.`);
  process.exit(1);
}

const notes = new Map(episode.moments.map((moment) => [moment.t, moment.note]));
const line = (segment: { t: string; sec: number }, marker = ' ') =>
  `${marker} ${segment.t.padStart(8)}  podcast:${slug}@${segment.t}${notes.has(segment.t) ? `  ${notes.get(segment.t)}` : ''}`;

console.log(`${episode.title} (${episode.guests.map((g) => g.name).join(', ')})`);
if (time === undefined) {
  for (const segment of episode.segments) console.log(line(segment, notes.has(segment.t) ? '*' : ' '));
  console.log(`\n${episode.segments.length} segment starts; * marks moments with a note.`);
  process.exit(0);
}

const parsed = parseTimestamp(time);
if (!parsed.ok) {
  console.error(`"${time}" is not a valid time: ${describeTimestampError(time, parsed.error)}.`);
  process.exit(1);
}
const index = episode.segments.findIndex((segment) => segment.sec >= parsed.seconds);
const at = index === -1 ? episode.segments.length : index;
const nearby = episode.segments.slice(Math.max(0, at - 3), at + 3);
const exact = episode.segments[at]?.sec === parsed.seconds;
console.log(exact ? `${time} is a segment start: cite it as [${time}](podcast:${slug}@${time})` : `${formatTimestamp(parsed.seconds)} is not a segment start; the nearest are:`);
for (const segment of nearby) console.log(line(segment, segment.sec === parsed.seconds ? '>' : ' '));
