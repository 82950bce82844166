import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/site/data.ts';
import { GLOSSARY_PAGE_ID, kpiPageId, termPageId, TOOLS_PAGE_ID } from '../../src/site/generated-pages.ts';
import { pageIdOfUrl } from '../../src/site/routes.ts';
import { READER_FILTERS, SEARCH_RANKING, SEARCH_WEIGHTS } from '../../src/site/search.ts';
import { askBuiltSite, builtVocabulary, relevanceFigures, type QuestionOutcome } from '../../scripts/lib/search-relevance.ts';
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

  /** Keyword searches that found their page before questions were understood must still find it. */
  it('still finds every KPI, tool and glossary term by its name', async () => {
    const byName = [
      ...data.kpis.map((kpi) => ({ ask: kpi.name, page: `/${kpiPageId(kpi.id)}/`, set: 'tuning' as const })),
      ...data.tools.map((tool) => ({ ask: tool.name, page: `/${TOOLS_PAGE_ID}/`, set: 'tuning' as const })),
    ];
    const outcomes = await askBuiltSite(site, byName, { ...search(), depth: 8 });
    expect(outcomes.filter((outcome) => outcome.rank === undefined).map(described)).toEqual([]);
    // A term may be found on its own page, on the glossary, or on the page the glossary names as covering it.
    const terms = data.glossary.map((term) => ({ term, pages: [`/${termPageId(term.id)}/`, `/${GLOSSARY_PAGE_ID}/`, `/${pageIdOfUrl(term.see.replace(/[?#].*$/, ''))}/`.replace('//', '/')] }));
    const termOutcomes = await askBuiltSite(site, terms.map(({ term }) => ({ ask: term.term, page: `/${termPageId(term.id)}/`, set: 'tuning' as const })), { ...search(), depth: 8 });
    const notFound = termOutcomes.filter((outcome, index) => !terms[index]!.pages.some((page) => outcome.top.includes(page)));
    expect(notFound.map(described)).toEqual([]);
  });
});
