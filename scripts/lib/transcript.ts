import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatTimestamp, parseTimestamp } from '../../src/lib/timestamp.ts';
import type { Episode } from '../../src/schemas/episode.ts';

/**
 * The transcript archive beside the project (../shared/sources/transcripts, the archive whose episode
 * facts `npm run import-episode` copies): one Markdown file per episode, named by the archive's slug,
 * with a line per paragraph, `[m:ss] Speaker: text`. A long segment is written as several paragraphs
 * that share its start. Only contributors' commands read it (`cite`, `review`); the site never does,
 * and nothing of it is copied into the project.
 */

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
/** The archive's transcripts beside a project: `<project>/../shared/sources/transcripts`. */
export const transcriptsBeside = (root: string): string => join(root, '..', 'shared', 'sources', 'transcripts');

/** A segment this long or longer holds several points: a moment note should say where in it the point is made. */
export const LONG_SEGMENT_SECONDS = 90;
/** Speech runs at about 150 words a minute; it places paragraphs inside a segment and ends the last one. */
const WORDS_PER_SECOND = 2.5;

export interface Paragraph {
  /** The segment start the paragraph belongs to, as written. */
  t: string;
  sec: number;
  speaker: string;
  text: string;
  words: number;
}

/** The paragraphs of a transcript file, in order; lines of any other shape (title, headings, notes) are skipped. */
export function parseTranscript(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of text.split(/\r\n?|\n/)) {
    const match = /^\[(\d+:\d{2}(?::\d{2})?)\]\s+(?:([^:\]]{1,60}):\s+)?(.*)$/.exec(line);
    if (!match) continue;
    const [, t = '', speaker = '', body = ''] = match;
    const parsed = parseTimestamp(t);
    if (!parsed.ok) continue;
    paragraphs.push({ t, sec: parsed.seconds, speaker: speaker.trim(), text: body.trim(), words: body.split(/\s+/).filter(Boolean).length });
  }
  return paragraphs;
}

export type TranscriptRead =
  | { ok: true; paragraphs: Paragraph[]; file: string }
  | { ok: false; reason: 'no-archive' | 'no-file'; message: string };

/** Where an archive folder is, as a contributor would type it: relative when near, else in full. */
function shown(path: string): string {
  const near = relative(process.cwd(), path) || '.';
  return near.startsWith('../..') ? path : near;
}

/**
 * The archive folder a command reads: the one `--archive` names, which must exist (a mistyped folder is an
 * error, exit 2), or the one beside the project, which may be missing (the command says where to get it).
 */
export function archiveFolder(named: string | undefined, root: string): { ok: true; dir: string } | { ok: false; message: string } {
  if (named === undefined) return { ok: true, dir: transcriptsBeside(root) };
  const dir = resolve(named);
  return existsSync(dir) ? { ok: true, dir } : { ok: false, message: `--archive ${named}: there is no folder ${dir}; name the folder that holds the archive's transcripts (<archive-slug>.md files), or leave --archive out to use ../shared/sources/transcripts.` };
}

/** The transcript of an episode, found by the archive's slug whatever slug the wiki files it under. */
export function readTranscript(archiveDir: string, episode: Episode): TranscriptRead {
  if (!existsSync(archiveDir)) {
    return {
      ok: false,
      reason: 'no-archive',
      message: `The transcript archive is not at ${shown(archiveDir)}. Put the shared material beside the project (the folder ../shared that npm run import-episode reads, with sources/transcripts/ in it), or pass --archive <folder>, to see the words said at each time.`,
    };
  }
  const name = episode.archive_slug ?? episode.slug;
  const file = join(archiveDir, `${name}.md`);
  if (!existsSync(file)) {
    return { ok: false, reason: 'no-file', message: `The archive at ${shown(archiveDir)} has no transcript ${name}.md for "${episode.slug}"${episode.archive_slug ? ` (filed in the archive as ${episode.archive_slug})` : ''}.` };
  }
  return { ok: true, paragraphs: parseTranscript(readFileSync(file, 'utf8')), file };
}

/** A transcript segment: from its start to the next one. */
export interface Span {
  t: string;
  sec: number;
  /** Its length in seconds; for the last segment an estimate (or undefined when nothing tells). */
  seconds: number | undefined;
  /** Whether the length is an estimate: the last segment has no next start to end it. */
  estimated: boolean;
}

const durationSeconds = (duration: string | undefined): number | undefined => {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration ?? '');
  return match ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : undefined;
};

/**
 * Every segment with its length. The last one ends where its words would end at the pace of speech,
 * when the transcript is at hand, or at the episode's duration when that lies after its start.
 */
export function segmentSpans(episode: Episode, paragraphs?: readonly Paragraph[]): Span[] {
  return episode.segments.map((segment, at) => {
    const next = episode.segments[at + 1];
    if (next) return { t: segment.t, sec: segment.sec, seconds: next.sec - segment.sec, estimated: false };
    const words = paragraphs?.filter((p) => p.sec === segment.sec).reduce((sum, p) => sum + p.words, 0) ?? 0;
    const duration = durationSeconds(episode.duration);
    const estimate = words > 0 ? Math.round(words / WORDS_PER_SECOND) : duration !== undefined && duration > segment.sec ? duration - segment.sec : undefined;
    return { t: segment.t, sec: segment.sec, seconds: estimate, estimated: true };
  });
}

/** The second after which no citation can fall: the end of the last segment, as far as it is known. */
export function episodeEnd(spans: readonly Span[]): number {
  const last = spans.at(-1);
  return last ? last.sec + (last.seconds ?? 0) : 0;
}

/** "0:52", "3:10", with "≈" for an estimate and "?" when unknown. */
export function spanLength(span: Span): string {
  if (span.seconds === undefined) return '?';
  return `${span.estimated ? '≈' : ''}${formatTimestamp(span.seconds)}`;
}

/** A paragraph with where it starts inside its segment, estimated from the words before it. */
export interface PlacedParagraph extends Paragraph {
  /** Seconds after the segment start, estimated; 0 for the first paragraph. */
  offset: number;
}

/**
 * The paragraphs of one segment, each placed inside it: the segment's length shared out by words,
 * so a writer can tell the reader "about two minutes in".
 */
export function paragraphsOf(span: Span, paragraphs: readonly Paragraph[]): PlacedParagraph[] {
  const own = paragraphs.filter((p) => p.sec === span.sec);
  const total = own.reduce((sum, p) => sum + p.words, 0);
  const length = span.seconds ?? total / WORDS_PER_SECOND;
  let before = 0;
  return own.map((paragraph) => {
    const offset = total === 0 ? 0 : Math.round((before / total) * length);
    before += paragraph.words;
    return { ...paragraph, offset };
  });
}

/** The index of the segment a second falls in: the last that starts at or before it (0 before the first). */
export function spanIndexAt(spans: readonly Span[], seconds: number): number {
  let found = 0;
  spans.forEach((span, at) => {
    if (span.sec <= seconds) found = at;
  });
  return found;
}
