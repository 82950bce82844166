#!/usr/bin/env node
/**
 * npm run cite -- <episode> [time]
 * Lists an episode's transcript segment starts under their chapters, with the notes of cited moments,
 * or the starts nearest to a time, so a contributor can pick a timestamp the checker accepts.
 */
import './lib/fast-start.ts';
import { closest } from 'fastest-levenshtein';
import { loadSiteData } from '../src/site/data.ts';
import { listEpisode, listNear } from './lib/cite-listing.ts';

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
  const invalid = data.invalid.has(`episodes/${slug}`);
  console.error(invalid ? `src/content/episodes/${slug}.json is invalid; run "npm run check" to see why.` : `No episode "${slug}" in src/content/episodes/. Did you mean "${closest(slug, slugs)}"? Run "npm run cite" for the list.`);
  process.exit(1);
}
if (time === undefined) {
  console.log(listEpisode(episode).join('\n'));
} else {
  const near = listNear(episode, time);
  if (!near.ok) {
    console.error(near.message);
    process.exit(1);
  }
  console.log(near.lines.join('\n'));
}
