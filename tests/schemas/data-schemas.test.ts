import { describe, expect, it } from 'vitest';
import { parseDataFile } from '../../src/site/data.ts';
import { EpisodeSchema } from '../../src/schemas/episode.ts';
import { SourceSchema } from '../../src/schemas/source.ts';
import { ChecklistSchema } from '../../src/schemas/checklist.ts';
import { KpiListSchema } from '../../src/schemas/kpi.ts';
import { ToolListSchema } from '../../src/schemas/tool.ts';
import { fixture } from '../helpers/fixture-project.ts';

const FILE = 'src/content/episodes/data-team-roles.json';
const valid = () => JSON.parse(fixture('base/src/content/episodes/data-team-roles.json')) as Record<string, unknown> & { segments: { t: string; sec: number }[]; moments: { t: string; note: string }[] };
const messages = (data: unknown, schema = EpisodeSchema) => {
  const result = parseDataFile(FILE, JSON.stringify(data, null, 1), schema);
  return result.ok ? [] : result.problems.map((p) => p.message);
};

describe('episode schema', () => {
  it('accepts a well-formed episode', () => {
    expect(messages(valid())).toEqual([]);
  });

  it('requires segments sorted and unique', () => {
    const episode = valid();
    episode.segments.splice(2, 0, { t: '0:09', sec: 9 });
    expect(messages(episode)).toEqual(['"segments.2.sec": segments must be sorted and unique, but 0:09 follows 0:09']);
  });

  it('requires t to be the written form of sec', () => {
    const episode = valid();
    episode.segments[3] = { t: '17:04', sec: 1025 };
    expect(messages(episode)).toEqual(['"segments.3.t": "17:04" does not match sec 1025 (which is 17:05)']);
  });

  it('rejects a malformed YouTube id', () => {
    expect(messages({ ...valid(), youtube_id: 'not an id' })).toEqual(['"youtube_id": a YouTube id is 11 characters of letters, digits, "-" or "_"']);
  });

  it('requires moments to be segment starts', () => {
    const episode = valid();
    episode.moments.push({ t: '17:05', note: 'A note that points between segments.' });
    expect(messages(episode)).toEqual(['"moments.2.t": 17:05 is not the start of a transcript segment of this episode']);
  });

  it('names a missing field and an unknown one', () => {
    const { summary: _summary, ...rest } = valid();
    expect(messages({ ...rest, speakers: [] })).toEqual(['"summary" is required but missing', 'the file has unknown field(s) "speakers"; remove or rename them']);
  });

  it('reports a JSON syntax error at its line', () => {
    const result = parseDataFile(FILE, '{\n "slug": "x",\n "title": \n}', EpisodeSchema);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.position.line).toBeGreaterThanOrEqual(3);
  });
});

describe('source, checklist and KPI schemas', () => {
  it('accepts the fixture source and rejects an unknown kind', () => {
    const source = JSON.parse(fixture('base/src/content/sources/mle-role-blueprint.json')) as Record<string, unknown>;
    expect(messages(source, SourceSchema as never)).toEqual([]);
    expect(messages({ ...source, kind: 'podcast' }, SourceSchema as never)).toEqual(['"kind" must be one of wiki-page, roadmap, article, blueprint']);
  });

  it('requires each checklist item to explain itself, and moments written as episode@time', () => {
    const checklist = (item: Record<string, unknown>) => ({
      title: 'Beginner', track: 'mlops', order: 1, page: 'mlops/beginner', focus: 'Learn the basics of shipping a model.',
      groups: [{ id: 'tools', title: 'Tools', items: [{ id: 'docker', label: 'Docker', page: 'mlops/beginner', ...item }] }],
    });
    expect(messages(checklist({ detail: 'Builds images that run the same everywhere.', moments: ['crisp-dm@17:43'] }), ChecklistSchema as never)).toEqual([]);
    expect(messages(checklist({}), ChecklistSchema as never)).toEqual(['"groups.0.items.0.detail" is required but missing']);
    expect(messages(checklist({ detail: 'Builds images that run the same everywhere.', moments: ['podcast:crisp-dm'] }), ChecklistSchema as never)).toEqual([
      '"groups.0.items.0.moments.0": a moment is written "episode-slug@m:ss", as in a podcast: citation without "podcast:"',
    ]);
  });

  it('refuses duplicate KPI ids and unknown categories', () => {
    const recipe = {
      formula: 'Mean of (restored at − detected at) over the incidents closed in the month',
      dataSources: ['incident-tracker'],
      example: 'Three incidents took 20, 40 and 90 minutes to restore: the mean is 50 minutes, inside the target.',
      pitfalls: 'Closing incidents early or splitting one outage into several makes the mean look better than the service was.',
    };
    const kpi = { id: 'mttr', name: 'MTTR', category: 'reliability', measures: 'Time to restore.', whyItMatters: 'Outages cost.', target: '< 1 h', frequency: 'Monthly', recipe };
    expect(messages([kpi, { ...kpi, category: 'speed' }, kpi], KpiListSchema as never)).toEqual([
      '"1.category" must be one of delivery, outcome, reliability, quality, cost, collaboration',
    ]);
    expect(messages([kpi, kpi], KpiListSchema as never)).toEqual(['"1.id": KPI id "mttr" is used twice']);
  });

  it('dates a deprecated or discontinued tool, and only such a tool', () => {
    const tool = { id: 'seldon-core', name: 'Seldon Core', category: 'serving', phase: 'advanced', what: 'Serves models on Kubernetes clusters.', when: 'When the team already runs Kubernetes.', licence: 'Apache-2.0', docs: 'https://docs.seldon.io/' };
    expect(messages([tool], ToolListSchema as never)).toEqual([]);
    expect(messages([{ ...tool, status: 'discontinued', status_since: '2024-01' }], ToolListSchema as never)).toEqual([]);
    expect(messages([{ ...tool, status: 'discontinued' }], ToolListSchema as never)).toEqual([
      '"0.status_since": a discontinued tool needs "status_since": the month it was discontinued, as YYYY-MM',
    ]);
    expect(messages([{ ...tool, status_since: '2024-01' }], ToolListSchema as never)).toEqual(['"0.status": a tool with "status_since" must say its status: deprecated or discontinued']);
    expect(messages([{ ...tool, status: 'retired' }], ToolListSchema as never)).toHaveLength(1);
  });
});
