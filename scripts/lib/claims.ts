import type { Position } from '../../src/lib/position.ts';

/**
 * The claim a citation supports: the sentence it stands in, as a reader sees it (links as their text,
 * markup dropped), with the citation's own label in bold. A reviewer compares it with what is said at
 * the cited second.
 */

/** The longest claim shown; a runaway paragraph without full stops is cut here. */
const MAX_CLAIM = 600;

/** A line that starts a block of its own: a list item, a heading, a quote, a table row or a fence. */
const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>|\||```|~~~)/;
/** What starts a list item, heading or quote, left out of the claim. */
const BLOCK_MARKER = /^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|#{1,6}\s+|>\s?)/;

const OPEN = '\u0001';
const CLOSE = '\u0002';

/** The paragraph (or table cell) around a position, and where the position falls in it. */
function blockAround(lines: readonly string[], position: Position): { text: string; offset: number } {
  const at = Math.min(Math.max(position.line - 1, 0), lines.length - 1);
  const line = lines[at] ?? '';
  if (line.trimStart().startsWith('|')) {
    // A table row: the cell the citation is in.
    // A table row: the cell the citation is in, after the row's first cell, which names what the row is about.
    const column = position.column - 1;
    const start = line.lastIndexOf('|', column - 1) + 1;
    const end = line.indexOf('|', column);
    const cell = line.slice(start, end === -1 ? undefined : end);
    const firstStart = line.indexOf('|') + 1;
    const firstEnd = line.indexOf('|', firstStart);
    if (start === firstStart || firstEnd === -1) return { text: cell, offset: column - start };
    const label = `${line.slice(firstStart, firstEnd).trim()}: `;
    return { text: `${label}${cell.trim()}`, offset: label.length + column - start - (cell.length - cell.trimStart().length) };
  }
  let first = at;
  while (first > 0 && !BLOCK_START.test(lines[first] ?? '') && (lines[first - 1] ?? '').trim() !== '') first -= 1;
  let last = at;
  while (last + 1 < lines.length && (lines[last + 1] ?? '').trim() !== '' && !BLOCK_START.test(lines[last + 1] ?? '')) last += 1;
  const before = lines.slice(first, at).reduce((sum, text) => sum + text.length + 1, 0);
  return { text: lines.slice(first, last + 1).join('\n'), offset: before + position.column - 1 };
}

/** Markdown of one block as plain text; the link starting at `offset` is wrapped in OPEN … CLOSE. */
function plainText(block: string, offset: number): string {
  let text = '';
  let at = 0;
  const marker = BLOCK_MARKER.exec(block);
  if (marker) at = marker[0].length;
  const link = /!?\[((?:[^\][]|\[[^\]]*\])*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/y;
  while (at < block.length) {
    link.lastIndex = at;
    const found = link.exec(block);
    if (found) {
      const label = found[1] ?? '';
      const cited = at <= offset && offset < at + found[0].length;
      text += cited ? `${OPEN}${label}${CLOSE}` : label;
      at += found[0].length;
      continue;
    }
    text += block[at];
    at += 1;
  }
  return text
    .replace(/<[^>\n]*>/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\W)[*_](\S[^*_]*?\S|\S)[*_](?=\W|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The sentence of `text` that holds the marked citation. */
function sentenceAround(text: string): string {
  const open = text.indexOf(OPEN);
  if (open === -1) return text;
  const close = text.indexOf(CLOSE, open);
  const ends = /[.!?]["'’”)\]]*(?=\s|$)/g;
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(ends)) {
    const stop = match.index + match[0].length;
    if (stop <= open) start = stop;
    else if (match.index >= close) {
      end = stop;
      break;
    }
  }
  return text.slice(start, end).trim();
}

/** The claim around the citation written at `position` of a page's text; `**label**` marks the citation. */
export function claimAt(pageText: string, position: Position): string {
  const { text, offset } = blockAround(pageText.split(/\r\n?|\n/), position);
  const sentence = sentenceAround(plainText(text, offset));
  const shown = sentence.length > MAX_CLAIM ? `${sentence.slice(0, MAX_CLAIM)}…` : sentence;
  return shown.replace(OPEN, '**').replace(CLOSE, '**');
}
