#!/usr/bin/env node
/**
 * npm run bench [-- --sizes 1000,5000 --no-build --no-lighthouse --no-search --search-only]
 * Speed and memory of the reference check on synthetic corpora, against the parse-only floor, the astro
 * build of the same corpus, and starlight-links-validator's build-time overhead; then, on the built
 * `dist/`, the search's relevance on the question set, its index size and its time to the first result.
 * Prints figures; it asserts only that the check finds exactly the planted errors.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSiteData } from '../src/site/data.ts';
import { generateCorpus, type Corpus } from './bench/corpus.ts';
import { runLighthouse } from './bench/lighthouse.ts';
import { benchSearch } from './bench/search.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH_DIR = join(ROOT, '.bench');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    'no-build': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'search-only': { type: 'boolean', default: false },
  },
});
const sizes = values['search-only'] ? [] : values.sizes.split(',').map(Number);

interface Measurement {
  ms: number;
  maxRssMb: number;
  problems?: Record<string, number>;
  edits?: Record<string, { ms: number; pages: number }>;
}

const node = (args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

function measure(mode: 'parse' | 'check' | 'incremental', root: string, runs = 3): Measurement {
  const results = Array.from({ length: runs }, () => JSON.parse(node([join(ROOT, 'scripts/bench/measure.ts'), mode, root])) as Measurement);
  return results.sort((a, b) => a.ms - b.ms)[Math.floor(runs / 2)]!;
}

function writeBenchSite(corpus: Corpus): void {
  writeFileSync(
    join(corpus.root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import links from 'starlight-links-validator';
export default defineConfig({
  integrations: [starlight({ title: 'Bench', plugins: process.env.WITH_SLV === '1' ? [links({ errorOnFallbackPages: false, errorOnInvalidHashes: true })] : [] })],
});
`,
  );
  mkdirSync(join(corpus.root, 'src'), { recursive: true });
  writeFileSync(
    join(corpus.root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
}

/** Wall time of `astro build` on the corpus; a failing build (the validator finds the planted errors) still counts. */
function timeBuild(corpus: Corpus, withValidator: boolean): number {
  const started = performance.now();
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: corpus.root,
      env: { ...process.env, WITH_SLV: withValidator ? '1' : '0', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
  } catch {
    // starlight-links-validator fails the build on the planted errors, after doing its work.
  }
  return performance.now() - started;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
// 0:01 is left out: the corpus plants citations of it as the timestamp-missing errors.
const episodes = [...loadSiteData(ROOT).data.episodes.values()].map((episode) => ({ slug: episode.slug, starts: episode.segments.map((segment) => segment.t).filter((t) => t !== '0:01') }));
let failed = false;

for (const size of sizes) {
  const corpus = generateCorpus(join(BENCH_DIR, `corpus-${size}`), size, ROOT, episodes);
  const parse = measure('parse', corpus.root);
  const check = measure('check', corpus.root);
  const expected = Object.values(corpus.planted).reduce((a, b) => a + b, 0);
  const found = Object.values(check.problems ?? {}).reduce((a, b) => a + b, 0);
  const exact = Object.entries(corpus.planted).every(([rule, count]) => (check.problems?.[rule] ?? 0) === count) && found === expected;
  failed ||= !exact;
  console.log(`\n## ${size} pages (${corpus.links} links, ${corpus.citations} citations, ${expected} planted errors)`);
  console.log(`planted errors found exactly:  ${exact ? 'yes' : `NO: found ${JSON.stringify(check.problems)}, planted ${JSON.stringify(corpus.planted)}`}`);
  console.log(`parse-only floor:              ${fmt(parse.ms)}`);
  console.log(`source check:                  ${fmt(check.ms)}  (${Math.round(size / (check.ms / 1000))} pages/s, ${(check.ms / parse.ms).toFixed(2)}x the parse floor, peak RSS ${Math.round(check.maxRssMb)} MB)`);
  const live = measure('incremental', corpus.root, 1);
  console.log(`live check, first full check:  ${fmt(live.ms)}  (peak RSS ${Math.round(live.maxRssMb)} MB)`);
  for (const [kind, { ms, pages }] of Object.entries(live.edits ?? {})) {
    console.log(`  re-check after one page saved, ${kind}: ${ms.toFixed(1)} ms median (${pages} page${pages === 1 ? '' : 's'} checked again)`);
  }
  if (!values['no-build']) {
    writeBenchSite(corpus);
    const build = timeBuild(corpus, false);
    const buildWithValidator = timeBuild(corpus, true);
    console.log(`astro build (no checker):      ${fmt(build)}`);
    console.log(`check / build time:            ${((check.ms / build) * 100).toFixed(1)} %`);
    console.log(`build-time overhead, ours:     ${fmt(check.ms)} (a separate step before the build)`);
    console.log(`build-time overhead, starlight-links-validator: ${fmt(buildWithValidator - build)}`);
  }
}
if (!values['no-lighthouse'] && !values['search-only']) await runLighthouse(join(ROOT, 'dist'));
if (!values['no-search']) await benchSearch(join(ROOT, 'dist'), loadSiteData(ROOT).data.searchQuestions);
process.exitCode = failed ? 1 : 0;
