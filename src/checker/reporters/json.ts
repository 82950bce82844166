import type { Problem } from '../../rules/problem.ts';
import { docsUrl } from './docs-url.ts';
import type { ReportOptions } from './reporter.ts';

export function formatJson(problems: readonly Problem[], options: ReportOptions): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return JSON.stringify(
    {
      files: options.fileCount,
      errors,
      warnings: problems.length - errors,
      problems: problems.map((p) => ({ ...p, docs: docsUrl(options.docsBase, p.rule) })),
    },
    null,
    2,
  );
}
