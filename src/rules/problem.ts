import { comparePositions, type Position } from '../lib/position.ts';
import type { EntryKind } from '../schemas/shared.ts';
import { severityOf, type RuleId, type Severity } from './table.ts';

/** The candidates a "did you mean" chose from, by name, so that a fresh index can list them again (the site model's `candidatesOf`). */
export type CandidatePool = { kind: 'pages' } | { kind: 'anchors'; pageId: string } | { kind: 'sources' } | { kind: 'entries'; entry: EntryKind };

/**
 * How to correct a failing reference, when the checker can tell: the value to write in place of the one
 * written. A fix with `closest` is a "did you mean": `chosen` was the candidate of `pool` closest to
 * `wanted`, which `npm run check -- --fix` applies only when the choice is clear (src/checker/fix.ts).
 * A fix without it is certain: only one thing can have been meant.
 */
export interface Fix {
  replacement: string;
  closest?: { wanted: string; chosen: string; pool: CandidatePool };
}

/** A correction the checker knows for a problem: the value as written at the problem's place, and what to write instead. */
export interface ProblemFix extends Fix {
  written: string;
}

/** One thing wrong, at one place in one file, under one rule of the table. */
export interface Problem {
  /** Repo-relative path with forward slashes. */
  file: string;
  position: Position;
  rule: RuleId;
  severity: Severity;
  message: string;
  /** How to correct it, when the checker knows (see `npm run check -- --fix`). */
  fix?: ProblemFix;
}

/** The only way to make a problem: the severity always comes from the rule table. */
export function problem(rule: RuleId, file: string, position: Position, message: string, fix?: ProblemFix): Problem {
  return { file, position, rule, severity: severityOf(rule), message, ...(fix ? { fix } : {}) };
}

export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return comparePositions(a.position, b.position) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
