import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/site/data.ts';
import { READER_FILTERS, SEARCH_RANKING, SEARCH_WEIGHTS } from '../../src/site/search.ts';
import { askBuiltSite, askByName, builtVocabulary, byName, relevanceFigures, type QuestionOutcome } from '../../scripts/lib/search-relevance.ts';
import { BUILDS, isBuilt, ROOT } from './build-site.ts';

const { data } = loadSiteData(ROOT);
const site = { dir: BUILDS.root.outDir, base: BUILDS.root.base };
const search = () => ({ vocabulary: builtVocabulary(site.dir), ranking: SEARCH_RANKING, weights: SEARCH_WEIGHTS, filters: READER_FILTERS });
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;
const described = (outcome: QuestionOutcome) => `${outcome.ask} → expected ${outcome.page} at ${outcome.rank ?? 'none'}, got ${outcome.top.slice(0, 3).join(' ')}`;

/**
 * The relevance test set (src/content/search/questions/) run through the built site's own index and
 * the dialog's query and ranking code. The page each tuning question names must be among the first
 * three for at least 90% of them, and no question may come back empty. The held-out questions are
 * measured and printed, not held to the bar: they exist to show how the search does on questions it
 * was not tuned for, and a bar on them would turn them into tuning questions.
 */
describe.skipIf(!isBuilt('root'))('search answers learners\' questions', () => {
  it('puts the wanted page among the first three for 90% of the questions, and never answers with nothing', async () => {
    expect(data.searchQuestions.length).toBeGreaterThanOrEqual(60);
    const outcomes = await askBuiltSite(site, data.searchQuestions, search());
    for (const set of ['tuning', 'holdout'] as const) {
      const figures = relevanceFigures(outcomes.filter((outcome) => outcome.set === set));
      console.log(
        `search relevance, ${set} questions: ${figures.questions}, first ${percent(figures.first, figures.questions)}, first three ${percent(figures.firstThree, figures.questions)}, MRR ${figures.meanReciprocalRank.toFixed(3)}`,
      );
    }
    expect(outcomes.filter((outcome) => outcome.top.length === 0).map(described)).toEqual([]);
    const tuning = outcomes.filter((outcome) => outcome.set === 'tuning');
    const missed = tuning.filter((outcome) => outcome.rank === undefined || outcome.rank > 3);
    expect(1 - missed.length / tuning.length, `questions whose page is not among the first three:\n${missed.map(described).join('\n')}`).toBeGreaterThanOrEqual(0.9);
  });

  /**
   * Keyword searches that found their page before questions were understood must still find it. Named
   * samples of each kind of entry are held to it: they test what the code does with every entry of a
   * kind (which page holds its words, how search ranks it). Every entry is measured by `npm run bench`,
   * not asserted here: a writer who adds a tool cannot see Pagefind's ranking before CI, and
   * CONTRIBUTING promises that content which passes `npm run check` passes `npm test`.
   */
  it('still finds a KPI, a tool, a tool\'s other name and glossary terms by name', async () => {
    const sample = <T extends { id: string }>(entries: readonly T[], id: string, kind: string): T => {
      const found = entries.find((entry) => entry.id === id);
      if (!found) throw new Error(`The search sample ${kind} "${id}" is no longer in the content; name another ${kind} in tests/built/search-relevance.test.ts`);
      return found;
    };
    const kserve = sample(data.tools, 'kserve', 'tool');
    const samples = [
      ...['change-failure-rate', 'lead-time-experiment-to-production'].map((id) => byName.kpi(sample(data.kpis, id, 'KPI'))),
      ...['mlflow', 'feast'].map((id) => byName.tool(sample(data.tools, id, 'tool').name)),
      ...kserve.aliases.filter((alias) => alias === 'KFServing').map(byName.tool),
      ...['feature-store', 'ab-test', 'agent'].map((id) => byName.term(sample(data.glossary, id, 'glossary term'))),
    ];
    expect(samples.map(({ ask }) => ask), 'KServe\'s other name KFServing is a sample; name another alias if it is gone').toContain('KFServing');
    const found = await askByName(site, samples, search());
    expect(found.missed.map(described)).toEqual([]);
  });
});
