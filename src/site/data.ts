import type { z } from 'astro/zod';
import { START, type Position } from '../lib/position.ts';
import { parseYaml } from '../lib/yaml.ts';
import { describeIssue } from '../lib/zod-issues.ts';
import { problem, type Problem } from '../rules/problem.ts';
import { ChecklistSchema, TRACKS, type Checklist } from '../schemas/checklist.ts';
import { EpisodeSchema } from '../schemas/episode.ts';
import { GlossarySchema } from '../schemas/glossary.ts';
import { KpiListSchema } from '../schemas/kpi.ts';
import { ResourceListSchema } from '../schemas/resource.ts';
import { EMPTY_SEARCH_VOCABULARY, SearchQuestionFileSchema, SearchVocabularySchema } from '../schemas/search.ts';
import { SourceSchema } from '../schemas/source.ts';
import { ToolListSchema } from '../schemas/tool.ts';
import { locatedLater, type Reference } from './document.ts';
import { listContent, readSourceText } from './file-problems.ts';
import { GLOSSARY_PAGE_ID, generatedPageLinks } from './generated-pages.ts';
import { mapProblems, type LocatedChecklist } from './learning-maps.ts';
import { CITATION_SCHEME, entryLink } from './links.ts';
import { DOCS_FILE_PATTERN } from './routes.ts';
import type { SiteData } from './site-data.ts';

/** Where each kind of content lives, and which files in it count. */
export const CONTENT = {
  docs: { dir: 'src/content/docs', pattern: DOCS_FILE_PATTERN },
  episodes: { dir: 'src/content/episodes', pattern: /\.json$/ },
  sources: { dir: 'src/content/sources', pattern: /\.json$/ },
  kpis: { dir: 'src/content/kpis', pattern: /\.ya?ml$/ },
  checklists: { dir: 'src/content/checklists', pattern: /\.ya?ml$/ },
  tools: { dir: 'src/content/tools', pattern: /\.ya?ml$/ },
  glossary: { dir: 'src/content/glossary', pattern: /\.ya?ml$/ },
  resources: { dir: 'src/content/resources', pattern: /\.ya?ml$/ },
  // The search's vocabulary, and beside it the folder of the relevance test set.
  searchVocabulary: { dir: 'src/content/search', pattern: /(?:^|\/)vocabulary\.ya?ml$/ },
  searchQuestions: { dir: 'src/content/search/questions', pattern: /\.ya?ml$/ },
} as const;

export type DataKind = Exclude<keyof typeof CONTENT, 'docs'>;

/**
 * A link written in a data file, checked like a link in a page: a glossary term's covering page, the
 * pages a resource is listed on. `from` is the page the link is published on, when there is one.
 */
export interface DataReference {
  reference: Reference;
  from: string | undefined;
}

