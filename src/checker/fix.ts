import { distance } from 'fastest-levenshtein';
import type { Position } from '../lib/position.ts';
import { CITATION_SCHEME, LINK_ATTRIBUTES } from '../site/links.ts';
import type { CandidatePool } from '../rules/problem.ts';
import type { Problem } from '../rules/problem.ts';
import type { RuleId } from '../rules/table.ts';

/**
 * `npm run check -- --fix`, planned: from problems and the text of their files to the edits that
 * correct them. Only corrections that cannot be wrong are planned: those the checker knows to be
 * certain (a trailing slash, the base path, a file link to an existing page, a path that differs only
 * in letter case), and a "did you mean" only when its candidate is clearly the closest. Citations are
 * never changed: a wrong time or episode needs a person who listens to the moment.
 */

/** One correction in one file. */
export interface Edit {
  file: string;
  position: Position;
  rule: RuleId;
  written: string;
  replacement: string;
  /** Where the written value starts in the file's text. */
  offset: number;
  /** Whether the correction is a "did you mean" rather than certain. */
  suggested: boolean;
}

export interface FilePlan {
  file: string;
  edits: Edit[];
  /** The file's text with the edits applied. */
  text: string;
}

export interface FixPlan {
  files: FilePlan[];
  /** Problems with a known correction that was not applied, and why. */
  skipped: { problem: Problem; reason: string }[];
}

/**
 * The rule for applying a "did you mean": the chosen candidate is at most a third of the compared
 * value's length away (in single-character edits), and every other candidate is strictly farther.
 * So `guides/model-monitorng` becomes `guides/model-monitoring` (one edit), but `guides/monitoring` is
 * left for a person (six edits), and so is any value two candidates are equally close to.
 */
export function isClearlyClosest(wanted: string, chosen: string, candidates: readonly string[]): boolean {
  const best = distance(wanted, chosen);
  if (best > wanted.length / 3) return false;
  return candidates.every((candidate) => candidate === chosen || distance(wanted, candidate) > best);
}

/**
 * Plans the fixes for `problems`. `textOf` gives a file's current text, and `candidatesOf` the
 * candidates of a "did you mean" (see `candidatesOf` in src/site/resolve.ts). Pure: nothing is written.
 */
export function planFixes(problems: readonly Problem[], textOf: (file: string) => string | undefined, candidatesOf: (pool: CandidatePool) => readonly string[]): FixPlan {
  const pools = new Map<string, readonly string[]>();
  const candidates = (pool: CandidatePool) => {
    const key = JSON.stringify(pool);
    let list = pools.get(key);
    if (!list) pools.set(key, (list = candidatesOf(pool)));
    return list;
  };
  const skipped: FixPlan['skipped'] = [];
  const byFile = new Map<string, Map<number, Edit>>();
  for (const found of problems) {
    const { fix } = found;
    if (!fix) continue;
    if (fix.written.startsWith(CITATION_SCHEME) || fix.replacement.startsWith(CITATION_SCHEME)) {
      skipped.push({ problem: found, reason: 'citations are never changed by --fix' });
      continue;
    }
    if (fix.closest && !isClearlyClosest(fix.closest.wanted, fix.closest.chosen, candidates(fix.closest.pool))) {
      skipped.push({ problem: found, reason: `"${fix.closest.chosen}" is not clearly the closest to "${fix.closest.wanted}"` });
      continue;
    }
    const text = textOf(found.file);
    const offset = text === undefined ? undefined : locateValue(text, found.position, fix.written);
    if (offset === undefined) {
      skipped.push({ problem: found, reason: `"${fix.written}" was not found at ${found.position.line}:${found.position.column}` });
      continue;
    }
    const edits = byFile.get(found.file) ?? new Map<number, Edit>();
    byFile.set(found.file, edits);
    if (!edits.has(offset)) {
      edits.set(offset, { file: found.file, position: found.position, rule: found.rule, written: fix.written, replacement: fix.replacement, offset, suggested: fix.closest !== undefined });
    }
  }
  const files = [...byFile].map(([file, edits]) => {
    const ordered = [...edits.values()].sort((a, b) => a.offset - b.offset);
    return { file, edits: ordered, text: applyEdits(textOf(file) ?? '', ordered) };
  });
  return { files, skipped };
}

