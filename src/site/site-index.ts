import { problem, type Problem } from '../rules/problem.ts';
import { describeIssue } from '../lib/zod-issues.ts';
import { PageFieldsSchema, PageFrontmatterSchema, type PageFrontmatter } from '../schemas/page.ts';
import { COMPONENT_ANCHORS, readsInvalidData } from './component-anchors.ts';
import type { DataReference } from './data.ts';
import type { SiteData } from './site-data.ts';
import type { PageDocument } from './document.ts';
import { generatedPages, NOT_FOUND_PAGE_ID } from './generated-pages.ts';
import { PAGE_FRAME_IDS } from './heading-ids.ts';
import type { PageEntry } from './page.ts';
import { pageIdFromFile, pagePath, PUBLIC_DIR } from './routes.ts';
import { START } from '../lib/position.ts';
import type { SiteSettings } from './settings.ts';

export interface IndexedDocument extends PageDocument {
  pageId: string;
}

/**
 * The one site index: every routed page with its anchors, every parsed document with its references,
 * the data they point into, and the published files. The checker, the backlinks, the episode pages
 * and the graph all read it.
 */
export interface SiteIndex {
  pages: ReadonlyMap<string, PageEntry>;
  documents: readonly IndexedDocument[];
  data: SiteData;
  /** Published files that are not pages, as paths from the site root: `public/` and generated files. */
  files: ReadonlySet<string>;
  settings: SiteSettings;
  /** Links written in data files, checked like links in pages. */
  dataReferences: readonly DataReference[];
  /** Problems found while reading the site: syntax, frontmatter and data files. */
  problems: readonly Problem[];
}

export interface SiteIndexInput {
  documents: readonly PageDocument[];
  data: SiteData;
  dataProblems?: readonly Problem[];
  /** Problems of files as files: entries that cannot be read, link loops, text that is not UTF-8, public file names. */
  fileProblems?: readonly Problem[];
  dataReferences?: readonly DataReference[];
  files: ReadonlySet<string>;
  settings: SiteSettings;
}

/** One written page as the index holds it: the parsed document with its page id, its entry, and the problems read from it. */
export interface IndexedPage {
  document: IndexedDocument;
  page: PageEntry;
  /** The document's syntax and frontmatter problems. */
  problems: readonly Problem[];
}

/** Indexes one parsed page. Its entry depends on the data only through the components it uses (see `entryReadsData`). */
export function indexDocument(document: PageDocument, data: SiteData): IndexedPage {
  const problems: Problem[] = [...document.problems];
  const frontmatter = validateFrontmatter(document, problems);
  const pageId = pageIdFromFile(document.file, frontmatter?.slug);
  return { document: withPageId(document, pageId), page: writtenPage(pageId, document, frontmatter, data), problems };
}

/** Whether a page's entry changes with the data collections: components on it render ids from data. */
export const entryReadsData = (document: PageDocument): boolean => document.components.some((use) => Object.hasOwn(COMPONENT_ANCHORS, use.name));

export interface AssembleInput extends Omit<SiteIndexInput, 'documents'> {
  /** Every written page, indexed, in the order the site lists its files. */
  indexed: readonly IndexedPage[];
  /** The pages generated from `data`, when the caller has them already. */
  generated?: readonly PageEntry[];
}

/**
 * The index of already indexed pages. A route file of the site takes its address from any written page
 * (Astro prefers `src/pages/` routes to Starlight's catch-all one), and of two written pages with one
 * id the later wins; either way the page that loses is a route-collision problem, since the build
 * would drop it.
 */
export function assembleSiteIndex({ indexed, data, dataProblems = [], fileProblems = [], dataReferences = [], files, settings, generated = generatedPages(data) }: AssembleInput): SiteIndex {
  const problems: Problem[] = [...fileProblems, ...dataProblems];
  const pages = new Map<string, PageEntry>();
  for (const page of generated) pages.set(page.id, page);
  const written = new Map<string, IndexedPage[]>();
  for (const entry of indexed) {
    problems.push(...entry.problems);
    const id = entry.document.pageId;
    const same = written.get(id);
    if (same) same.push(entry);
    else written.set(id, [entry]);
  }
  for (const [id, entries] of written) {
    const route = pages.get(id);
    if (route?.generated) problems.push(...entries.map((entry) => generatedRouteProblem(entry, route)));
    else {
      pages.set(id, entries.at(-1)!.page);
      if (entries.length > 1) problems.push(...entries.map((entry) => sharedRouteProblem(entry, entries)));
    }
  }
  problems.push(...publicPageProblems(files, pages));
  return { pages, documents: indexed.map((entry) => entry.document), data, files, settings, dataReferences, problems };
}

