import { z } from 'astro/zod';
import { formatTimestamp, parseTimestamp } from '../lib/timestamp.ts';
import { kebabId } from './shared.ts';

const canonicalTimestamp = z.string().superRefine((text, ctx) => {
  const parsed = parseTimestamp(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `"${text}" is not a timestamp in m:ss or h:mm:ss form` });
});

export const SegmentSchema = z
  .strictObject({ t: canonicalTimestamp, sec: z.int().nonnegative() })
  .superRefine((segment, ctx) => {
    const expected = formatTimestamp(segment.sec);
    if (expected !== segment.t) {
      ctx.addIssue({
        code: 'custom',
        path: ['t'],
        message: `"${segment.t}" does not match sec ${segment.sec} (which is ${expected})`,
      });
    }
  });

export const GuestSchema = z.strictObject({ id: z.string().min(1), name: z.string().min(1) });

/** A titled section of an episode, as the archive lists it; it starts on a transcript segment. */
export const ChapterSchema = z
  .strictObject({ t: canonicalTimestamp, sec: z.int().nonnegative(), title: z.string().min(1) })
  .superRefine((chapter, ctx) => {
    const expected = formatTimestamp(chapter.sec);
    if (expected !== chapter.t) {
      ctx.addIssue({ code: 'custom', path: ['t'], message: `"${chapter.t}" does not match sec ${chapter.sec} (which is ${expected})` });
    }
  });

/** An ISO 8601 duration as the archive writes it, such as PT01H01M30S or PT00H59M. */
const isoDuration = z.string().regex(/^PT(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?$/, 'a duration is written like PT01H01M30S');

export const MomentSchema = z.strictObject({
  t: canonicalTimestamp,
  note: z.string().min(10, 'a moment note says in a sentence what is said at that time'),
});

export const EpisodeSchema = z
  .strictObject({
    slug: kebabId('a slug'),
    title: z.string().min(1),
    short_title: z.string().min(1),
    season: z.int().positive(),
    episode: z.int().positive(),
    /** When the archive added the episode; a few recent episodes have none. */
    date_added: z.iso.date().optional(),
    guests: z.array(GuestSchema).min(1),
    youtube_id: z.string().regex(/^[A-Za-z0-9_-]{11}$/, 'a YouTube id is 11 characters of letters, digits, "-" or "_"'),
    links: z.record(z.string(), z.url()),
    episode_page: z.url().optional(),
    duration: isoDuration.optional(),
    summary: z.string().min(40, 'the summary needs a few sentences in our own words'),
    moments: z.array(MomentSchema).default([]),
    chapters: z.array(ChapterSchema).default([]),
    segments: z.array(SegmentSchema).min(1),
  })
  .superRefine((episode, ctx) => {
    episode.segments.forEach((segment, index) => {
      const previous = episode.segments[index - 1];
      if (previous && previous.sec >= segment.sec) {
        ctx.addIssue({
          code: 'custom',
          path: ['segments', index, 'sec'],
          message: `segments must be sorted and unique, but ${segment.t} follows ${previous.t}`,
        });
      }
    });
    const starts = new Set(episode.segments.map((segment) => segment.t));
    episode.chapters.forEach((chapter, index) => {
      const previous = episode.chapters[index - 1];
      if (previous && previous.sec >= chapter.sec) {
        ctx.addIssue({ code: 'custom', path: ['chapters', index, 'sec'], message: `chapters must be sorted and unique, but ${chapter.t} follows ${previous.t}` });
      }
      if (!starts.has(chapter.t)) {
        ctx.addIssue({ code: 'custom', path: ['chapters', index, 't'], message: `chapter ${chapter.t} is not the start of a transcript segment of this episode` });
      }
    });
    episode.moments.forEach((moment, index) => {
      if (!starts.has(moment.t)) {
        ctx.addIssue({
          code: 'custom',
          path: ['moments', index, 't'],
          message: `${moment.t} is not the start of a transcript segment of this episode`,
        });
      }
    });
  });

export type Episode = z.infer<typeof EpisodeSchema>;
export type Segment = z.infer<typeof SegmentSchema>;
export type Chapter = z.infer<typeof ChapterSchema>;