export interface LoadedData {
  data: SiteData;
  problems: Problem[];
  files: string[];
  references: DataReference[];
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

/** The collection a repo-relative file belongs to and the name its entries are keyed by, or undefined for other files. */
export function dataFileOf(file: string): { kind: DataKind; name: string } | undefined {
  for (const kind of Object.keys(CONTENT) as (keyof typeof CONTENT)[]) {
    if (kind === 'docs') continue;
    const { dir, pattern } = CONTENT[kind];
    if (file.startsWith(`${dir}/`) && pattern.test(file)) return { kind, name: baseName(file) };
  }
  return undefined;
}

/** Reads and validates every data collection of the project at `root`; problems name file, field, line and column. */
export function loadSiteData(root: string): LoadedData {
  const problems: Problem[] = [];
  const files: string[] = [];
  const invalid = new Set<string>();
  /** The text of each valid file, to locate its links for messages. */
  const texts = new Map<string, string>();
  /** Valid files by their name, keyed by the repo-relative path they were read from. */
  const load = <S extends z.ZodType>(kind: DataKind, schema: S): Map<string, z.output<S>> => {
    const entries = new Map<string, z.output<S>>();
    const listing = listContent(root, CONTENT[kind].dir, CONTENT[kind].pattern);
    problems.push(...listing.problems);
    for (const file of listing.files) {
      files.push(file);
      const read = readSourceText(root, file);
      problems.push(...read.problems);
      const result = read.text === undefined ? undefined : parseDataFile(file, read.text, schema);
      if (result?.ok) {
        texts.set(file, read.text!);
        entries.set(baseName(file), result.data);
      } else {
        if (result) problems.push(...result.problems);
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
  const tools = [...load('tools', ToolListSchema).values()].flat();
  const glossaryFiles = load('glossary', GlossarySchema);
  const resourceFiles = load('resources', ResourceListSchema);
  const searchVocabulary = [...load('searchVocabulary', SearchVocabularySchema).values()][0] ?? EMPTY_SEARCH_VOCABULARY;
  const questionFiles = load('searchQuestions', SearchQuestionFileSchema);
  const pathOf = (kind: DataKind, name: string) => files.find((file) => file.startsWith(`${CONTENT[kind].dir}/`) && baseName(file) === name) ?? name;
  problems.push(...mapProblems(locatedChecklists(texts, checklists, (name) => pathOf('checklists', name)), new Set([...resourceFiles.values()].flat().map((resource) => resource.id))));
  const references = [
    ...dataReferences(texts, (name) => pathOf('glossary', name), glossaryFiles, (terms) =>
      terms.map((term, index) => ({ url: term.see, origin: 'data-link', via: `see of the term "${term.id}"`, path: [index, 'see'], from: GLOSSARY_PAGE_ID })),
    ),
    ...dataReferences(texts, (name) => pathOf('resources', name), resourceFiles, (resources) =>
      resources.flatMap((resource, index) =>
        resource.pages.map((page, at) => ({ url: page, origin: 'data-page', via: `pages of the resource "${resource.id}"`, path: [index, 'pages', at], from: undefined })),
      ),
    ),
    ...dataReferences(texts, (name) => pathOf('checklists', name), checklists, checklistLinks),
    ...dataReferences(texts, (name) => pathOf('searchQuestions', name), questionFiles, (file) =>
      file.questions.map((question, index) => ({ url: question.page, origin: 'data-link', via: `page of the search question "${question.ask}"`, path: ['questions', index, 'page'], from: undefined })),
    ),
  ];
  const data: SiteData = {
    episodes,
    sources,
    checklists,
    kpis,
    tools,
    glossary: [...glossaryFiles.values()].flat(),
    resources: [...resourceFiles.values()].flat(),
    searchVocabulary,
    searchQuestions: [...questionFiles.values()].flatMap((file) => file.questions.map((question) => ({ ...question, set: file.set }))),
    invalid,
  };
  // Generated pages link to written pages from their route files; those links are checked at the route.
  for (const link of generatedPageLinks(data)) {
    references.push({ reference: { url: link.url, origin: 'data-link', via: link.via, file: link.route, position: START }, from: undefined });
  }
  return { data, problems, files, references };
}

interface DataLinkSpec {
  url: string;
  origin: 'data-link' | 'data-page' | 'item-page';
  via: string;
  /** Where the link is written in its file, as a path of keys. */
  path: (string | number)[];
  /** The page the link is published on, if any: its links count as that page's, for backlinks and the graph. */
  from: string | undefined;
}

/**
 * The links of a checklist: the page it is shown on, which the overviews and the sidebar link to; and
 * for each item, the page that teaches it and the tools it names, which its label and its tool links
 * publish on that page, and the moments behind it, which its panel on the track's map cites.
 */
function checklistLinks(checklist: Checklist): DataLinkSpec[] {
  const page: DataLinkSpec = { url: checklist.page, origin: 'data-page', via: 'page of the checklist', path: ['page'], from: undefined };
  const items = checklist.groups.flatMap((group, groupIndex) =>
    group.items.flatMap((item, itemIndex) => {
      const path = (...rest: (string | number)[]) => ['groups', groupIndex, 'items', itemIndex, ...rest];
      const via = (field: string) => `${field} of the checklist item "${item.id}"`;
      return [
        ...(item.page === undefined ? [] : [{ url: item.page, origin: 'item-page' as const, via: via('page'), path: path('page'), from: checklist.page }]),
        ...(item.tools ?? []).map((tool, at) => ({ url: entryLink('tool', tool), origin: 'data-link' as const, via: via('tools'), path: path('tools', at), from: checklist.page })),
        ...(item.moments ?? []).map((moment, at) => ({ url: `${CITATION_SCHEME}${moment}`, origin: 'data-link' as const, via: via('moments'), path: path('moments', at), from: TRACKS[checklist.track].page })),
      ];
    }),
  );
  return [page, ...items];
}

/** Each valid checklist with its file and a way to find where a field of it is written. */
function locatedChecklists(texts: ReadonlyMap<string, string>, checklists: ReadonlyMap<string, Checklist>, pathOf: (name: string) => string): Map<string, LocatedChecklist> {
  return new Map(
    [...checklists].map(([name, checklist]) => {
      const file = pathOf(name);
      let yaml: ReturnType<typeof parseYaml> | undefined;
      const locate = (path: readonly (string | number)[]): Position => {
        yaml ??= parseYaml(texts.get(file) ?? '');
        return yaml.ok ? yaml.locate(path) : START;
      };
      return [name, { checklist, file, locate }];
    }),
  );
}

/** The links of each valid file of a collection, located at their line and column in the file. */
function dataReferences<T>(texts: ReadonlyMap<string, string>, pathOf: (name: string) => string, files: ReadonlyMap<string, T>, linksOf: (content: T) => DataLinkSpec[]): DataReference[] {
  const found: DataReference[] = [];
  for (const [name, content] of files) {
    const links = linksOf(content);
    if (links.length === 0) continue;
    const file = pathOf(name);
    const text = texts.get(file) ?? '';
    let yaml: ReturnType<typeof parseYaml> | undefined;
    const locate = (path: (string | number)[]): Position => {
      yaml ??= parseYaml(text);
      return yaml.ok ? yaml.locate(path) : START;
    };
    for (const link of links) {
      found.push({ reference: locatedLater({ url: link.url, origin: link.origin, via: link.via, file }, () => locate(link.path)), from: link.from });
    }
  }
  return found;
}
