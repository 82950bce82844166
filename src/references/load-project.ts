import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ChecklistSchema, type Checklist } from '../schemas/checklist.ts';
import { EpisodeSchema, type Episode } from '../schemas/episode.ts';
import { KpiListSchema, type Kpi } from '../schemas/kpi.ts';
import { SourceSchema, type Source } from '../schemas/source.ts';
import { parseDataFile } from './data-file.ts';
import type { Problem } from './model.ts';
import { buildIndex, type ReferenceIndex } from './page-index.ts';
import { parseDocument } from './parse.ts';
import type { SiteData } from './site-data.ts';

/** Reads the project's content from disk and builds the reference index. The only I/O of the reference model. */

export const CONTENT_DIRS = {
  docs: 'src/content/docs',
  episodes: 'src/content/episodes',
  sources: 'src/content/sources',
  kpis: 'src/content/kpis',
  checklists: 'src/content/checklists',
} as const;

export interface LoadedProject {
  index: ReferenceIndex;
  fileCount: number;
}

export interface LoadedData {
  data: SiteData;
  problems: Problem[];
  fileCount: number;
}

/** Reads and validates the data collections; problems name the file, field, line and column. */
export function loadSiteData(root: string): LoadedData {
  const problems: Problem[] = [];
  let fileCount = 0;
  const invalid = new Set<string>();
  const loadMap = <T>(dir: string, pattern: RegExp, schema: Parameters<typeof parseDataFile>[2]): Map<string, T> => {
    const entries = new Map<string, T>();
    for (const file of projectFiles(root, dir, pattern)) {
      fileCount += 1;
      const result = parseDataFile(file, readFileSync(join(root, file), 'utf8'), schema);
      if (result.ok) entries.set(baseName(file), result.data as T);
      else {
        problems.push(...result.problems);
        invalid.add(`${dir.split('/').at(-1)}/${baseName(file)}`);
      }
    }
    return entries;
  };

  const episodes = loadMap<Episode>(CONTENT_DIRS.episodes, /\.json$/, EpisodeSchema);
  for (const [name, episode] of episodes) {
    if (episode.slug !== name) {
      problems.push({
        file: `${CONTENT_DIRS.episodes}/${name}.json`,
        position: { line: 1, column: 1 },
        rule: 'data-invalid',
        severity: 'error',
        message: `"slug" is "${episode.slug}" but the file is named ${name}.json; they must match`,
      });
    }
  }
  const sources = loadMap<Source>(CONTENT_DIRS.sources, /\.json$/, SourceSchema);
  const checklists = loadMap<Checklist>(CONTENT_DIRS.checklists, /\.ya?ml$/, ChecklistSchema);
  const kpiLists = loadMap<Kpi[]>(CONTENT_DIRS.kpis, /\.ya?ml$/, KpiListSchema);
  return { data: { episodes, sources, checklists, kpis: [...kpiLists.values()].flat(), invalid }, problems, fileCount };
}

export function loadProject(root: string): LoadedProject {
  const { data, problems, fileCount } = loadSiteData(root);
  const docFiles = projectFiles(root, CONTENT_DIRS.docs, /\.mdx?$/);
  const documents = docFiles.map((file) => parseDocument(file, readFileSync(join(root, file), 'utf8')));
  return { index: buildIndex(documents, data, problems), fileCount: fileCount + docFiles.length };
}

/** Repo-relative paths with forward slashes, sorted, skipping files whose name starts with "_". */
function projectFiles(root: string, dir: string, pattern: RegExp): string[] {
  return listFiles(join(root, dir), pattern).map((file) => relative(root, file).split('\\').join('/'));
}

function listFiles(dir: string, pattern: RegExp): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.name.startsWith('_'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const baseName = (file: string) => (file.split('/').at(-1) ?? file).replace(/\.[^.]+$/, '');
