import { walkFiles } from '../lib/files.ts';
import type { Problem } from '../rules/problem.ts';
import { CONTENT, loadSiteData, type LoadedData } from './data.ts';
import { parseDocument, type PageDocument } from './document.ts';
import { listContent, publicCollisionProblems, publicNameProblems, readSourceText, skippedProblem } from './file-problems.ts';
import { GENERATED_FILES } from './generated-pages.ts';
import { PUBLIC_DIR } from './routes.ts';
import type { SiteSettings } from './settings.ts';
import { buildSiteIndex, type SiteIndex } from './site-index.ts';

/** Reading the project from disk: the only I/O of the site model. */

/**
 * A page read from disk: its parse, with the problems of its text as a file (not UTF-8, lone carriage
 * returns) first. Undefined when the file is gone or is not a readable file; `problems` then receives why.
 */
export function readDocument(root: string, file: string, problems: Problem[]): PageDocument | undefined {
  return documentFromSource(file, readSourceText(root, file), problems);
}

/** The document of a page's text as `readSourceText` read it. */
export function documentFromSource(file: string, read: { text: string | undefined; problems: readonly Problem[] }, problems: Problem[]): PageDocument | undefined {
  if (read.text === undefined) {
    problems.push(...read.problems);
    return undefined;
  }
  const document = parseDocument(file, read.text);
  document.problems.unshift(...read.problems);
  return document;
}

/** The page files of the project and the problems of entries in the pages' folder that cannot be read as pages. */
export const listDocuments = (root: string): { files: string[]; problems: Problem[] } => listContent(root, CONTENT.docs.dir, CONTENT.docs.pattern);

export const listDocumentFiles = (root: string): string[] => listDocuments(root).files;

/** Reads every page of the project; pages that cannot be read leave a problem instead. */
export function readDocuments(root: string): { documents: PageDocument[]; problems: Problem[] } {
  const { files, problems } = listDocuments(root);
  const documents: PageDocument[] = [];
  for (const file of files) {
    const document = readDocument(root, file, problems);
    if (document) documents.push(document);
  }
  return { documents, problems };
}

export interface PublishedFiles {
  /** Every published file that is not a page, as a path from the site root: `public/` plus generated files. */
  files: Set<string>;
  /** Public files that cannot be published as they are named, and entries of `public/` that cannot be read. */
  problems: Problem[];
}

/** The files `public/` and the generated routes publish, with the problems of the public ones. */
export function readPublished(root: string): PublishedFiles {
  const listing = walkFiles(root, PUBLIC_DIR, /./, { all: true });
  const problems = [...listing.skipped.filter((entry) => entry.reason === 'link-loop').map(skippedProblem), ...publicNameProblems(listing.files), ...publicCollisionProblems(listing.files)];
  const published = listing.files.map((file) => file.slice(PUBLIC_DIR.length));
  return { files: new Set([...published, ...GENERATED_FILES]), problems };
}

/** Every published file that is not a page, as a path from the site root: `public/` plus generated files. */
export const readPublishedFiles = (root: string): Set<string> => readPublished(root).files;

export interface LoadedSite {
  index: SiteIndex;
  /** Every file read: pages and data files. */
  files: string[];
}

export function loadSite(root: string, settings: SiteSettings, data: LoadedData = loadSiteData(root)): LoadedSite {
  const { documents, problems } = readDocuments(root);
  const published = readPublished(root);
  const index = buildSiteIndex({
    documents,
    data: data.data,
    dataProblems: data.problems,
    fileProblems: [...problems, ...published.problems],
    dataReferences: data.references,
    files: published.files,
    settings,
  });
  return { index, files: [...data.files, ...documents.map((document) => document.file)] };
}
