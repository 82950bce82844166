import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { listFiles } from '../lib/files.ts';
import { START, type Position } from '../lib/position.ts';
import { parseYaml } from '../lib/yaml.ts';
import { describeIssue } from '../lib/zod-issues.ts';
import { problem, type Problem } from '../checker/problem.ts';
import { ChecklistSchema, type Checklist } from '../schemas/checklist.ts';
import { EpisodeSchema, type Episode } from '../schemas/episode.ts';
import { KpiListSchema, type Kpi } from '../schemas/kpi.ts';
import { SourceSchema, type Source } from '../schemas/source.ts';

/** Where each kind of content lives, and which files in it count. */
export const CONTENT = {
  docs: { dir: 'src/content/docs', pattern: /\.mdx?$/ },
  episodes: { dir: 'src/content/episodes', pattern: /\.json$/ },
  sources: { dir: 'src/content/sources', pattern: /\.json$/ },
  kpis: { dir: 'src/content/kpis', pattern: /\.ya?ml$/ },
  checklists: { dir: 'src/content/checklists', pattern: /\.ya?ml$/ },
} as const;

export type DataKind = Exclude<keyof typeof CONTENT, 'docs'>;

/** The validated data collections that pages refer to and that generated pages are made from. */
export interface SiteData {
  episodes: ReadonlyMap<string, Episode>;
  sources: ReadonlyMap<string, Source>;
  kpis: readonly Kpi[];
  checklists: ReadonlyMap<string, Checklist>;
  /**
   * Files that exist but failed validation, as "episodes/<slug>" or "sources/<id>". References to them
   * are not reported again: the data-invalid problem of the file itself is the one to fix.
   */
  invalid: ReadonlySet<string>;
}

export interface LoadedData {
  data: SiteData;
  problems: Problem[];
  files: string[];
}

export type DataFileResult<T> = { ok: true; data: T } | { ok: false; problems: Problem[] };

/**
 * Validates a JSON or YAML data file against its schema. JSON goes through JSON.parse, which is fast;
 * only when something is wrong is the text read again with the YAML parser (JSON is YAML) to report
 * each fault at the line and column of its field.
 */
export function parseDataFile<S extends z.ZodType>(file: string, text: string, schema: S): DataFileResult<z.output<S>> {
  let value: unknown;
  let located: ReturnType<typeof parseYaml> | undefined;
  if (file.endsWith('.json')) {
    try {
      value = JSON.parse(text);
    } catch {
      located = parseYaml(text);
    }
  } else {
    located = parseYaml(text);
  }
  if (located && !located.ok) {
    return { ok: false, problems: located.faults.map((fault) => problem('data-invalid', file, fault.position, `the file cannot be parsed: ${fault.reason}`)) };
  }
  if (located?.ok) value = located.data;
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const positions = located?.ok ? located : parseYaml(text);
  const at = (path: (string | number)[]): Position => (positions.ok ? positions.locate(path) : START);
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
      return problem('data-invalid', file, at(path), describeIssue(issue));
    }),
  };
}

const baseName = (file: string) => (file.split('/').at(-1) ?? file).replace(/\.[^.]+$/, '');

/** Reads and validates every data collection of the project at `root`; problems name file, field, line and column. */
export function loadSiteData(root: string): LoadedData {
  const problems: Problem[] = [];
  const files: string[] = [];
  const invalid = new Set<string>();
  const load = <S extends z.ZodType>(kind: DataKind, schema: S): Map<string, z.output<S>> => {
    const entries = new Map<string, z.output<S>>();
    for (const file of listFiles(root, CONTENT[kind].dir, CONTENT[kind].pattern)) {
      files.push(file);
      const result = parseDataFile(file, readFileSync(join(root, file), 'utf8'), schema);
      if (result.ok) entries.set(baseName(file), result.data);
      else {
        problems.push(...result.problems);
        invalid.add(`${kind}/${baseName(file)}`);
      }
    }
    return entries;
  };
  const episodes = load('episodes', EpisodeSchema);
  for (const [name, episode] of episodes) {
    if (episode.slug !== name) {
      problems.push(problem('data-invalid', `${CONTENT.episodes.dir}/${name}.json`, START, `"slug" is "${episode.slug}" but the file is named ${name}.json; they must match`));
    }
  }
  const sources = load('sources', SourceSchema);
  const checklists = load('checklists', ChecklistSchema);
  const kpis = [...load('kpis', KpiListSchema).values()].flat();
  return { data: { episodes, sources, checklists, kpis, invalid }, problems, files };
}
