import type { Problem } from '../model.ts';
import { docsUrl } from './text.ts';

export function formatJson(problems: readonly Problem[], options: { docsBase: string; fileCount: number }): string {
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
