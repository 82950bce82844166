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
import { mergeEpisode, type Json } from './lib/episode-merge.ts';

const ROOT = resolve(import.meta.dirname, '..');
const EPISODES_DIR = join(ROOT, 'src/content/episodes');

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
  // The wiki files a few episodes under a shorter slug than the archive; each such file names the archive's.
  const fileByArchiveSlug = new Map<string, string>();
  for (const name of readdirSync(EPISODES_DIR).filter((f) => f.endsWith('.json'))) {
    const archiveSlug = (JSON.parse(readFileSync(join(EPISODES_DIR, name), 'utf8')) as Json)['archive_slug'];
    fileByArchiveSlug.set(typeof archiveSlug === 'string' ? archiveSlug : name.slice(0, -5), name.slice(0, -5));
  }
  const slugs = values.all ? [...fileByArchiveSlug.keys()] : positionals;
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
    const fileSlug = fileByArchiveSlug.get(slug) ?? slug;
    const target = join(EPISODES_DIR, `${fileSlug}.json`);
    const existing = existsSync(target) ? (JSON.parse(readFileSync(target, 'utf8')) as Json) : undefined;
    const merged = mergeEpisode(JSON.parse(readFileSync(source, 'utf8')) as Json, existing, (message) => console.log(`  ${slug}: ${message}`));
    writeFileSync(target, `${JSON.stringify(merged, null, 1)}\n`);
    const todo = merged['summary'] === '' ? ': now write its "summary" in your own words, and a note for each moment you cite' : '';
    console.log(`✓ ${slug} → src/content/episodes/${fileSlug}.json${existing ? ' (summary and moments kept)' : ''}${todo}`);
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
