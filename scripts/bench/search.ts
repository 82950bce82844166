import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { READER_FILTERS, SEARCH_RANKING, SEARCH_WEIGHTS } from '../../src/site/search.ts';
import { askBuiltSite, askByName, builtVocabulary, byName, NAME_DEPTH, relevanceFigures, type QuestionOutcome } from '../lib/search-relevance.ts';
import type { SiteData } from '../../src/site/site-data.ts';
import { serveDirectory } from '../lib/static-server.ts';

/** A mid-range phone, as Lighthouse's mobile profile models one: the CPU four times slower than this machine's. */
const PHONE_CPU_SLOWDOWN = 4;
const TIMING_RUNS = 5;
const TIMED_QUERY = 'how to monitor drift in production';

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(0)}%`.padStart(5);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The search's figures on a built site: relevance on the test set, index size per page, and time to the first result. */
export async function benchSearch(dir: string, data: Pick<SiteData, 'searchQuestions' | 'kpis' | 'tools' | 'glossary'>): Promise<void> {
  const questions = data.searchQuestions;
  if (!existsSync(join(dir, 'pagefind', 'pagefind.js'))) {
    console.log(`\nSearch: no search index in ${dir}/; run "npm run build" first.`);
    return;
  }
  console.log('\n## Search relevance (questions in src/content/search/questions/)\n');
  const outcomes = await askBuiltSite({ dir, base: '/' }, questions, { vocabulary: builtVocabulary(dir), ranking: SEARCH_RANKING, weights: SEARCH_WEIGHTS, filters: READER_FILTERS });
  console.log(`${'questions'.padEnd(22)}${'count'.padStart(6)}${'first'.padStart(7)}${'top 3'.padStart(7)}${'MRR'.padStart(7)}${'empty'.padStart(7)}`);
  const row = (label: string, subset: QuestionOutcome[]) => {
    const figures = relevanceFigures(subset);
    console.log(
      `${label.padEnd(22)}${String(figures.questions).padStart(6)}${percent(figures.first, figures.questions).padStart(7)}${percent(figures.firstThree, figures.questions).padStart(7)}${figures.meanReciprocalRank.toFixed(3).padStart(7)}${String(figures.empty).padStart(7)}`,
    );
  };
  row('tuning', outcomes.filter((outcome) => outcome.set === 'tuning'));
  row('held out (not tuned)', outcomes.filter((outcome) => outcome.set === 'holdout'));
  row('all', outcomes);
  // Only tuning questions are listed: looking at held-out misses would turn them into tuning questions.
  const missed = outcomes.filter((outcome) => outcome.set === 'tuning' && outcome.rank !== 1);
  if (missed.length > 0) {
    console.log('\ntuning questions whose page is not first:');
    for (const outcome of missed) console.log(`  [${outcome.rank ?? '-'}] ${outcome.ask} → ${outcome.page}; first: ${outcome.top[0] ?? 'nothing'}`);
  }

  const entries = [...data.kpis.map(byName.kpi), ...data.tools.flatMap((tool) => [tool.name, ...tool.aliases].map(byName.tool)), ...data.glossary.map(byName.term)];
  const { searched, missed: notFound } = await askByName({ dir, base: '/' }, entries, { vocabulary: builtVocabulary(dir), ranking: SEARCH_RANKING, weights: SEARCH_WEIGHTS, filters: READER_FILTERS });
  console.log(`\nby name: ${searched - notFound.length} of ${searched} KPIs, tools (with their other names) and glossary terms found among the first ${NAME_DEPTH} results`);
  for (const outcome of notFound) console.log(`  not found: ${outcome.ask} → ${outcome.page}; first: ${outcome.top.slice(0, 3).join(' ')}`);

  console.log('\n## Search index size\n');
  const pages = readdirSync(join(dir, 'pagefind', 'fragment')).length;
  const bytes = (folder: string) => readdirSync(join(dir, 'pagefind', folder)).reduce((sum, file) => sum + statSync(join(dir, 'pagefind', folder, file)).size, 0);
  const index = bytes('index');
  const fragments = bytes('fragment');
  console.log(`${pages} pages indexed; word index ${(index / 1024).toFixed(0)} kB (${(index / pages / 1024).toFixed(2)} kB per page), page texts ${(fragments / 1024).toFixed(0)} kB (${(fragments / pages / 1024).toFixed(2)} kB per page), both gzipped`);

  await timeFirstResult(dir);
}

/**
 * Time from typing to the first result in the dialog, on a mid-range phone profile with the network
 * off: the site is visited once (the service worker stores it), then a fresh page is opened offline and
 * the search runs from nothing loaded. "Opened and typed at once" includes loading Pagefind and the
 * vocabulary; "typed after opening" is a reader who takes a second to start typing.
 */
async function timeFirstResult(dir: string): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) {
    console.log('\nTime to first result: SKIPPED, no Chromium at /usr/bin/chromium (sudo apt-get install -y chromium).');
    return;
  }
  const server = await serveDirectory(dir, '/', { compress: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  const timings: Record<'cold' | 'typed', number[]> = { cold: [], typed: [] };
  try {
    for (let run = 0; run < TIMING_RUNS; run += 1) {
      for (const mode of ['cold', 'typed'] as const) {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
        const warm = await context.newPage();
        await warm.goto(server.url('guides/'));
        await warm.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        // The worker keeps a page as it serves it: the first visit came before the worker, the reload through it.
        await warm.reload();
        await warm.waitForFunction(() => navigator.serviceWorker.controller !== null);
        await warm.close();
        await context.setOffline(true);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU_SLOWDOWN });
        await page.goto(server.url('guides/'), { waitUntil: 'load' });
        await page.locator('site-search button[data-open-modal]:not([disabled])').click();
        if (mode === 'typed') await page.waitForTimeout(1000);
        const elapsed = await page.evaluate(async (query) => {
          const input = document.querySelector<HTMLInputElement>('site-search input[type="search"]')!;
          const results = document.querySelector('site-search [data-search-results]')!;
          const started = performance.now();
          const shown = new Promise<number>((resolve) => {
            new MutationObserver((_, observer) => {
              if (results.querySelector('.search-result')) {
                observer.disconnect();
                resolve(performance.now() - started);
              }
            }).observe(results, { childList: true, subtree: true });
          });
          input.value = query;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return shown;
        }, TIMED_QUERY);
        timings[mode].push(elapsed);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`\n## Time to first search result (offline, ${PHONE_CPU_SLOWDOWN}x CPU slowdown, "${TIMED_QUERY}", median of ${TIMING_RUNS})\n`);
  console.log(`typed 1 s after opening the dialog: ${median(timings.typed).toFixed(0)} ms   (runs: ${timings.typed.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`typed the moment it opened:         ${median(timings.cold).toFixed(0)} ms   (runs: ${timings.cold.map((t) => t.toFixed(0)).join(', ')}; includes loading Pagefind)`);
}
