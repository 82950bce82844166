import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/checker/check.ts';
import { pagesLinkingToAnchor } from '../../src/site/anchor-backlinks.ts';
import { TOOLS_PAGE_ID, toolAnchor } from '../../src/site/generated-pages.ts';
import { pageEdges, backlinksOf } from '../../src/site/link-graph.ts';
import { checklistNamingTool, fixture, fixtureIndex } from '../helpers/fixture-project.ts';

const TOOLS = `${fixture('rules/entry-missing/tools.yaml')}- id: dvc
  name: DVC
  category: versioning
  phase: beginner
  what: Versions data and model files next to Git.
  when: Pick it when each model must be tied to its exact data.
  licence: Apache-2.0
  docs: https://dvc.org/doc
`;

const index = fixtureIndex({
  'src/content/tools/tools.yaml': TOOLS,
  'src/content/docs/reference/tools.mdx': fixture('rules/entry-missing/tools-page.mdx'),
  // A written tool: link, a plain link to the same row, and a checklist item that names the tool.
  'src/content/docs/guides/tracking.mdx': `---
title: Tracking
description: A page that links to a tool.
section: guides
related: [guides/model-monitoring]
---

Track runs with [MLflow](tool:mlflow), see [the row](/reference/tools/#mlflow) and [DVC](tool:dvc).
`,
  'src/content/checklists/mlops-beginner.yaml': checklistNamingTool('mlflow'),
});
const { resolved, problems } = checkSite(index);

describe('pages that link to one row of the tools directory', () => {
  it('resolves every tool link of the fixture', () => {
    expect(problems.filter((p) => p.rule !== 'page-orphan' && p.rule !== 'page-few-links')).toEqual([]);
  });

  it('lists the pages whose links or checklist items lead to the row, once each, sorted by title', () => {
    const titles = (toolId: string) => pagesLinkingToAnchor(TOOLS_PAGE_ID, toolAnchor(toolId), resolved, index.pages).map((page) => page.title);
    expect(titles('mlflow')).toEqual(['Model monitoring', 'Tracking']);
    expect(titles('dvc')).toEqual(['Tracking']);
  });

  it('counts a checklist item naming a tool as a link from the checklist page to the directory', () => {
    expect(backlinksOf(TOOLS_PAGE_ID, pageEdges(resolved), index.pages).map((page) => page.title)).toEqual(['Model monitoring', 'Tracking']);
  });
});
