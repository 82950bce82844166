import type { Position } from '../../src/lib/position.ts';
import { formatTimestamp, parseTimestamp } from '../../src/lib/timestamp.ts';
import type { Episode } from '../../src/schemas/episode.ts';
import { guestNames, youtubeUrl } from '../../src/site/citations.ts';
import { splitCitation } from '../../src/site/links.ts';
import { parseDocument } from '../../src/site/document.ts';
import { CITATION_SCHEME } from '../../src/site/links.ts';
import { claimAt } from './claims.ts';
import { paragraphsOf, segmentSpans, spanLength, type Paragraph, type TranscriptRead } from './transcript.ts';

/**
 * `npm run review`: every citation a change adds or alters, laid out for a reviewer, who reads each
 * claim against the words said at the cited second. A citation is listed when its page did not cite
 * that moment with those words before (new, or its sentence reworded), or when the note of its moment
 * changed. Pure: git and the archive are read by the command (scripts/review.ts).
 */

/** One citation of a moment on a page, with the sentence it stands in. */
export interface CitationUse {
  file: string;
  position: Position;
  /** As written: `podcast:<slug>@<time>`. */
  url: string;
  claim: string;
}

/** Where a citation stands in a sentence of the page: in its text, not in its frontmatter. */
const IN_TEXT: ReadonlySet<string> = new Set(['markdown', 'definition', 'jsx-prop', 'html']);

/** The citations of moments in a page's text (whole-episode citations cite no second and are left out). */
export function citationsOf(file: string, text: string): CitationUse[] {
  return parseDocument(file, text)
    .references.filter((reference) => reference.url.startsWith(CITATION_SCHEME) && reference.url.includes('@') && IN_TEXT.has(reference.origin))
    .map((reference) => ({ file, position: reference.position, url: reference.url, claim: claimAt(text, reference.position) }));
}

export type ChangeKind = 'new' | 'reworded' | 'note';

export interface ReviewItem extends CitationUse {
  change: ChangeKind;
  slug: string;
  time: string;
  /** The episode and moment, when the citation resolves. */
  episode?: Episode;
  seconds?: number;
  note?: string;
}

export interface ReviewInput {
  /** Every page now, by repo-relative path, with a way to read its text. */
  pages: readonly string[];
  textOf: (file: string) => string;
  /** Pages that differ from the base, with their text there (undefined: the page is new). */
  changedPages: ReadonlyMap<string, string | undefined>;
  episodes: ReadonlyMap<string, Episode>;
  /** For episode files that differ from the base: the moment notes there, by time. */
  notesBefore: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const key = (use: { url: string; claim: string }) => `${use.url}\u0000${use.claim}`;

/** The citations to review, by file and position. */
export function citationsToReview(input: ReviewInput): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const file of input.pages) {
    const changed = input.changedPages.has(file);
    const before = changed ? input.changedPages.get(file) : undefined;
    const beforeUses = before === undefined ? [] : citationsOf(file, before);
    const beforeKeys = new Set(beforeUses.map(key));
    const beforeUrls = new Set(beforeUses.map((use) => use.url));
    const uses = changed || citesChangedNote(file, input) ? citationsOf(file, input.textOf(file)) : [];
    for (const use of uses) {
      const item = describe(use, input.episodes);
      if (changed && !beforeKeys.has(key(use))) items.push({ ...item, change: beforeUrls.has(use.url) ? 'reworded' : 'new' });
      else if (noteChanged(item, input.notesBefore)) items.push({ ...item, change: 'note' });
    }
  }
  return items;
}

/** Whether an unchanged page may cite a moment whose note changed: only then is its text read. */
function citesChangedNote(file: string, input: ReviewInput): boolean {
  if (input.notesBefore.size === 0) return false;
  const text = input.textOf(file);
  return [...input.notesBefore.keys()].some((slug) => text.includes(`${CITATION_SCHEME}${slug}@`));
}

function noteChanged(item: Omit<ReviewItem, 'change'>, notesBefore: ReviewInput['notesBefore']): boolean {
  const before = notesBefore.get(item.slug);
  return before !== undefined && item.episode !== undefined && before.get(item.time) !== item.note;
}

function describe(use: CitationUse, episodes: ReadonlyMap<string, Episode>): Omit<ReviewItem, 'change'> {
  const { slug, time = '' } = splitCitation(use.url.slice(CITATION_SCHEME.length));
  const episode = episodes.get(slug);
  const parsed = parseTimestamp(time);
  const segment = parsed.ok ? episode?.segments.find((s) => s.sec === parsed.seconds) : undefined;
  if (!episode || !segment) return { ...use, slug, time };
  const note = episode.moments.find((moment) => moment.t === segment.t)?.note;
  return { ...use, slug, time, episode, seconds: segment.sec, ...(note === undefined ? {} : { note }) };
}

