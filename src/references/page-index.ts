import { z } from 'astro/zod';
import { PageFieldsSchema } from '../schemas/page.ts';
import { PAGE_FRAME_IDS } from './anchors.ts';
import { componentAnchors, generatedPages } from './generated-pages.ts';
import type { PageEntry, Problem } from './model.ts';
import type { ParsedDocument } from './parse.ts';
import { pageIdFromFile } from './routes.ts';
import { severityOf } from './rules.ts';
import type { SiteData } from './site-data.ts';
import { describeIssue } from './zod-issues.ts';

/** The frontmatter fields the reference model reads; Starlight validates the rest of its own fields. */
const PageFrontmatterSchema = z.looseObject({
  title: z.string().min(1),
  description: z.string().min(1).optional(),
  slug: z.string().optional(),
  ...PageFieldsSchema.shape,
});

/**
 * The one reference index: every routed page with its anchors, every parsed document with its
 * references, and the data they point into. The checker, backlinks, episode pages and graph all read it.
 */
export interface ReferenceIndex {
  pages: ReadonlyMap<string, PageEntry>;
  documents: readonly IndexedDocument[];
  data: SiteData;
  /** Problems found while building the index: syntax, frontmatter, and data files. */
  problems: readonly Problem[];
}

export interface IndexedDocument extends ParsedDocument {
  pageId: string;
}

export function buildIndex(documents: readonly ParsedDocument[], data: SiteData, dataProblems: readonly Problem[] = []): ReferenceIndex {
  const problems: Problem[] = [...dataProblems];
  const pages = new Map<string, PageEntry>();
  const indexed: IndexedDocument[] = [];
  const extraAnchors = componentAnchors(data);

  for (const document of documents) {
    problems.push(...document.problems);
    const frontmatter = validateFrontmatter(document, problems);
    const pageId = pageIdFromFile(document.file, frontmatter?.slug);
    indexed.push({ ...document, pageId });
    pages.set(pageId, {
      id: pageId,
      title: frontmatter?.title ?? pageId,
      file: document.file,
      ...(frontmatter?.section ? { section: frontmatter.section } : {}),
      anchors: new Set([...PAGE_FRAME_IDS, ...document.headings.map((h) => h.id), ...document.explicitIds, ...(extraAnchors.get(pageId) ?? [])]),
      related: frontmatter?.related ?? [],
      sources: frontmatter?.sources ?? [],
    });
  }
  for (const generated of generatedPages(data)) {
    if (!pages.has(generated.id)) pages.set(generated.id, generated);
  }
  return { pages, documents: indexed, data, problems };
}

function validateFrontmatter(document: ParsedDocument, problems: Problem[]): z.infer<typeof PageFrontmatterSchema> | undefined {
  if (!document.frontmatter) return undefined;
  const result = PageFrontmatterSchema.safeParse(document.frontmatter);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      file: document.file,
      position: document.frontmatterPosition(issue.path.filter((key) => typeof key !== 'symbol')),
      rule: 'frontmatter-invalid',
      severity: severityOf('frontmatter-invalid'),
      message: describeIssue(issue),
    });
  }
  // Keep what is usable so one bad field does not hide the page's other references.
  const partial = document.frontmatter;
  return {
    title: typeof partial['title'] === 'string' ? partial['title'] : document.file,
    section: PageFieldsSchema.shape.section.safeParse(partial['section']).data ?? 'about',
    related: stringList(partial['related']),
    sources: stringList(partial['sources']),
  };
}

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
