import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/site/data.ts';
import { GLOSSARY_PAGE_ID, kpiPageId, termPageId, TOOLS_PAGE_ID } from '../../src/site/generated-pages.ts';
import { pageIdOfUrl } from '../../src/site/routes.ts';
import { SEARCH_RANKING } from '../../src/site/search.ts';
import { canRun, useBrowserSession } from './harness.ts';
import { ROOT } from '../built/build-site.ts';

const { data } = loadSiteData(ROOT);

/**
 * Search is tested on named samples of each kind of entry: a KPI (found on its page), a tool and a tool's
 * alias (found on the directory), a glossary term (on its page, the glossary or the page covering it).
 * The samples test what the code does with every entry of a kind: which page holds its words and how
 * search ranks it. Whether every entry the content adds ranks in the first eight is not a rule a writer
 * can see before CI (no check could predict Pagefind's ranking), so it is not asserted here.
 */
function sample<T extends { id: string }>(entries: readonly T[], id: string, kind: string): T {
  const found = entries.find((entry) => entry.id === id);
  if (!found) throw new Error(`The findability sample ${kind} "${id}" is no longer in the content; name another ${kind} in tests/e2e/findability.test.ts`);
  return found;
}
const EXPECTATIONS: { term: string; page: string }[] = [
  ...['change-failure-rate', 'lead-time-experiment-to-production'].map((id) => ({ term: sample(data.kpis, id, 'KPI').name, page: `/${kpiPageId(id)}/` })),
  ...['mlflow', 'feast'].map((id) => ({ term: sample(data.tools, id, 'tool').name, page: `/${TOOLS_PAGE_ID}/` })),
  { term: sample(data.tools.filter((tool) => tool.aliases.includes('KFServing')), 'kserve', 'tool with the alias KFServing') && 'KFServing', page: `/${TOOLS_PAGE_ID}/` },
];

/** The topics the wiki added for what an ML engineer looks for today, each with the page that covers it. */
const TOPICS: { term: string; page: string }[] = [
  { term: 'AI engineer', page: '/ai-engineering/ai-engineer-vs-ml-engineer/' },
  { term: 'serving LLMs self-hosting', page: '/ai-engineering/serving-llms/' },
  { term: 'retrieval-augmented generation', page: '/ai-engineering/retrieval-augmented-generation/' },
  { term: 'evaluating LLM systems', page: '/ai-engineering/evaluating-llm-systems/' },
  { term: 'fine-tuning or prompting', page: '/ai-engineering/fine-tuning-vs-prompting/' },
  { term: 'prompt injection', page: '/ai-engineering/llm-security/' },
  { term: 'hybrid search', page: '/ai-engineering/vector-and-hybrid-search/' },
  { term: 'agents', page: '/ai-engineering/agents-and-llmops/' },
  { term: 'feature store', page: '/data/feature-stores/' },
  { term: 'point-in-time correctness', page: '/data/feature-stores/' },
  { term: 'data observability', page: '/data/data-quality-and-observability/' },
  { term: 'data-centric AI', page: '/data/data-centric-ml/' },
  { term: 'DataOps', page: '/data/orchestration-and-dataops/' },
  { term: 'Kafka streaming', page: '/data/streaming-ml-pipelines/' },
  { term: 'distributed training', page: '/infrastructure/gpu-and-distributed-training/' },
  { term: 'FinOps', page: '/infrastructure/cost-of-ml-systems/' },
  { term: 'quantization', page: '/infrastructure/model-compression-and-quantization/' },
  { term: 'Kubeflow pipelines', page: '/infrastructure/ml-on-kubernetes/' },
  { term: 'lean MLOps', page: '/practice/lean-mlops/' },
  { term: 'regulated industries', page: '/practice/regulated-industries/' },
  { term: 'notebook to production', page: '/practice/research-to-production/' },
  { term: 'interpretability', page: '/responsible-ml/interpretability/' },
  { term: 'fairness bias', page: '/responsible-ml/fairness-and-bias/' },
  { term: 'GDPR', page: '/responsible-ml/privacy-and-gdpr/' },
  { term: 'A/B testing', page: '/experimentation/ab-testing/' },
  { term: 'causal inference', page: '/experimentation/causal-inference/' },
  { term: 'switching into ML', page: '/careers/switching-into-ml/' },
  { term: 'interview preparation', page: '/careers/interview-preparation/' },
  { term: 'leading ML teams', page: '/careers/leading-ml-teams/' },
];

/** Glossary terms, each found on its own page, the glossary, or the page the glossary names as covering it. */
const TERMS = ['feature-store', 'ab-test', 'agent'].map((id) => sample(data.glossary, id, 'glossary term')).map((term) => ({
  term: term.term,
  pages: [`/${termPageId(term.id)}/`, `/${GLOSSARY_PAGE_ID}/`, `/${pageIdOfUrl(term.see.replace(/[?#].*$/, ''))}/`.replace('//', '/')],
}));

describe.skipIf(!canRun())('everything the wiki covers can be found', () => {
  const session = useBrowserSession();

  /** Runs Pagefind's own search API in the page (the index and ranking of the search box) and returns, per query, the first 8 page URLs. */
  async function search(queries: readonly string[]): Promise<Record<string, string[]>> {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(''));
    // The script is passed as text so that vitest does not rewrite its dynamic import.
    const results = (await page.evaluate(`(async () => {
      const pagefind = await import('${session.server.url('pagefind/pagefind.js')}');
      await pagefind.options({ ranking: ${JSON.stringify(SEARCH_RANKING)} });
      const found = {};
      for (const term of ${JSON.stringify(queries)}) {
        const search = await pagefind.search(term);
        const top = await Promise.all(search.results.slice(0, 8).map((result) => result.data()));
        found[term] = top.map((entry) => entry.url.replace(/#.*$/, ''));
      }
      return found;
    })()`)) as Record<string, string[]>;
    await page.close();
    return results;
  }

  const missed = (expectations: { term: string; page: string }[], results: Record<string, string[]>) =>
    expectations.filter(({ term, page }) => !(results[term] ?? []).includes(page)).map(({ term, page }) => `${term} → expected ${page}, got ${(results[term] ?? []).join(', ')}`);

  it('finds the covering page among the first results for a KPI, a tool and a tool\'s other name', async () => {
    expect(missed(EXPECTATIONS, await search(EXPECTATIONS.map((e) => e.term)))).toEqual([]);
  });

  it('finds the page of every new topic among the first results', async () => {
    expect(missed(TOPICS, await search(TOPICS.map((e) => e.term)))).toEqual([]);
  });

  it('finds the page of a glossary term among the first results', async () => {
    const results = await search(TERMS.map((e) => e.term));
    const notFound = TERMS.filter(({ term, pages }) => !pages.some((page) => (results[term] ?? []).includes(page)));
    expect(notFound.map(({ term, pages }) => `${term} → expected one of ${pages.join(', ')}, got ${(results[term] ?? []).join(', ')}`)).toEqual([]);
  });
});
