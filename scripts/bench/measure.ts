/**
 * One measurement in a fresh process, so timings and peak memory belong to that task alone.
 * Usage: node scripts/bench/measure.ts parse|check <corpus-root>
 * Prints JSON: { ms, maxRssMb, problems? }.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToMdast } from 'satteri';
import { checkIndex } from '../../src/references/check.ts';
import { loadProject } from '../../src/references/load-project.ts';

const [mode, root = '.'] = process.argv.slice(2);
const started = performance.now();
let problems: Record<string, number> | undefined;
if (mode === 'parse') {
  // The floor any source check stands on: read every page and parse it into a positioned tree.
  const dir = join(root, 'src/content/docs');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.mdx')) mdxToMdast(readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  }
} else if (mode === 'check') {
  const found = checkIndex(loadProject(root).index).problems;
  problems = {};
  for (const problem of found) problems[problem.rule] = (problems[problem.rule] ?? 0) + 1;
} else {
  throw new Error(`unknown mode ${mode}`);
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, problems }));
