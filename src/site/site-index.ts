import { problem, type Problem } from '../rules/problem.ts';
import { describeIssue } from '../lib/zod-issues.ts';
import { PageFieldsSchema, PageFrontmatterSchema, type PageFrontmatter } from '../schemas/page.ts';
import { COMPONENT_ANCHORS } from './component-anchors.ts';
import type { DataReference } from './data.ts';
import type { SiteData } from './site-data.ts';
import type { PageDocument } from './document.ts';
import { generatedPages } from './generated-pages.ts';
import { PAGE_FRAME_IDS } from './heading-ids.ts';
import type { PageEntry } from './page.ts';
import { pageIdFromFile } from './routes.ts';
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

/** The index of already indexed pages: a later page with the same id wins, and generated pages fill the ids left. */
export function assembleSiteIndex({ indexed, data, dataProblems = [], dataReferences = [], files, settings, generated = generatedPages(data) }: AssembleInput): SiteIndex {
  const problems: Problem[] = [...dataProblems];
  const pages = new Map<string, PageEntry>();
  for (const entry of indexed) {
    problems.push(...entry.problems);
    pages.set(entry.document.pageId, entry.page);
  }
  for (const page of generated) {
    if (!pages.has(page.id)) pages.set(page.id, page);
  }
  return { pages, documents: indexed.map((entry) => entry.document), data, files, settings, dataReferences, problems };
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