/** The text with each edit's written value replaced, from the end so that earlier offsets stay valid. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    result = `${result.slice(0, edit.offset)}${edit.replacement}${result.slice(edit.offset + edit.written.length)}`;
  }
  return result;
}

/** What may stand right before a link value in Markdown: `](`, `](<` and `]: `. */
const OPENERS = ['](', '](<', ']: ', ']:'];
const QUOTES = new Set(['"', "'"]);
/** What stands before a quoted value in YAML or JSON: a key's colon, a list's bracket or comma, a list item's dash. */
const DATA_BEFORE_QUOTE = new Set([':', '[', ',', '-', '{']);
/** What may follow a link value. */
const CLOSERS = new Set([')', '>', '"', "'", ' ', '\t', '\n', '\r', ',', ']', '}', undefined]);

/**
 * Where a problem's written value starts: the occurrence of `written` in the problem's paragraph (from
 * the start of its line to the next blank line) that stands where a link value can stand, the first at
 * or after the reported column, else the last before it. Undefined when there is none.
 */
export function locateValue(text: string, position: Position, written: string): number | undefined {
  const lineStart = lineOffset(text, position.line);
  if (lineStart === undefined || written === '') return undefined;
  const blank = text.indexOf('\n\n', lineStart);
  const end = blank === -1 ? text.length : blank;
  const column = lineStart + position.column - 1;
  const found: number[] = [];
  for (let at = text.indexOf(written, lineStart); at !== -1 && at + written.length <= end; at = text.indexOf(written, at + 1)) {
    const before = text[at - 1];
    const after = text[at + written.length];
    const closes = CLOSERS.has(after);
    const quoted = before !== undefined && QUOTES.has(before) && after === before && isLinkValueQuote(text, at - 1);
    const opens = at === column || quoted || OPENERS.some((opener) => text.startsWith(opener, at - opener.length));
    if (closes && opens) found.push(at);
  }
  return found.find((at) => at >= column) ?? found.at(-1);
}

/**
 * Whether the quote at `quoteAt` opens a value that can hold a link: an HTML or JSX attribute that
 * holds one (`href="…"`, never `title="…"`), or a YAML or JSON value (after `key: `, `[`, `,` or `- `).
 * Quoted words in prose open nothing.
 */
function isLinkValueQuote(text: string, quoteAt: number): boolean {
  let at = quoteAt - 1;
  while (at >= 0 && (text[at] === ' ' || text[at] === '\t')) at -= 1;
  const before = text[at];
  if (before === '=') {
    let start = at - 1;
    while (start >= 0 && (text[start] === ' ' || text[start] === '\t')) start -= 1;
    const end = start + 1;
    while (start >= 0 && /[\w:-]/.test(text[start] ?? '')) start -= 1;
    return LINK_ATTRIBUTES.has(text.slice(start + 1, end).toLowerCase());
  }
  return before !== undefined && DATA_BEFORE_QUOTE.has(before);
}

function lineOffset(text: string, line: number): number | undefined {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return undefined;
    offset = next + 1;
  }
  return offset;
}

/** What `--fix` changed, file by file: `path`, then `  line:column  rule  written → replacement`. */
export function formatPlan(plan: FixPlan): string {
  const lines: string[] = [];
  for (const { file, edits } of plan.files) {
    lines.push(file);
    for (const edit of edits) {
      lines.push(`  ${edit.position.line}:${edit.position.column}  ${edit.rule}  ${edit.written} → ${edit.replacement}${edit.suggested ? '  (the clearly closest)' : ''}`);
    }
  }
  return lines.join('\n');
}
