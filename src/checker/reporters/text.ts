import type { Problem } from '../../rules/problem.ts';
import { docsUrl } from './docs-url.ts';
import { summarise } from './summary.ts';
import type { ReportOptions } from './reporter.ts';

/** One problem as a line: `path:line:column  rule-id  message  (docs)`. Editors and terminals make the path clickable. */
export function formatProblemLine(p: Problem, docsBase: string): string {
  return `${p.file}:${p.position.line}:${p.position.column}  ${p.rule}  ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}  (${docsUrl(docsBase, p.rule)})`;
}

/** One line a problem, then a summary line. */
export function formatText(problems: readonly Problem[], options: ReportOptions): string {
  return [...problems.map((p) => formatProblemLine(p, options.docsBase)), summarise(problems, options.fileCount)].join('\n');
}
