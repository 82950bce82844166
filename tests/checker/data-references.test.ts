import { describe, expect, it } from 'vitest';
import { checkFixture, checklistNamingTool, fixture, located } from '../helpers/fixture-project.ts';

/**
 * Links written in data files are checked like links in pages, at the line and column where they are
 * written: the pages a learning resource is listed on, and the tool a checklist item names. So are the
 * links that generated pages make to written pages, at the route file that renders them.
 */

const TOOLS = 'src/content/tools/tools.yaml';
const TOOLS_PAGE = 'src/content/docs/reference/tools.mdx';
const CHECKLIST = 'src/content/checklists/mlops-beginner.yaml';
const RESOURCES = 'src/content/resources/resources.yaml';

const checklist = checklistNamingTool;

const resources = (pages: string) => `- id: mlops-zoomcamp
  title: MLOps Zoomcamp
  provider: DataTalks.Club
  kind: course
  url: https://github.com/DataTalksClub/mlops-zoomcamp
  description: A free course that takes one model to production.
  pages: [${pages}]
`;

/** The directory and its page, as the rule fixtures for tool links have them. */
const directory = { [TOOLS]: fixture('rules/entry-missing/tools.yaml'), [TOOLS_PAGE]: fixture('rules/entry-missing/tools-page.mdx') };
const problemsOf = (files: Record<string, string>) => checkFixture({ ...directory, ...files }).filter((p) => !['page-orphan', 'page-few-links', 'page-few-resources'].includes(p.rule));

describe('links written in data files', () => {
  it('accepts a checklist tool that is in the directory and resources listed on existing pages', () => {
    expect(located(problemsOf({ [CHECKLIST]: checklist('mlflow'), [RESOURCES]: resources('guides/model-monitoring, about/sources') }))).toEqual([]);
  });

  it('reports a checklist tool that is not in the directory at the item, with the closest id', () => {
    const problems = problemsOf({ [CHECKLIST]: checklist('ml-flow') });
    expect(located(problems)).toEqual([`${CHECKLIST}:12:17 entry-missing`]);
    expect(problems[0]?.message).toBe('there is no tool "ml-flow" in src/content/tools/; did you mean "mlflow"? (in the tools of the checklist item "mlflow")');
  });

  it('reports a resource page id that does not exist at the id, with the closest page', () => {
    const problems = problemsOf({ [RESOURCES]: resources('guides/model-monitoring, guides/model-monitor') });
    expect(located(problems)).toEqual([`${RESOURCES}:7:36 page-missing`]);
    expect(problems[0]?.message).toContain('no page "guides/model-monitor"; did you mean /guides/model-monitoring/?');
    expect(problems[0]?.message).toContain('(in the pages of the resource "mlops-zoomcamp")');
  });

  it('reports a checklist tool when the directory is empty, rather than crashing', () => {
    const problems = checkFixture({ [CHECKLIST]: checklist('mlflow') }).filter((p) => p.file === CHECKLIST);
    expect(located(problems)).toEqual([`${CHECKLIST}:12:17 entry-missing`]);
  });

  it('reports the page of a checklist when no such page exists', () => {
    const problems = problemsOf({ [CHECKLIST]: checklist('mlflow').replace('page: guides/model-monitoring', 'page: guides/model-monitor') });
    expect(located(problems)).toEqual([`${CHECKLIST}:4:7 page-missing`]);
    expect(problems[0]?.message).toContain('(in the page of the checklist)');
  });

  it('checks the moments behind a checklist item like citations, at their place in the item', () => {
    const withMoments = (moments: string) => `${checklist('mlflow')}        moments: [${moments}]\n`;
    expect(located(problemsOf({ [CHECKLIST]: withMoments('data-team-roles@17:04') }))).toEqual([]);
    const problems = problemsOf({ [CHECKLIST]: withMoments('data-team-roles@17:04, data-team-roles@17:00, data-team-roles@16:48') });
    expect(located(problems)).toEqual([`${CHECKLIST}:15:42 timestamp-missing`, `${CHECKLIST}:15:65 moment-undescribed`]);
    expect(problems[0]?.message).toContain('(in the moments of the checklist item "mlflow")');
  });

  it('reports a written page that a generated page links to, at the route that renders the link', () => {
    const glossary = { 'src/content/glossary/glossary.yaml': fixture('rules/entry-missing/glossary.yaml') };
    expect(located(problemsOf({ ...glossary, 'src/content/docs/reference/glossary.mdx': fixture('rules/entry-missing/glossary-page.mdx') }))).toEqual([]);
    const problems = problemsOf(glossary);
    expect(located(problems)).toEqual(['src/pages/reference/glossary/[term].astro:1:1 page-missing']);
    expect(problems[0]?.message).toMatch(/^no page at \/reference\/glossary\/.* \(in the glossary link of the term page "drift", which this route renders\)$/);
  });
});
