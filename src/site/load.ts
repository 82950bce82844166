import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../lib/files.ts';
import { CONTENT, loadSiteData, type LoadedData } from './data.ts';
import { parseDocument, type PageDocument } from './document.ts';
import { GENERATED_FILES } from './generated-pages.ts';
import { PUBLIC_DIR } from './routes.ts';
import type { SiteSettings } from './settings.ts';
import { buildSiteIndex, type SiteIndex } from './site-index.ts';

/** Reading the project from disk: the only I/O of the site model. */

export function readDocument(root: string, file: string): PageDocument {
  return parseDocument(file, readFileSync(join(root, file), 'utf8'));
}

export const listDocumentFiles = (root: string): string[] => listFiles(root, CONTENT.docs.dir, CONTENT.docs.pattern);

/** Every published file that is not a page, as a path from the site root: `public/` plus generated files. */
export function readPublishedFiles(root: string): Set<string> {
  const published = listFiles(root, PUBLIC_DIR).map((file) => file.slice(PUBLIC_DIR.length));
  return new Set([...published, ...GENERATED_FILES]);
}

export interface LoadedSite {
  index: SiteIndex;
  /** Every file read: pages and data files. */
  files: string[];
}

export function loadSite(root: string, settings: SiteSettings, data: LoadedData = loadSiteData(root)): LoadedSite {
  const docFiles = listDocumentFiles(root);
  const documents = docFiles.map((file) => readDocument(root, file));
  const index = buildSiteIndex({ documents, data: data.data, dataProblems: data.problems, dataReferences: data.references, files: readPublishedFiles(root), settings });
  return { index, files: [...data.files, ...docFiles] };
}
