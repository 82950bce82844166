#!/usr/bin/env node
/**
 * npm run bench [-- --sizes 1000,5000 --no-build --no-lighthouse --no-search --search-only --lighthouse-only --page <kind> --runs <n>]
 * On synthetic corpora of each size: speed and memory of the reference check against the parse-only
 * floor, and the time to check again after one saved page; then the same pages built by the wiki
 * (`npm run build`: check, astro build, output check) and by bare Starlight (with its defaults, and with
 * the memory settings the wiki's astro build runs with), in milliseconds per page
 * and peak memory, with where the wiki's extra time goes, measured (timing hooks on its plugins and
 * integrations, Astro's time per page, and builds without each component override at the smallest
 * size); and starlight-links-validator's build-time overhead. Then page weights and Lighthouse scores
 * of the built dist/, and the search's relevance on the question set, its index size and its time to
 * the first result. Prints figures; it asserts only that the check finds exactly the planted errors.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSiteData } from '../src/site/data.ts';
import { astroBuild, buildMemorySettings, pageRenderTimes, wikiBuild, writeBareProject, writeWikiProject, type BuildTimes } from './bench/builds.ts';
import { generateCorpus, type Corpus } from './bench/corpus.ts';
import { PAGE_KINDS, runLighthouse } from './bench/lighthouse.ts';
import { benchSearch } from './bench/search.ts';
import { failUsage, parseCommandLine } from './lib/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH_DIR = join(ROOT, '.bench');
const USAGE = `Usage: npm run bench -- [options]

Prints the project's speed and size figures: the check against the parse floor and after one saved page,
the build against bare Starlight (time per page, peak memory, where the extra time goes), page weights
and Lighthouse scores of dist/, and the search's relevance, index size and time to the first result.

Options:
  --sizes <n,n>     the sizes of the generated corpora, in pages (default: 1000,5000)
  --no-build        leave out the builds of the corpora
  --no-lighthouse   leave out Lighthouse
  --no-search       leave out the search figures
  --search-only     only the search figures, on the dist/ already built
  --lighthouse-only only the page weights and Lighthouse scores, on the dist/ already built
  --page <kind>     Lighthouse on this page kind only (repeatable), e.g. --page "tools directory";
                    the kinds: ${Object.keys(PAGE_KINDS).join(', ')}
  --runs <n>        Lighthouse runs per page; the scores shown are their medians (default: 1)
  -h, --help        show this help`;

const { values } = parseCommandLine({
  usage: USAGE,
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    'no-build': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'search-only': { type: 'boolean', default: false },
    'lighthouse-only': { type: 'boolean', default: false },
    page: { type: 'string', multiple: true, default: [] },
    runs: { type: 'string', default: '1' },
  },
});
const only = values['search-only'] || values['lighthouse-only'];
const sizes = only ? [] : values.sizes.split(',').map(Number);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) failUsage(`--runs ${values.runs}: give a whole number of runs, such as 5.`, USAGE);
const unknownKind = values.page.find((kind) => !(kind in PAGE_KINDS));
if (unknownKind !== undefined) failUsage(`--page ${unknownKind}: not a page kind; the kinds are ${Object.keys(PAGE_KINDS).join(', ')}.`, USAGE);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) failUsage(`--sizes ${values.sizes}: give whole numbers of pages separated by commas, such as 1000,5000.`, USAGE);

interface Measurement {
  ms: number;
  /** Processor time of the measured work: on a busy machine it varies less than the wall time. */
  cpuMs: number;
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

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perPage = (ms: number, pages: number) => `${(ms / pages).toFixed(1)} ms/page`;
const mb = (value: number) => `${Math.round(value).toLocaleString('en')} MB`;

/** The component overrides measured by building without each: those that do work of their own on every page. */
const MEASURED_OVERRIDES: Record<string, string> = {
  MarkdownContent: 'related pages, backlinks, neighbourhood drawing, learn more, link previews',
  Sidebar: 'progress markers script',
};

