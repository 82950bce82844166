/**
 * One measurement in a fresh process, so timings and peak memory belong to that task alone.
 * Usage: node scripts/bench/measure.ts parse|check <corpus-root>
 * Prints JSON: { ms, maxRssMb, problems? }.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToMdast } from 'satteri';
import { checkSite } from '../../src/checker/check.ts';
import { listFiles } from '../../src/lib/files.ts';
import { loadSite } from '../../src/site/load.ts';
import { siteSettings } from '../../src/site/settings.ts';

const [mode, root = '.'] = process.argv.slice(2);
const started = performance.now();
let problems: Record<string, number> | undefined;
if (mode === 'parse') {
  // The floor any source check stands on: read every page and parse it into a positioned tree.
  for (const file of listFiles(root, 'src/content/docs', /\.mdx$/)) mdxToMdast(readFileSync(join(root, file), 'utf8'));
} else if (mode === 'check') {
  const found = checkSite(loadSite(root, siteSettings({})).index).problems;
  problems = {};
  for (const problem of found) problems[problem.rule] = (problems[problem.rule] ?? 0) + 1;
} else {
  throw new Error(`unknown mode ${mode}`);
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, problems }));
