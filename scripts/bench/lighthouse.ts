import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
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

/** Lighthouse (mobile emulation, its default) on one page of each kind of the built site in `dir`. */
export async function runLighthouse(dir: string): Promise<void> {
  if (!existsSync(join(dir, 'index.html'))) {
    console.log(`\nLighthouse: no build in ${dir}/; run "npm run build" first.`);
    return;
  }
  if (!existsSync('/usr/bin/chromium')) {
    console.log('\nLighthouse: SKIPPED, no Chromium at /usr/bin/chromium (sudo apt-get install -y chromium).');
    return;
  }
  printMapScripts(dir);
  console.log('\n## Page weight (JavaScript and CSS loaded)\n');
  for (const [kind, path] of Object.entries(PAGE_KINDS)) {
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
    console.log('\n## Lighthouse (mobile)\n');
    console.log(`${'page'.padEnd(16)}${CATEGORIES.map((c) => c.padStart(16)).join('')}`);
    for (const [kind, path] of Object.entries(PAGE_KINDS)) {
      const result = await lighthouse(server.url(path), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      const categories = result?.lhr.categories ?? {};
      const scores = CATEGORIES.map((category) => {
        const score = categories[category]?.score;
        return (score === null || score === undefined ? 'n/a' : String(Math.round(score * 100))).padStart(16);
      });
      console.log(`${kind.padEnd(16)}${scores.join('')}`);
      for (const category of CATEGORIES) {
        const entry = categories[category];
        if (!entry || (entry.score ?? 0) >= 1) continue;
        const failing = entry.auditRefs
          .map((ref) => result?.lhr.audits[ref.id])
          .filter((audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable')
          .map((audit) => audit!.id);
        if (failing.length > 0) console.log(`${''.padEnd(18)}${category}: ${failing.slice(0, 6).join(', ')}`);
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
}
