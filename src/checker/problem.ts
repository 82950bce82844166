import { comparePositions, type Position } from '../lib/position.ts';
import type { Fix } from '../site/resolve.ts';
import { severityOf, type RuleId, type Severity } from './rules.ts';

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
