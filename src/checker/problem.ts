import { comparePositions, type Position } from '../lib/position.ts';
import { severityOf, type RuleId, type Severity } from './rules.ts';

/** One thing wrong, at one place in one file, under one rule of the table. */
export interface Problem {
  /** Repo-relative path with forward slashes. */
  file: string;
  position: Position;
  rule: RuleId;
  severity: Severity;
  message: string;
}

/** The only way to make a problem: the severity always comes from the rule table. */
export function problem(rule: RuleId, file: string, position: Position, message: string): Problem {
  return { file, position, rule, severity: severityOf(rule), message };
}

export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return comparePositions(a.position, b.position) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
