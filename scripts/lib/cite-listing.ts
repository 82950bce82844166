import type { Chapter, Episode } from '../../src/schemas/episode.ts';
import { describeTimestampError, formatTimestamp, parseTimestamp } from '../../src/lib/timestamp.ts';
import { LONG_SEGMENT_SECONDS, paragraphsOf, spanIndexAt, spanLength, episodeEnd, type Paragraph, type Span } from './transcript.ts';

/** The chapter a second falls in: the last one that starts at or before it. */
export function chapterAt(chapters: readonly Chapter[], seconds: number): Chapter | undefined {
  return chapters.filter((chapter) => chapter.sec <= seconds).at(-1);
}

const isLong = (span: Span): boolean => span.seconds !== undefined && span.seconds >= LONG_SEGMENT_SECONDS;

/** `*    17:04    0:52       podcast:data-team-roles@17:04  note`: marker, start, length (and "long"), citation, note. */
function segmentLine(episode: Episode, span: Span, marker: string): string {
  const note = episode.moments.find((moment) => moment.t === span.t)?.note;
  const length = `${spanLength(span).padStart(6)}${isLong(span) ? ' long' : '     '}`;
  return `${marker} ${span.t.padStart(8)}  ${length}  podcast:${episode.slug}@${span.t}${note ? `  ${note}` : ''}`;
}

const chapterLine = (chapter: Chapter): string => `  ── ${chapter.t}  ${chapter.title}`;
const heading = (episode: Episode): string => `${episode.title} (${episode.guests.map((g) => g.name).join(', ')})`;
const COLUMNS = `  ${'start'.padStart(8)}  ${'length'.padStart(6)}       citation`;
const LONG_ADVICE = `A segment runs from its start to the next one; "long" marks ${LONG_SEGMENT_SECONDS} s or more. A citation opens the video at the start, so where a point comes well into a long segment, say where in the moment note ("about two minutes in, after …").`;

/** Lines of segments under their chapter headings. */
function segmentLines(episode: Episode, spans: readonly Span[], marker: (span: Span) => string): string[] {
  const lines: string[] = [];
  let chapter: Chapter | undefined;
  for (const span of spans) {
    const current = chapterAt(episode.chapters, span.sec);
    if (current && current !== chapter) lines.push(chapterLine(current));
    chapter = current;
    lines.push(segmentLine(episode, span, marker(span)));
  }
  return lines;
}

/** Every segment start of the episode with its length, under its chapter headings; `*` marks moments that have a note. */
export function listEpisode(episode: Episode, spans: readonly Span[]): string[] {
  const noted = new Set(episode.moments.map((moment) => moment.t));
  const long = spans.filter(isLong).length;
  return [
    heading(episode),
    COLUMNS,
    ...segmentLines(episode, spans, (span) => (noted.has(span.t) ? '*' : ' ')),
    '',
    `${spans.length} segment starts${episode.chapters.length > 0 ? ` in ${episode.chapters.length} chapters` : ''}, ${long} of them long; * marks moments with a note.`,
    LONG_ADVICE,
  ];
}

export type NearListing = { ok: true; lines: string[] } | { ok: false; message: string };

/**
 * The segment starts nearest to `time`, with the chapter they are in, and, when the transcript is at
 * hand, what is said there: the segment the time falls in, with the one before and after.
 */
export function listNear(episode: Episode, spans: readonly Span[], time: string, paragraphs?: readonly Paragraph[]): NearListing {
  const parsed = parseTimestamp(time);
  if (!parsed.ok) return { ok: false, message: `"${time}" is not a valid time: ${describeTimestampError(time, parsed.error)}.` };
  const end = episodeEnd(spans);
  if (parsed.seconds > end) {
    const last = spans.at(-1);
    return {
      ok: false,
      message: `${time} is past the end of "${episode.title}": its last transcript segment starts at ${last?.t ?? '0:00'}${last?.seconds ? ` and runs about ${formatTimestamp(last.seconds)}` : ''}. Run "npm run cite -- ${episode.slug}" to list every start.`,
    };
  }
  const at = spans.findIndex((span) => span.sec >= parsed.seconds);
  const start = at === -1 ? spans.length : at;
  const nearby = spans.slice(Math.max(0, start - 3), start + 3);
  const exact = spans[start]?.sec === parsed.seconds;
  const lines = [
    heading(episode),
    exact ? `${time} is a segment start: cite it as [${time}](podcast:${episode.slug}@${time})` : `${formatTimestamp(parsed.seconds)} is not a segment start; the nearest are:`,
    COLUMNS,
    ...segmentLines(episode, nearby, (span) => (span.sec === parsed.seconds ? '>' : ' ')),
  ];
  if (paragraphs) lines.push('', ...transcriptAround(spans, parsed.seconds, paragraphs));
  return { ok: true, lines };
}

/**
 * What is said around a second: the segment it falls in, and the one before and after, each paragraph
 * with its speaker and, inside a long segment, about where it starts. `>` marks the paragraph the
 * second falls in.
 */
export function transcriptAround(spans: readonly Span[], seconds: number, paragraphs: readonly Paragraph[]): string[] {
  const at = spanIndexAt(spans, seconds);
  const lines = [`What is said around ${formatTimestamp(seconds)} (from the transcript archive; read it, never copy it):`];
  for (const span of spans.slice(Math.max(0, at - 1), at + 2)) {
    const placed = paragraphsOf(span, paragraphs);
    if (placed.length === 0) continue;
    const inside = span === spans[at] ? placed.filter((p) => span.sec + p.offset <= seconds).at(-1) : undefined;
    lines.push(`  ── segment ${span.t}, ${spanLength(span)} long`);
    for (const paragraph of placed) {
      const where = placed.length > 1 ? ` ≈+${formatTimestamp(paragraph.offset)}` : '';
      lines.push(`${paragraph === inside ? '>' : ' '} [${paragraph.t}${where}] ${paragraph.speaker ? `${paragraph.speaker}: ` : ''}${paragraph.text}`);
    }
  }
  return lines;
}
