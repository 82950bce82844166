import type { Chapter, Episode, Segment } from '../../src/schemas/episode.ts';
import { describeTimestampError, formatTimestamp, parseTimestamp } from '../../src/lib/timestamp.ts';

/** The chapter a second falls in: the last one that starts at or before it. */
export function chapterAt(chapters: readonly Chapter[], seconds: number): Chapter | undefined {
  return chapters.filter((chapter) => chapter.sec <= seconds).at(-1);
}

function segmentLine(episode: Episode, segment: Segment, marker: string): string {
  const note = episode.moments.find((moment) => moment.t === segment.t)?.note;
  return `${marker} ${segment.t.padStart(8)}  podcast:${episode.slug}@${segment.t}${note ? `  ${note}` : ''}`;
}

const chapterLine = (chapter: Chapter): string => `  ── ${chapter.t}  ${chapter.title}`;

/** Every segment start of the episode under its chapter headings; `*` marks moments that have a note. */
export function listEpisode(episode: Episode): string[] {
  const lines = [`${episode.title} (${episode.guests.map((g) => g.name).join(', ')})`];
  let chapter: Chapter | undefined;
  for (const segment of episode.segments) {
    const current = chapterAt(episode.chapters, segment.sec);
    if (current && current !== chapter) lines.push(chapterLine(current));
    chapter = current;
    lines.push(segmentLine(episode, segment, episode.moments.some((m) => m.t === segment.t) ? '*' : ' '));
  }
  lines.push('', `${episode.segments.length} segment starts${episode.chapters.length > 0 ? ` in ${episode.chapters.length} chapters` : ''}; * marks moments with a note.`);
  return lines;
}

/** The segment starts nearest to `time`, with the chapter they are in. */
export function listNear(episode: Episode, time: string): { ok: true; lines: string[] } | { ok: false; message: string } {
  const parsed = parseTimestamp(time);
  if (!parsed.ok) return { ok: false, message: `"${time}" is not a valid time: ${describeTimestampError(time, parsed.error)}.` };
  const at = episode.segments.findIndex((segment) => segment.sec >= parsed.seconds);
  const start = at === -1 ? episode.segments.length : at;
  const nearby = episode.segments.slice(Math.max(0, start - 3), start + 3);
  const exact = episode.segments[start]?.sec === parsed.seconds;
  const lines = [
    `${episode.title} (${episode.guests.map((g) => g.name).join(', ')})`,
    exact ? `${time} is a segment start: cite it as [${time}](podcast:${episode.slug}@${time})` : `${formatTimestamp(parsed.seconds)} is not a segment start; the nearest are:`,
  ];
  let chapter: Chapter | undefined;
  for (const segment of nearby) {
    const current = chapterAt(episode.chapters, segment.sec);
    if (current && current !== chapter) lines.push(chapterLine(current));
    chapter = current;
    lines.push(segmentLine(episode, segment, segment.sec === parsed.seconds ? '>' : ' '));
  }
  return { ok: true, lines };
}