/** Moment notes of an episode file's text, by time; an unreadable file has none. */
export function notesOfEpisodeText(text: string | undefined): Map<string, string> {
  const notes = new Map<string, string>();
  try {
    const moments = (JSON.parse(text ?? '{}') as { moments?: unknown }).moments;
    if (Array.isArray(moments)) {
      for (const moment of moments as { t?: unknown; note?: unknown }[]) {
        if (typeof moment.t === 'string' && typeof moment.note === 'string') notes.set(moment.t, moment.note);
      }
    }
  } catch {
    // A base version that was not JSON: every note of it counts as changed.
  }
  return notes;
}

export interface ReviewReport {
  /** The ref as the command was given it, and the commit compared with. */
  base: string;
  commit: string;
  items: readonly ReviewItem[];
  transcriptOf: (episode: Episode) => TranscriptRead;
}

const CHANGE_LABELS: Record<ChangeKind, string> = { new: 'new citation', reworded: 'claim reworded', note: 'moment note changed' };

/** Text placed in Markdown: no raw HTML, and no line breaks that would end a quote. */
const inline = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replace(/\s*\n\s*/g, ' ');

/** The review as Markdown, for the terminal, a pull request comment or a CI job summary. */
export function formatReview({ base, commit, items, transcriptOf }: ReviewReport): string {
  const lines = [`## Citations to review`, ''];
  if (items.length === 0) {
    lines.push(`No citation was added or changed since \`${base}\` (${commit}).`);
    return lines.join('\n');
  }
  const archiveMissing = items.map((item) => item.episode && transcriptOf(item.episode)).find((read) => read && !read.ok && read.reason === 'no-archive');
  lines.push(
    `${items.length} citation${items.length === 1 ? '' : 's'} added or changed since \`${base}\` (${commit}). For each, read the claim against the words said at that second, and check that the person named says it there.`,
  );
  if (archiveMissing && !archiveMissing.ok) lines.push('', `_${inline(archiveMissing.message)} Until then, open each play link._`);
  items.forEach((item, at) => lines.push('', ...formatItem(item, at + 1, transcriptOf)));
  return lines.join('\n');
}

function formatItem(item: ReviewItem, number: number, transcriptOf: ReviewReport['transcriptOf']): string[] {
  const where = `${item.file}:${item.position.line}`;
  const { episode, seconds } = item;
  if (!episode || seconds === undefined) {
    return [`### ${number}. \`${where}\`: ${inline(item.url)}`, '', `> ${inline(item.claim)}`, '', `- This citation does not resolve: \`npm run check\` says why.`];
  }
  const lines = [
    `### ${number}. \`${where}\`: ${inline(episode.title)} at ${item.time}`,
    '',
    `> ${inline(item.claim)}`,
    '',
    `- **Why listed:** ${CHANGE_LABELS[item.change]}`,
    `- **Guest${episode.guests.length === 1 ? '' : 's'}:** ${inline(guestNames(episode))}`,
    `- **Moment note:** ${item.note === undefined ? '_none yet: add one to the episode file_' : inline(item.note)}`,
    `- **Play:** [${item.time} on YouTube](${youtubeUrl(episode, seconds)})`,
  ];
  const transcript = transcriptOf(episode);
  if (!transcript.ok) {
    if (transcript.reason === 'no-file') lines.push(`- **Transcript:** ${inline(transcript.message)}`);
    return lines;
  }
  return [...lines, ...transcriptExcerpt(episode, seconds, transcript.paragraphs)];
}

/** The cited segment in full, after the last paragraph before it, each with its speaker. */
function transcriptExcerpt(episode: Episode, seconds: number, paragraphs: readonly Paragraph[]): string[] {
  const spans = segmentSpans(episode, paragraphs);
  const at = spans.findIndex((span) => span.sec === seconds);
  const span = spans[at];
  if (!span) return [];
  const previous = at > 0 ? paragraphsOf(spans[at - 1]!, paragraphs).at(-1) : undefined;
  const own = paragraphsOf(span, paragraphs);
  if (own.length === 0) return [`- **Transcript:** the archive has no line at ${span.t}.`];
  const quote = (paragraph: Paragraph, offset?: number) =>
    `> **[${paragraph.t}${offset === undefined ? '' : ` ≈+${formatTimestamp(offset)}`}] ${inline(paragraph.speaker)}:** ${inline(paragraph.text)}`;
  const long = own.length > 1;
  return [
    `- **Transcript:** the segment from ${span.t} runs ${spanLength(span)}${long ? '; each paragraph shows about where in it it starts' : ''}`,
    '',
    ...(previous ? [quote(previous), '>'] : []),
    ...own.flatMap((paragraph, i) => [...(i > 0 ? ['>'] : []), quote(paragraph, long ? paragraph.offset : undefined)]),
  ];
}
