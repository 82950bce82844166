import type { PagefindFragment } from './engine.ts';

/** A run of excerpt text, marked when it is a word the reader searched for. */
export interface Segment {
  text: string;
  marked: boolean;
}

export interface SectionView {
  title: string;
  /** The section's heading id, for a link to it. */
  anchor: string;
  excerpt: Segment[];
}

export interface ExcerptOptions {
  /** The most words the page's excerpt shows. */
  maxWords: number;
  /** The most words a section's excerpt shows. */
  maxSectionWords: number;
  /** The most sections listed under a page. */
  maxSections: number;
}

export const EXCERPT_OPTIONS: ExcerptOptions = { maxWords: 32, maxSectionWords: 20, maxSections: 3 };

/** A sentence of the page's text: word positions [start, end). */
interface Sentence {
  start: number;
  end: number;
  heading: boolean;
}

const SENTENCE_END = /[.!?]["'’”)\]]*$/;
const SECTION_HEADING = /^h[2-6]$/i;

/**
 * The excerpt of a page and of its sections for the words the search matched (`words`, positions in
 * the page's text). An excerpt starts at the beginning of a sentence and holds the sentence that
 * contains the most of the searched words, so it reads as prose; a long sentence is cut around its
 * matches with an ellipsis, a short one is followed by the next. A page matched only by its title or
 * description shows its opening sentences.
 */
export function pageExcerpts(fragment: Pick<PagefindFragment, 'content' | 'anchors'>, words: readonly number[], options: ExcerptOptions = EXCERPT_OPTIONS): { excerpt: Segment[]; sections: SectionView[] } {
  const text = splitWords(fragment.content);
  const headings = fragment.anchors.filter((anchor) => SECTION_HEADING.test(anchor.element) && anchor.text?.trim()).sort((a, b) => a.location - b.location);
  const sentences = splitSentences(text, headings.map((heading) => ({ start: heading.location, length: splitWords(heading.text?.trim() ?? '').length })));
  const hits = new Set(words.filter((word) => word >= 0 && word < text.length));
  const titleEnd = firstBodySentence(sentences);
  const body = sentences.filter((sentence) => sentence.start >= titleEnd);
  const best = bestSentence(body, hits, text) ?? body.find((sentence) => !sentence.heading);
  const excerpt = best ? excerptFrom(best, body, text, hits, options.maxWords) : [];
  const sections = headings
    .map((heading, index) => {
      const end = headings[index + 1]?.location ?? text.length;
      const inside = body.filter((sentence) => sentence.start >= heading.location && sentence.start < end && !sentence.heading);
      const sentence = bestSentence(inside, hits, text);
      const score = sentence ? sentenceScore(sentence, hits, text) : 0;
      return { heading, sentence, inside, score };
    })
    .filter((section) => section.sentence !== undefined && section.sentence !== best)
    .sort((a, b) => b.score - a.score || a.heading.location - b.heading.location)
    .slice(0, options.maxSections)
    .sort((a, b) => a.heading.location - b.heading.location)
    .map(({ heading, sentence, inside }) => ({ title: heading.text!.trim(), anchor: heading.id, excerpt: excerptFrom(sentence!, inside, text, hits, options.maxSectionWords) }));
  return { excerpt, sections };
}

/** Pagefind counts word positions in the text split at whitespace; so does this. */
const splitWords = (content: string): string[] => content.split(/\s+/);

/** Sentences end at . ! or ?, and every heading is a sentence of its own. */
function splitSentences(words: readonly string[], headings: readonly { start: number; length: number }[]): Sentence[] {
  const headingAt = new Map(headings.map((heading) => [heading.start, heading.length]));
  const sentences: Sentence[] = [];
  let start = 0;
  const close = (end: number, heading = false) => {
    if (end > start) sentences.push({ start, end, heading });
    start = end;
  };
  for (let at = 0; at < words.length; at += 1) {
    const headingLength = headingAt.get(at);
    if (headingLength !== undefined && headingLength > 0) {
      close(at);
      close(Math.min(words.length, at + headingLength), true);
      at = start - 1;
      continue;
    }
    if (SENTENCE_END.test(words[at]!)) close(at + 1);
  }
  close(words.length);
  return sentences;
}

/** Where the body starts: after the page's title, which the index holds as its first sentence. */
const firstBodySentence = (sentences: readonly Sentence[]): number => (sentences.length > 1 ? sentences[0]!.end : 0);

/** How well a sentence shows the search: distinct matched words first, then matches in all. */
function sentenceScore(sentence: Sentence, hits: ReadonlySet<number>, words: readonly string[]): number {
  const found = new Set<string>();
  let count = 0;
  for (let at = sentence.start; at < sentence.end; at += 1) {
    if (!hits.has(at)) continue;
    count += 1;
    found.add(bare(words[at]!));
  }
  return found.size * 100 + count;
}

function bestSentence(sentences: readonly Sentence[], hits: ReadonlySet<number>, words: readonly string[]): Sentence | undefined {
  let best: Sentence | undefined;
  let bestScore = 0;
  for (const sentence of sentences) {
    // A heading is a weaker excerpt than a sentence of prose with the same matches.
    const score = sentenceScore(sentence, hits, words) * (sentence.heading ? 0.5 : 1);
    if (score > bestScore) [best, bestScore] = [sentence, score];
  }
  return best;
}

/** The sentence, followed by the next ones of its run while they fit, or cut around its matches when it is too long. */
function excerptFrom(sentence: Sentence, run: readonly Sentence[], words: readonly string[], hits: ReadonlySet<number>, maxWords: number): Segment[] {
  let start = sentence.start;
  let end = sentence.end;
  if (end - start > maxWords) {
    const first = firstHit(start, end, hits);
    start = Math.max(start, Math.min(first - Math.floor(maxWords / 4), end - maxWords));
    end = start + maxWords;
  } else {
    for (let next = run.indexOf(sentence) + 1; next < run.length; next += 1) {
      const following = run[next]!;
      if (following.heading || following.start !== end || following.end - start > maxWords) break;
      end = following.end;
    }
  }
  const segments = markedSegments(words, start, end, hits);
  if (start > sentence.start) segments.unshift({ text: '… ', marked: false });
  if (end < sentence.end) segments.push({ text: ' …', marked: false });
  return mergeSegments(segments);
}

function firstHit(start: number, end: number, hits: ReadonlySet<number>): number {
  for (let at = start; at < end; at += 1) if (hits.has(at)) return at;
  return start;
}

/** The words from `start` to `end`, a searched word marked without the punctuation around it. */
function markedSegments(words: readonly string[], start: number, end: number, hits: ReadonlySet<number>): Segment[] {
  const segments: Segment[] = [];
  for (let at = start; at < end; at += 1) {
    const word = words[at]!;
    const space = at > start ? ' ' : '';
    if (!hits.has(at)) {
      segments.push({ text: space + word, marked: false });
      continue;
    }
    const [, before = '', core = word, after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
    segments.push({ text: space + before, marked: false }, { text: core, marked: true }, { text: after, marked: false });
  }
  return segments;
}

function mergeSegments(segments: readonly Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    if (segment.text === '') continue;
    const last = merged.at(-1);
    if (last && last.marked === segment.marked) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

/** A word without its punctuation and case, to count distinct matched words. */
const bare = (word: string): string => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
