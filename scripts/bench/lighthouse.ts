import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { serveDirectory } from '../lib/static-server.ts';
import { addedScripts, pageWeight } from '../lib/page-weight.ts';

export const PAGE_KINDS: Record<string, string> = {
  home: '',
  'role page': 'role/skills/',
  'roadmap overview': 'roadmap/',
  'MLOps overview': 'mlops/',
  'roadmap stage': 'roadmap/learning-sequence/',
  'MLOps phase': 'mlops/intermediate/',
  'KPI tables': 'kpis/',
  guide: 'guides/model-monitoring/',
  'task list guide': 'guides/production-ml-checklist/',
  'single KPI': 'kpis/change-failure-rate/',
  episode: 'podcast/data-team-roles/',
  'episode list': 'podcast/',
  graph: 'graph/',
  'graph as a list': 'graph/list/',
  'section page': 'ai-engineering/',
  'glossary term': 'reference/glossary/feature-store/',
  'tools directory': 'reference/tools/',
  'checker rule': 'contributing/rules/timestamp-missing/',
};

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/**
 * The JavaScript the learning maps add to the pages that show them (issue budget: 15 KB compressed):
 * the component's bundle and the modules only it needs, against a page of the same kind without it.
 */
const MAP_SCRIPTS: { page: string; component: string; baseline: string }[] = [
  { page: 'roadmap/', component: 'RoadmapMap.astro', baseline: 'roadmap/learning-sequence/' },
  { page: 'mlops/', component: 'RoadmapMap.astro', baseline: 'mlops/beginner/' },
  { page: '', component: 'MapEntries.astro', baseline: 'role/' },
];
const MAP_JS_BUDGET = 15 * 1024;

function printMapScripts(dir: string): void {
  console.log('\n## JavaScript the maps add (budget 15 KB compressed)\n');
  for (const { page, component, baseline } of MAP_SCRIPTS) {
    const added = addedScripts(dir, `${page}index.html`, component, `${baseline}index.html`);
    const verdict = added.gzip <= MAP_JS_BUDGET ? 'within budget' : 'OVER BUDGET';
    console.log(`/${page.padEnd(10)} ${component.padEnd(18)} ${String(added.bytes).padStart(6)} B raw, ${String(added.gzip).padStart(5)} B gzip, ${String(added.brotli).padStart(5)} B brotli (${added.files.length} files; ${verdict})`);
  }
}

export interface LighthouseOptions {
  /** The page kinds to run (keys of PAGE_KINDS); every kind when empty. */
  kinds?: string[];
  /** Runs per page: the scores printed are the medians, as single Lighthouse runs vary by a few points. */
  runs?: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The main-thread work Lighthouse attributes to each kind of task (style, layout, script…), in ms. */
function mainThreadWork(audit: { details?: unknown } | undefined): string {
  const items = ((audit?.details as { items?: { groupLabel?: string; group?: string; duration?: number }[] } | undefined)?.items ?? []).filter((item) => (item.duration ?? 0) >= 50);
  return items.map((item) => `${item.groupLabel ?? item.group} ${Math.round(item.duration ?? 0)}`).join(', ');
}

/** Lighthouse (mobile emulation, its default) on one page of each kind of the built site in `dir`. */
export async function runLighthouse(dir: string, { kinds = [], runs = 1 }: LighthouseOptions = {}): Promise<void> {
  const pages = Object.entries(PAGE_KINDS).filter(([kind]) => kinds.length === 0 || kinds.includes(kind));
  if (!existsSync(join(dir, 'index.html'))) {
    console.log(`\nLighthouse: no build in ${dir}/; run "npm run build" first.`);
    return;
  }
  if (!existsSync('/usr/bin/chromium')) {
    console.log('\nLighthouse: SKIPPED, no Chromium at /usr/bin/chromium (sudo apt-get install -y chromium).');
    return;
  }
  if (kinds.length === 0) printMapScripts(dir);
  console.log('\n## Page weight (JavaScript and CSS loaded)\n');
  for (const [kind, path] of pages) {
    const { js, css } = pageWeight(dir, `${path}index.html`);
    console.log(`${kind.padEnd(16)}js ${String(js).padStart(7)} B   css ${String(css).padStart(7)} B`);
  }
  // Compressed as the production host compresses them; uncompressed bytes would overstate load times.
  const server = await serveDirectory(dir, process.env['BASE_PATH'] ?? '/', { compress: true });
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    console.log(`\n## Lighthouse (mobile${runs > 1 ? `, median of ${runs} runs` : ''})\n`);
    console.log(`${'page'.padEnd(16)}${CATEGORIES.map((c) => c.padStart(16)).join('')}`);
    for (const [kind, path] of pages) {
      const results: Result[] = [];
      for (let run = 0; run < runs; run += 1) {
        const result = await lighthouse(server.url(path), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (result) results.push(result.lhr);
      }
      const scores = CATEGORIES.map((category) => {
        const values = results.map((lhr) => lhr.categories[category]?.score).filter((score): score is number => typeof score === 'number');
        return values.length === 0 ? 'n/a' : String(Math.round(median(values) * 100));
      });
      console.log(`${kind.padEnd(16)}${scores.map((score) => score.padStart(16)).join('')}`);
      if (runs > 1) {
        const each = CATEGORIES.map((category) => `${category} ${results.map((lhr) => Math.round((lhr.categories[category]?.score ?? 0) * 100)).join('/')}`);
        console.log(`${''.padEnd(18)}each run: ${each.join('; ')}`);
      }
      const last = results.at(-1);
      if (!last) continue;
      for (const category of CATEGORIES) {
        const entry = last.categories[category];
        if (!entry || (entry.score ?? 0) >= 1) continue;
        const failing = entry.auditRefs
          .map((ref) => last.audits[ref.id])
          .filter((audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable')
          .map((audit) => audit!.id);
        if (failing.length > 0) console.log(`${''.padEnd(18)}${category}: ${failing.slice(0, 6).join(', ')}`);
      }
      // Where a page below 100 loses its performance points: blocking time, the DOM and the main thread's work.
      if ((last.categories['performance']?.score ?? 1) < 1) {
        const tbt = median(results.map((lhr) => lhr.audits['total-blocking-time']?.numericValue ?? 0));
        const dom = last.audits['dom-size']?.numericValue;
        console.log(`${''.padEnd(18)}total blocking time ${Math.round(tbt)} ms (median), ${dom ?? '?'} elements; main thread (ms): ${mainThreadWork(last.audits['mainthread-work-breakdown'])}`);
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
}
