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
import { join, relative, resolve } from 'node:path';
import { parseCommandLine, USAGE_EXIT } from './lib/cli.ts';
import { mergeEpisode, type Json } from './lib/episode-merge.ts';

const ROOT = resolve(import.meta.dirname, '..');
const EPISODES_DIR = join(ROOT, 'src/content/episodes');

const USAGE = `Usage: npm run import-episode -- <slug> [<slug> ...] [options]

Copies the facts of podcast episodes (title, guests, links, chapters, segment starts) from the archive
beside the project into src/content/episodes/, keeping the summary and moment notes the wiki wrote.

Options:
  --all             refresh every episode already in the project
  --from <folder>   the archive's episode folder (default: ../shared/sources/episodes)
  -h, --help        show this help`;

function main(): number {
  const { values, positionals } = parseCommandLine({
    usage: USAGE,
    maxPositionals: Number.POSITIVE_INFINITY,
    options: { all: { type: 'boolean', default: false }, from: { type: 'string', default: join(ROOT, '..', 'shared', 'sources', 'episodes') } },
  });
  const archiveDir = resolve(values.from);
  if (!existsSync(archiveDir)) {
    console.error(`No episode archive at ${archiveDir}. Put the shared material beside the project, or pass --from <folder>.`);
    return USAGE_EXIT;
  }
  // The wiki files a few episodes under a shorter slug than the archive; each such file names the archive's.
  const fileByArchiveSlug = new Map<string, string>();
  for (const name of readdirSync(EPISODES_DIR).filter((f) => f.endsWith('.json'))) {
    const read = readJson(join(EPISODES_DIR, name));
    const archiveSlug = read.ok ? read.json['archive_slug'] : undefined;
    fileByArchiveSlug.set(typeof archiveSlug === 'string' ? archiveSlug : name.slice(0, -5), name.slice(0, -5));
  }
  const slugs = values.all ? [...fileByArchiveSlug.keys()] : positionals;
  if (slugs.length === 0) {
    console.error(`Name the episodes to import, or --all to refresh every episode in the project.\n\n${USAGE}`);
    return USAGE_EXIT;
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
    const archived = readJson(source);
    const existing = existsSync(target) ? readJson(target) : undefined;
    const unreadable = [archived, existing].find((read) => read !== undefined && !read.ok);
    if (unreadable && !unreadable.ok) {
      console.error(`✗ ${slug}: ${unreadable.message}`);
      failed += 1;
      continue;
    }
    if (!archived.ok || existing?.ok === false) continue;
    const merged = mergeEpisode(archived.json, existing?.json, (message) => console.log(`  ${slug}: ${message}`));
    writeFileSync(target, `${JSON.stringify(merged, null, 1)}\n`);
    const todo = merged['summary'] === '' ? ': now write its "summary" in your own words, and a note for each moment you cite' : '';
    console.log(`✓ ${slug} → src/content/episodes/${fileSlug}.json${existing ? ' (summary and moments kept)' : ''}${todo}`);
  }
  return failed === 0 ? 0 : 1;
}

/** A JSON object from a file, or what is wrong with it (an import must not end in a stack trace). */
function readJson(path: string): { ok: true; json: Json } | { ok: false; message: string } {
  try {
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) return { ok: true, json: json as Json };
    return { ok: false, message: `${relative(process.cwd(), path)} does not hold a JSON object` };
  } catch (error) {
    return { ok: false, message: `${relative(process.cwd(), path)} cannot be read as JSON (${(error as Error).message}); correct it (npm run check shows where) or delete it to import afresh` };
  }
}

process.exitCode = main();
