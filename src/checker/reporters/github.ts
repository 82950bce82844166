import type { Problem } from '../../rules/problem.ts';
import { docsUrl } from './docs-url.ts';
import { summarise } from './summary.ts';
import type { ReportOptions } from './reporter.ts';

/** GitHub Actions workflow commands, which annotate the pull request's diff at the problem. */
export function formatGithub(problems: readonly Problem[], options: ReportOptions): string {
  const lines = problems.map((p) => {
    const properties = `file=${escapeProperty(p.file)},line=${p.position.line},col=${p.position.column},title=${escapeProperty(p.rule)}`;
    return `::${p.severity} ${properties}::${escapeData(`${p.message} (${docsUrl(options.docsBase, p.rule)})`)}`;
  });
  return [...lines, summarise(problems, options.fileCount)].join('\n');
}

const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
