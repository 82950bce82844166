import type { Problem } from '../../rules/problem.ts';

export interface ReportOptions {
  /** Where rule pages are linked from: the site URL, or '' for site paths. */
  docsBase: string;
  fileCount: number;
}

export type Reporter = (problems: readonly Problem[], options: ReportOptions) => string;
