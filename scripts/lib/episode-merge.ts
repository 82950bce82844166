/** How an episode's facts from the archive meet what the wiki wrote in its file. */

/** Facts that come from the archive, in the order the files list them. */
const ARCHIVE_FIELDS = ['slug', 'title', 'short_title', 'season', 'episode', 'date_added', 'guests', 'youtube_id', 'links', 'episode_page', 'duration'] as const;

export type Json = Record<string, unknown>;

/**
 * Facts the wiki has corrected where the archive is wrong (a guest named after the wrong person, an id
 * with a URL fragment): an existing file keeps its value, and the difference is printed.
 */
const CORRECTABLE_FIELDS = new Set(['slug', 'guests', 'short_title', 'youtube_id']);

export function mergeEpisode(archive: Json, existing: Json | undefined, notice: (message: string) => void): Json {
  const merged: Json = {};
  for (const field of ARCHIVE_FIELDS) {
    const value = archive[field];
    const kept = existing?.[field];
    if (kept !== undefined && CORRECTABLE_FIELDS.has(field) && JSON.stringify(kept) !== JSON.stringify(value)) {
      notice(`kept the wiki's "${field}" ${JSON.stringify(kept)}; the archive says ${JSON.stringify(value)}`);
      merged[field] = kept;
      // A shorter slug of the wiki's keeps the archive's beside it, so the next import finds the file.
      if (field === 'slug' && existing?.['archive_slug'] !== undefined) merged['archive_slug'] = existing['archive_slug'];
      continue;
    }
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
