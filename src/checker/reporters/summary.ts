import type { Problem } from '../../rules/problem.ts';

export function summarise(problems: readonly Problem[], fileCount: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = new Set(problems.map((p) => p.file)).size;
  if (problems.length === 0) return `✓ ${fileCount} files checked: no problems`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `✗ ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')} (${fileCount} files checked)`;
}
