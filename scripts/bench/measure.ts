/**
 * One measurement in a fresh process, so timings and peak memory belong to that task alone.
 * Usage: node scripts/bench/measure.ts parse|check|incremental <corpus-root>
 * Prints JSON: { ms, cpuMs, maxRssMb, problems?, edits? }. For `incremental`, `ms` is the first full check and
 * `edits` the median re-check after each kind of edit to one page.
 */
import '../lib/fast-start.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToMdast } from 'satteri';
import { checkSite } from '../../src/checker/check.ts';
import { LiveCheck } from '../../src/checker/live-check.ts';
import { listFiles } from '../../src/lib/files.ts';
import { loadSite } from '../../src/site/load.ts';
import { siteSettings } from '../../src/site/settings.ts';
import { corpusPageFile } from './corpus.ts';

const [mode, root = '.'] = process.argv.slice(2);
const started = performance.now();
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const cpuStarted = cpuMs();
let problems: Record<string, number> | undefined;
let edits: Record<string, { ms: number; pages: number }> | undefined;
if (mode === 'parse') {
  // The floor any source check stands on: read every page and parse it into a positioned tree.
  for (const file of listFiles(root, 'src/content/docs', /\.mdx$/)) mdxToMdast(readFileSync(join(root, file), 'utf8'));
} else if (mode === 'check') {
  const found = checkSite(loadSite(root, siteSettings({})).index).problems;
  problems = {};
  for (const problem of found) problems[problem.rule] = (problems[problem.rule] ?? 0) + 1;
} else if (mode === 'incremental') {
  const live = new LiveCheck(root, siteSettings({}));
  const ms = performance.now() - started;
  const cpu = cpuMs() - cpuStarted;
  edits = measureEdits(live);
  console.log(JSON.stringify({ ms, cpuMs: cpu, maxRssMb: process.resourceUsage().maxRSS / 1024, edits }));
  process.exit(0);
} else {
  throw new Error(`unknown mode ${mode}`);
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, cpuMs: cpuMs() - cpuStarted, maxRssMb: process.resourceUsage().maxRSS / 1024, problems }));

/**
 * Saves one page of the corpus with an edit and saves it back, nine times for each kind of edit, and
 * takes the median time the live check needs after a save (reading, parsing and checking included).
 * A renamed heading is linked from other pages, so they are checked again too.
 */
function measureEdits(live: LiveCheck): Record<string, { ms: number; pages: number }> {
  const file = corpusPageFile(17);
  const path = join(root, file);
  const original = readFileSync(path, 'utf8');
  const before = live.problems.length;
  const kinds: Record<string, string> = {
    'a sentence with a link added': `${original}\nOne more sentence links to [page 3](/s3/page-3/).\n`,
    'a broken link added': `${original}\nA link to [a removed page](/s3/removed/).\n`,
    'a linked heading renamed': original.replace('## Topic 0 of page 17', '## First topic of page 17'),
  };
  const results: Record<string, { ms: number; pages: number }> = {};
  for (const [kind, edited] of Object.entries(kinds)) {
    const times: number[] = [];
    let pages = 0;
    for (let run = 0; run < 9; run += 1) {
      for (const text of [edited, original]) {
        writeFileSync(path, text);
        const recheck = live.changed([file]);
        if (!recheck) throw new Error(`${file} is not a page of the corpus`);
        times.push(recheck.ms);
        if (text === edited) pages = recheck.rechecked.length;
      }
    }
    if (live.problems.length !== before) throw new Error(`after saving ${file} back, the live check has ${live.problems.length} problems instead of ${before}`);
    results[kind] = { ms: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!, pages };
  }
  return results;
}
