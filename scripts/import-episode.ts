/**
 * Copies the facts of podcast episodes from the archive beside the project (../shared/sources/episodes)
 * into src/content/episodes/, keeping what the wiki wrote itself (summary and moment notes).
 *
 *   npm run import-episode -- <slug> [<slug> ...]        one or more episodes
 *   npm run import-episode -- --all                      refresh every episode already in the project
 *   npm run import-episode -- <slug> --from <dir>        another archive folder
 *
 * Only contributors run this; the site and the tests never read the archive.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const EPISODES_DIR = join(ROOT, 'src/content/episodes');

/** Facts that come from the archive, in the order the files list them. */
const ARCHIVE_FIELDS = ['slug', 'title', 'short_title', 'season', 'episode', 'date_added', 'guests', 'youtube_id', 'links', 'episode_page', 'duration'] as const;

type Json = Record<string, unknown>;

function mergeEpisode(archive: Json, existing: Json | undefined): Json {
  const merged: Json = {};
  for (const field of ARCHIVE_FIELDS) {
    const value = archive[field];
    // The archive writes "" for a date it does not know; the wiki leaves the field out.
    if (value !== undefined && value !== '') merged[field] = value;
  }
  merged['summary'] = existing?.['summary'] ?? '';
  merged['moments'] = existing?.['moments'] ?? [];
  const chapters = archive['chapters'];
  if (Array.isArray(chapters) && chapters.length > 0) merged['chapters'] = chapters;
  merged['segments'] = archive['segments'];
  return merged;
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { all: { type: 'boolean', default: false }, from: { type: 'string', default: join(ROOT, '..', 'shared', 'sources', 'episodes') } },
  });
  const archiveDir = resolve(values.from);
  if (!existsSync(archiveDir)) {
    console.error(`No episode archive at ${archiveDir}. Put the shared material beside the project, or pass --from <folder>.`);
    return 2;
  }
  const slugs = values.all ? readdirSync(EPISODES_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : positionals;
  if (slugs.length === 0) {
    console.error('Name the episodes to import: npm run import-episode -- <slug> [<slug> ...], or --all to refresh every episode in the project.');
    return 2;
  }
  let failed = 0;
  for (const slug of slugs) {
    const source = join(archiveDir, `${slug}.json`);
    if (!existsSync(source)) {
      console.error(`✗ ${slug}: no ${source}`);
      failed += 1;
      continue;
    }
    const target = join(EPISODES_DIR, `${slug}.json`);
    const existing = existsSync(target) ? (JSON.parse(readFileSync(target, 'utf8')) as Json) : undefined;
    const merged = mergeEpisode(JSON.parse(readFileSync(source, 'utf8')) as Json, existing);
    writeFileSync(target, `${JSON.stringify(merged, null, 1)}\n`);
    const todo = merged['summary'] === '' ? ': now write its "summary" in your own words, and a note for each moment you cite' : '';
    console.log(`✓ ${slug} → src/content/episodes/${slug}.json${existing ? ' (summary and moments kept)' : ''}${todo}`);
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