/** Public files at the address of a page (`public/role/index.html` beside the page `role`): the build writes one over the other. */
function publicPageProblems(files: ReadonlySet<string>, pages: ReadonlyMap<string, PageEntry>): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    const page = /^(?:(.+)\/)?index\.html$/.exec(file);
    const id = page ? (page[1] ?? '') : file === '404.html' ? NOT_FOUND_PAGE_ID : undefined;
    const entry = id === undefined ? undefined : pages.get(id);
    if (entry) problems.push(problem('route-collision', `${PUBLIC_DIR}${file}`, START, `the page ${pagePath(entry.id)} (from ${entry.source}) is written to ${file} too, so one of the two would overwrite the other; rename this file or remove it`));
  }
  return problems;
}

/** Where a page's address is decided: its `slug` field when it has one, else the top of the file (its path decides). */
const routePosition = (document: IndexedDocument) => (typeof document.frontmatter?.['slug'] === 'string' ? document.frontmatterPosition(['slug']) : START);

function generatedRouteProblem({ document }: IndexedPage, route: PageEntry): Problem {
  return problem(
    'route-collision',
    document.file,
    routePosition(document),
    `the site generates ${pagePath(document.pageId)} from ${route.source}, which takes the address, so the build would leave this page out; move the page to another path${document.frontmatter?.['slug'] === undefined ? '' : ' or give it another slug'}, and link to the generated page instead`,
  );
}

function sharedRouteProblem({ document }: IndexedPage, entries: readonly IndexedPage[]): Problem {
  const others = entries.filter((entry) => entry.document.file !== document.file).map((entry) => entry.document.file);
  return problem(
    'route-collision',
    document.file,
    routePosition(document),
    `${others.join(' and ')} ${others.length === 1 ? 'is' : 'are'} published at ${pagePath(document.pageId)} too, and the build keeps only one of them; merge the pages, or rename or re-slug all but one`,
  );
}

export function buildSiteIndex(input: SiteIndexInput): SiteIndex {
  return assembleSiteIndex({ ...input, indexed: input.documents.map((document) => indexDocument(document, input.data)) });
}

function writtenPage(id: string, document: PageDocument, frontmatter: PageFrontmatter | undefined, data: SiteData): PageEntry {
  const componentIds = document.components.flatMap((use) => COMPONENT_ANCHORS[use.name]?.(use.props, data) ?? []);
  return {
    id,
    title: frontmatter?.title ?? id,
    source: document.file,
    generated: false,
    draft: frontmatter?.draft ?? false,
    ...(frontmatter?.section ? { section: frontmatter.section } : {}),
    anchors: new Set([...PAGE_FRAME_IDS, ...document.headings.map((h) => h.id), ...document.explicitIds, ...document.taskIds, ...componentIds]),
    ...(document.components.some((use) => readsInvalidData(use.name, use.props, data)) ? { anchorsUnknown: true } : {}),
    related: frontmatter?.related ?? [],
    sources: frontmatter?.sources ?? [],
  };
}

function validateFrontmatter(document: PageDocument, problems: Problem[]): PageFrontmatter | undefined {
  if (!document.frontmatter) return undefined;
  const result = PageFrontmatterSchema.safeParse(document.frontmatter);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((key) => typeof key !== 'symbol');
    problems.push(problem('frontmatter-invalid', document.file, document.frontmatterPosition(path), describeIssue(issue)));
  }
  // Keep what is usable so one bad field does not hide the page's other references.
  const partial = document.frontmatter;
  return {
    title: typeof partial['title'] === 'string' ? partial['title'] : document.file,
    ...(typeof partial['slug'] === 'string' ? { slug: partial['slug'] } : {}),
    draft: partial['draft'] === true,
    section: PageFieldsSchema.shape.section.safeParse(partial['section']).data ?? 'about',
    audience: PageFieldsSchema.shape.audience.safeParse(partial['audience']).data ?? 'readers',
    related: stringList(partial['related']),
    sources: stringList(partial['sources']),
  };
}

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * The document with its page id. A document's page id follows from the document alone (its file and its
 * frontmatter's slug), so it is written onto the document itself, once: copying the document would cost
 * more than indexing it, and would evaluate its lazily worked-out fields.
 */
function withPageId(document: PageDocument, pageId: string): IndexedDocument {
  const indexed = document as PageDocument & { pageId?: string };
  if (indexed.pageId !== pageId) Object.defineProperty(indexed, 'pageId', { value: pageId, enumerable: true, writable: true, configurable: true });
  return indexed as IndexedDocument;
}
