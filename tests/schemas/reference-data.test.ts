import { describe, expect, it } from 'vitest';
import { dump as stringify } from 'js-yaml';
import { parseDataFile } from '../../src/site/data.ts';
import { ChecklistSchema } from '../../src/schemas/checklist.ts';
import { ResourceListSchema } from '../../src/schemas/resource.ts';
import { ToolListSchema } from '../../src/schemas/tool.ts';

/** The messages a data file produces, with the line each is reported at. */
function problems(file: string, data: unknown, schema: Parameters<typeof parseDataFile>[2]): string[] {
  const result = parseDataFile(file, stringify(data), schema);
  return result.ok ? [] : result.problems.map((p) => `${p.position.line}: ${p.message}`);
}

const TOOLS = 'src/content/tools/tools.yaml';
const RESOURCES = 'src/content/resources/resources.yaml';

const tool = (overrides: Record<string, unknown> = {}) => ({
  id: 'mlflow',
  name: 'MLflow',
  category: 'experiment-tracking',
  phase: 'beginner',
  what: 'Records parameters, metrics and artifacts of training runs.',
  when: 'Pick it when a team needs tracking it can host itself.',
  licence: 'Apache-2.0',
  docs: 'https://mlflow.org/docs/latest/',
  ...overrides,
});

const resource = (overrides: Record<string, unknown> = {}) => ({
  id: 'mlops-zoomcamp',
  title: 'MLOps Zoomcamp',
  provider: 'DataTalks.Club',
  kind: 'course',
  url: 'https://github.com/DataTalksClub/mlops-zoomcamp',
  description: 'A free course that takes one model to production.',
  pages: ['mlops/beginner'],
  ...overrides,
});

const without = (entry: Record<string, unknown>, field: string) => Object.fromEntries(Object.entries(entry).filter(([key]) => key !== field));

describe('tools directory schema', () => {
  it('accepts a complete tool', () => {
    expect(problems(TOOLS, [tool(), tool({ id: 'weights-and-biases', name: 'Weights & Biases', licence: 'proprietary', alternatives: ['mlflow'] })], ToolListSchema)).toEqual([]);
  });

  it('rejects a tool without a category, naming the field and the categories to choose from', () => {
    expect(problems(TOOLS, [without(tool(), 'category')], ToolListSchema)).toEqual([expect.stringMatching(/^1: "0\.category" must be one of development, data-processing, .*, responsible-ml$/)]);
  });

  it('rejects a tool without an official documentation address, or with one over http', () => {
    expect(problems(TOOLS, [without(tool(), 'docs')], ToolListSchema)).toEqual([expect.stringMatching(/"0\.docs" is required but missing/)]);
    expect(problems(TOOLS, [tool({ docs: 'http://mlflow.org/docs/latest/' })], ToolListSchema)).toEqual([expect.stringContaining('the address must start with https://')]);
  });

  it('rejects an alternative that names no tool of the directory, at its line', () => {
    expect(problems(TOOLS, [tool({ alternatives: ['ml-flow'] })], ToolListSchema)).toEqual([
      '10: "0.alternatives.0": alternative "ml-flow" is not a tool in the directory; add it or remove it',
    ]);
  });

  it('rejects a tool listed as its own alternative, a repeated id and a licence that is not an SPDX id', () => {
    expect(problems(TOOLS, [tool({ alternatives: ['mlflow'] })], ToolListSchema)).toEqual([expect.stringContaining('"mlflow" lists itself as an alternative')]);
    expect(problems(TOOLS, [tool(), tool()], ToolListSchema)).toEqual([expect.stringContaining('tool id "mlflow" is used twice')]);
    expect(problems(TOOLS, [tool({ licence: 'Apache licence, version 2' })], ToolListSchema)).toEqual([expect.stringContaining('write an SPDX licence id')]);
    expect(problems(TOOLS, [tool({ licence: 'AGPL-3.0-only OR SSPL-1.0 OR Elastic-2.0' })], ToolListSchema)).toEqual([]);
  });

  it('rejects a category the directory does not define', () => {
    expect(problems(TOOLS, [tool({ category: 'tracking' })], ToolListSchema)).toEqual([expect.stringContaining('"0.category" must be one of development, data-processing')]);
  });
});

describe('learning resources schema', () => {
  it('accepts a complete resource', () => {
    expect(problems(RESOURCES, [resource()], ResourceListSchema)).toEqual([]);
  });

  it('rejects an address that is not https', () => {
    expect(problems(RESOURCES, [resource({ url: 'http://github.com/DataTalksClub/mlops-zoomcamp' })], ResourceListSchema)).toEqual([
      '5: "0.url": the address must start with https://',
    ]);
  });

  it('rejects a resource listed on no page', () => {
    expect(problems(RESOURCES, [resource({ pages: [] })], ResourceListSchema)).toEqual([expect.stringContaining('list the resource on at least one page')]);
  });

  it('rejects an address described twice, at the second entry', () => {
    expect(problems(RESOURCES, [resource(), resource({ id: 'zoomcamp-again' })], ResourceListSchema)).toEqual([
      '13: "1.url": https://github.com/DataTalksClub/mlops-zoomcamp is already the address of the resource "mlops-zoomcamp"; describe it once, and list every page it fits in that entry\'s pages',
    ]);
  });

  it('rejects an unknown kind', () => {
    expect(problems(RESOURCES, [resource({ kind: 'video' })], ResourceListSchema)).toEqual([expect.stringContaining('"0.kind" must be one of docs, course, book, tutorial, guide')]);
  });
});

describe('checklist items that name a tool', () => {
  const checklist = (item: Record<string, unknown>) => ({
    title: 'Beginner',
    track: 'mlops',
    order: 1,
    page: 'mlops/beginner',
    focus: 'Learn the basics of shipping a model.',
    groups: [{ id: 'tools', title: 'Tools to learn', items: [{ id: 'mlflow', label: 'MLflow', detail: 'Tracks runs and keeps a registry of models.', ...item }] }],
  });

  it('accepts a tool id and refuses a malformed one', () => {
    expect(problems('src/content/checklists/mlops-beginner.yaml', checklist({ tools: ['mlflow'] }), ChecklistSchema)).toEqual([]);
    expect(problems('src/content/checklists/mlops-beginner.yaml', checklist({ tools: ['MLflow'] }), ChecklistSchema)).toEqual([
      expect.stringContaining('"groups.0.items.0.tools.0": a tool id is lowercase words joined by "-"'),
    ]);
  });
});