/** The group of a built page for Astro's per-page times: the corpus's written pages, or the generated route that made it. */
const routeGroup = (path: string): string => {
  if (/^\/[a-z-]+\/page-\d+\//.test(path)) return 'written pages';
  const [first = '', second = ''] = path.split('/').filter(Boolean);
  if (first === 'podcast') return 'episode pages and list';
  if (first === 'contributing') return 'checker rule pages';
  if (first === 'graph') return 'knowledge graph and its list';
  if (first === 'kpis' || (first === 'reference' && second === 'glossary')) return 'KPI and glossary term pages';
  return 'other pages';
};

async function compareBuilds(corpus: Corpus, attribute: boolean): Promise<void> {
  const { pages } = corpus;
  const bareRoot = join(BENCH_DIR, `bare-${pages}`);
  const wikiRoot = join(BENCH_DIR, `wiki-${pages}`);
  writeBareProject(bareRoot, corpus.root, ROOT);
  writeWikiProject(wikiRoot, corpus.root, ROOT);
  const bare = await astroBuild(bareRoot, ROOT);
  const profileFile = join(wikiRoot, 'build-profile.json');
  const wiki = await wikiBuild(wikiRoot, ROOT, { profileFile });
  if (!wiki.steps['astro build']?.ok) throw new Error(`the wiki's build of the corpus failed:\n${wiki.steps['astro build']?.output.slice(-4000)}`);
  // Bare Starlight again, with the memory settings the wiki's build runs with: what it needs when it is held to them.
  const bareSettings = buildMemorySettings(bareRoot);
  const bareCapped = await astroBuild(bareRoot, ROOT, bareSettings);
  const withValidator = await astroBuild(bareRoot, ROOT, { WITH_SLV: '1' });
  const astroBuildMs = wiki.steps['astro build']!.ms;
  const steps = Object.entries(wiki.steps).map(([name, run]) => `${name} ${fmt(run.ms)}, peak ${mb(run.maxRssMb)}`).join(' + ');
  console.log(`\nbuilds of the same ${pages} pages (times per written page):`);
  console.log(`  bare Starlight (astro build):  ${fmt(bare.ms)}  ${perPage(bare.ms, pages)}, peak RSS ${mb(bare.maxRssMb)}`);
  console.log(`  bare Starlight, memory capped: ${fmt(bareCapped.ms)}  ${perPage(bareCapped.ms, pages)}, peak RSS ${mb(bareCapped.maxRssMb)}  (with ${Object.entries(bareSettings).map(([name, value]) => `${name}=${value}`).join(' ')}, as the wiki's astro build runs)`);
  console.log(`  wiki (npm run build):          ${fmt(wiki.ms)}  ${perPage(wiki.ms, pages)} = ${(wiki.ms / bare.ms).toFixed(2)}x bare, peak RSS ${mb(wiki.maxRssMb)}  (${steps})`);
  console.log(`  wiki's astro build alone:      ${fmt(astroBuildMs)}  ${perPage(astroBuildMs, pages)} = ${(astroBuildMs / bare.ms).toFixed(2)}x bare`);
  console.log(`  build-time overhead of starlight-links-validator on bare Starlight: ${fmt(withValidator.ms - bare.ms)}`);
  printWhereTimeGoes(wiki, bare, profileFile);
  if (attribute) {
    // Astro's own time for the written pages, with and without a component, is what rendering it costs;
    // the whole build's time also moves with its bundled script, and with the machine's load.
    const rendered = (build: BuildTimes) => pageRenderTimes(build.steps['astro build']!.output, routeGroup).get('written pages')?.ms ?? 0;
    for (const [component, does] of Object.entries(MEASURED_OVERRIDES)) {
      writeWikiProject(wikiRoot, corpus.root, ROOT, { without: [component] });
      const without = await astroBuild(wikiRoot, ROOT);
      if (!without.steps['astro build']?.ok) throw new Error(`the wiki's build without ${component} failed:\n${without.steps['astro build']?.output.slice(-4000)}`);
      console.log(`    component ${component} (${does}): ${fmt(rendered(wiki) - rendered(without))} of rendering the written pages, ${fmt(astroBuildMs - without.ms)} of the astro build, measured as builds without it`);
    }
  }
}

function printWhereTimeGoes(wiki: BuildTimes, bare: BuildTimes, profileFile: string): void {
  console.log(`  where the wiki's build spends its time beyond bare Starlight's (${fmt(wiki.ms - bare.ms)} in all):`);
  for (const step of ['reference check', 'output check']) console.log(`    ${step} (a step of its own): ${fmt(wiki.steps[step]!.ms)}`);
  const hooks = existsSync(profileFile) ? (JSON.parse(readFileSync(profileFile, 'utf8')) as Record<string, number>) : {};
  for (const [name, ms] of Object.entries(hooks).sort((a, b) => b[1] - a[1])) {
    if (ms >= 1) console.log(`    ${name}: ${fmt(ms)}`);
  }
  const wikiPages = pageRenderTimes(wiki.steps['astro build']!.output, routeGroup);
  const barePages = pageRenderTimes(bare.steps['astro build']!.output, routeGroup);
  for (const [group, { pages, ms }] of [...wikiPages].sort((a, b) => b[1].ms - a[1].ms)) {
    const bareGroup = barePages.get(group);
    const versus = bareGroup ? ` (bare Starlight: ${fmt(bareGroup.ms)} for ${bareGroup.pages})` : ' (bare Starlight has none)';
    console.log(`    rendering ${group}: ${fmt(ms)} for ${pages} pages${versus}, as Astro times each page`);
  }
}
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
  console.log(`parse-only floor:              ${fmt(parse.ms)}  (processor time ${fmt(parse.cpuMs)})`);
  console.log(`source check:                  ${fmt(check.ms)}  (processor time ${fmt(check.cpuMs)}, ${Math.round(size / (check.ms / 1000))} pages/s, peak RSS ${Math.round(check.maxRssMb)} MB)`);
  // The marginal cost: what the check adds to reading and parsing the same files.
  const marginal = (total: number, floor: number) => ((total - floor) / floor).toFixed(2);
  console.log(`marginal cost over the floor:  ${marginal(check.ms, parse.ms)}x the floor in time, ${marginal(check.cpuMs, parse.cpuMs)}x in processor time (the check takes ${(check.ms / parse.ms).toFixed(2)}x the floor in all)`);
  const live = measure('incremental', corpus.root, 1);
  console.log(`live check, first full check:  ${fmt(live.ms)}  (peak RSS ${Math.round(live.maxRssMb)} MB)`);
  for (const [kind, { ms, pages }] of Object.entries(live.edits ?? {})) {
    console.log(`  re-check after one page saved, ${kind}: ${ms.toFixed(1)} ms median (${pages} page${pages === 1 ? '' : 's'} checked again)`);
  }
  if (!values['no-build']) await compareBuilds(corpus, size === Math.min(...sizes));
}
if (!values['no-lighthouse'] && !values['search-only']) await runLighthouse(join(ROOT, 'dist'), { kinds: values.page, runs });
if (!values['no-search'] && !values['lighthouse-only']) await benchSearch(join(ROOT, 'dist'), loadSiteData(ROOT).data);
process.exitCode = failed ? 1 : 0;
