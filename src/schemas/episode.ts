import { z } from 'astro/zod';
import { formatTimestamp, parseTimestamp } from '../lib/timestamp.ts';
import { httpsUrl, kebabId } from './shared.ts';

/** A point of a transcript: the time as written (`t`) and in seconds (`sec`); `checkTimes` makes them agree. */
export const SegmentSchema = z.strictObject({ t: z.string(), sec: z.int().nonnegative() });

/**
 * Times must be canonical, agree with their seconds, and be sorted and unique. One loop over a list
 * does this far faster than a refinement per entry, which matters for episodes of hundreds of segments.
 */
function checkTimes(list: readonly { t: string; sec: number }[], field: string, ctx: z.RefinementCtx): void {
  list.forEach((entry, index) => {
    // A time written as its seconds are formatted is canonical, so only a time that differs is parsed to say why.
    const expected = formatTimestamp(entry.sec);
    if (expected !== entry.t) {
      if (!parseTimestamp(entry.t).ok) {
        ctx.addIssue({ code: 'custom', path: [field, index, 't'], message: `"${entry.t}" is not a timestamp in m:ss or h:mm:ss form` });
        return;
      }
      ctx.addIssue({ code: 'custom', path: [field, index, 't'], message: `"${entry.t}" does not match sec ${entry.sec} (which is ${expected})` });
    }
    const previous = list[index - 1];
    if (previous && previous.sec >= entry.sec) {
      ctx.addIssue({ code: 'custom', path: [field, index, 'sec'], message: `${field} must be sorted and unique, but ${entry.t} follows ${previous.t}` });
    }
  });
}

export const GuestSchema = z.strictObject({ id: z.string().min(1), name: z.string().min(1) });

/** A titled section of an episode, as the archive lists it; it starts on a transcript segment. */
export const ChapterSchema = z.strictObject({ t: z.string(), sec: z.int().nonnegative(), title: z.string().min(1) });

/** An ISO 8601 duration as the archive writes it, such as PT01H01M30S or PT00H59M. */
const isoDuration = z.string().regex(/^PT(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?$/, 'a duration is written like PT01H01M30S');

export const MomentSchema = z.strictObject({
  /** The start of a transcript segment, as the segment writes it. */
  t: z.string(),
  note: z.string().min(10, 'a moment note says in a sentence what is said at that time'),
});

export const EpisodeSchema = z
  .strictObject({
    slug: kebabId('a slug'),
    /** The archive's slug, when the wiki files the episode under a shorter one (it is part of every citation). */
    archive_slug: kebabId('a slug').optional(),
    title: z.string().min(1),
    short_title: z.string().min(1),
    season: z.int().positive(),
    episode: z.int().positive(),
    /** When the archive added the episode; a few recent episodes have none. */
    date_added: z.iso.date().optional(),
    guests: z.array(GuestSchema).min(1),
    youtube_id: z.string().regex(/^[A-Za-z0-9_-]{11}$/, 'a YouTube id is 11 characters of letters, digits, "-" or "_"'),
    links: z.record(z.string(), httpsUrl),
    episode_page: httpsUrl.optional(),
    duration: isoDuration.optional(),
    summary: z.string().min(40, 'the summary needs a few sentences in our own words'),
    moments: z.array(MomentSchema).default([]),
    chapters: z.array(ChapterSchema).default([]),
    segments: z.array(SegmentSchema).min(1),
  })
  .superRefine((episode, ctx) => {
    checkTimes(episode.segments, 'segments', ctx);
    checkTimes(episode.chapters, 'chapters', ctx);
    const starts = new Set(episode.segments.map((segment) => segment.t));
    episode.chapters.forEach((chapter, index) => {
      if (!starts.has(chapter.t)) {
        ctx.addIssue({ code: 'custom', path: ['chapters', index, 't'], message: `chapter ${chapter.t} is not the start of a transcript segment of this episode` });
      }
    });
    episode.moments.forEach((moment, index) => {
      if (!starts.has(moment.t)) {
        ctx.addIssue({ code: 'custom', path: ['moments', index, 't'], message: `${moment.t} is not the start of a transcript segment of this episode` });
      }
    });
  });

export type Episode = z.infer<typeof EpisodeSchema>;
export type Segment = z.infer<typeof SegmentSchema>;
export type Chapter = z.infer<typeof ChapterSchema>;
