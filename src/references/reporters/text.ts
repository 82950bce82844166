import type { Problem } from '../model.ts';
import { ruleDocsPath } from '../rules.ts';
import { summarise } from './summary.ts';

/** `path:line:column  rule-id  message`, one line a problem, then a summary line. */
export function formatText(problems: readonly Problem[], options: { docsBase: string; fileCount: number }): string {
  const lines = problems.map(
    (p) => `${p.file}:${p.position.line}:${p.position.column}  ${p.rule}  ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}  (${docsUrl(options.docsBase, p.rule)})`,
  );
  return [...lines, summarise(problems, options.fileCount)].join('\n');
}

export function docsUrl(docsBase: string, rule: string): string {
  return `${docsBase.replace(/\/$/, '')}${ruleDocsPath(rule as Parameters<typeof ruleDocsPath>[0])}`;
}
