import { lstatSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { toPosix } from '../lib/files.ts';
import { CONTENT, dataFileOf, loadSiteData } from '../site/data.ts';
import type { PageDocument } from '../site/document.ts';
import { readSourceText } from '../site/file-problems.ts';
import { documentFromSource, listDocuments, readDocument, readPublished } from '../site/load.ts';
import { PUBLIC_DIR } from '../site/routes.ts';
import type { SiteSettings } from '../site/settings.ts';
import { IncrementalChecker, type Change, type Recheck } from './incremental.ts';
import type { Problem } from '../rules/problem.ts';

/**
 * The incremental checker on a project on disk: the I/O edge that the dev server, `--watch` and the
 * bench share. It reads the project once, and after files change it reads only those (all data files
 * when one of them changed, as the renderer does) and checks again what they can affect.
 */

/** What a path of the project is to the checker. */
export type FileRole = 'page' | 'data' | 'public';

/** The role of a repo-relative path, or undefined for files the check does not read. */
export function fileRole(file: string): FileRole | undefined {
  const name = file.split('/').at(-1) ?? '';
  // Like Astro's content loader, the checker skips files whose name starts with "_".
  if (name.startsWith('_')) return undefined;
  if (file.startsWith(`${CONTENT.docs.dir}/`) && CONTENT.docs.pattern.test(name)) return 'page';
  if (dataFileOf(file)) return 'data';
  if (file.startsWith(PUBLIC_DIR)) return 'public';
  return undefined;
}

export interface LiveRecheck extends Recheck {
  /** The changed files the check read, repo-relative. */
  files: readonly string[];
  /** Time spent reading, parsing and checking, in milliseconds. */
  ms: number;
}

/** Whether a path is, following links, a file that can be read as a page: not gone, not a folder, not a pipe. */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}


export class LiveCheck {
  readonly root: string;
  readonly #checker: IncrementalChecker;
  /** The text of each page read at the last change (undefined: it was gone), to notice writes that outlast their event. */
  #lastRead = new Map<string, string | undefined>();
  /** Problems of the pages' folder as a listing (link loops, folders named like pages), of `public/`, and of page files that could not be read. */
  #listingProblems: readonly Problem[];
  #publicProblems: readonly Problem[];
  readonly #readProblems = new Map<string, readonly Problem[]>();
  /** The page files the check holds. */
  readonly #pages: Set<string>;

  constructor(root: string, settings: SiteSettings) {
    this.root = root;
    const listing = listDocuments(root);
    const published = readPublished(root);
    this.#listingProblems = listing.problems;
    this.#publicProblems = published.problems;
    const documents: PageDocument[] = [];
    for (const file of listing.files) {
      const problems: Problem[] = [];
      const document = readDocument(root, file, problems);
      if (document) documents.push(document);
      else this.#readProblems.set(file, problems);
    }
    this.#pages = new Set(documents.map((document) => document.file));
    this.#checker = new IncrementalChecker({ documents, fileProblems: this.#fileProblems(), data: loadSiteData(root), files: published.files, settings });
  }

  #fileProblems(): Problem[] {
    return [...this.#listingProblems, ...[...this.#readProblems.values()].flat(), ...this.#publicProblems];
  }

  get checker(): IncrementalChecker {
    return this.#checker;
  }

  get problems(): readonly Problem[] {
    return this.#checker.problems;
  }

  /** How many pages and data files the check reads. */
  get fileCount(): number {
    return this.#checker.index.documents.length + this.#checker.dataFileCount;
  }

  /** The repo-relative form of a path (absolute, or relative to the project root). */
  relativePath(path: string): string {
    return toPosix(isAbsolute(path) ? relative(this.root, path) : path);
  }

  /** Checks again after the files at `paths` were created, saved or deleted; undefined when none of them is read by the check. */
  changed(paths: Iterable<string>): LiveRecheck | undefined {
    const started = performance.now();
    const changed = [...new Set([...paths].map((path) => this.relativePath(path)))];
    // A folder, a link or an odd entry in the pages' folder can add or hide pages (or be a loop): list the folder again.
    const listingChanges = changed.filter((file) => this.#mayChangeListing(file));
    const relist = listingChanges.length > 0;
    const files = changed.filter((file) => fileRole(file) !== undefined);
    if (files.length === 0 && !relist) return undefined;
    const documents = new Map<string, PageDocument | undefined>();
    const dataFiles: string[] = [];
    let publicChanged = false;
    this.#lastRead = new Map();
    if (relist) this.#relist(documents, files);
    for (const file of files) {
      const role = fileRole(file);
      if (role === 'page') {
        if (!documents.has(file)) documents.set(file, this.#readPage(file));
      } else if (role === 'data') dataFiles.push(file);
      else publicChanged = true;
    }
    const published = publicChanged ? readPublished(this.root) : undefined;
    if (published) this.#publicProblems = published.problems;
    const change: Change = {
      ...(documents.size > 0 ? { documents } : {}),
      ...(dataFiles.length > 0 ? { data: { loaded: loadSiteData(this.root), files: dataFiles } } : {}),
      ...(published ? { files: published.files } : {}),
      fileProblems: this.#fileProblems(),
    };
    const recheck = this.#checker.update(change);
    return { ...recheck, files: [...new Set([...files, ...listingChanges])], ms: performance.now() - started };
  }

  /**
   * Whether a changed path can change which pages there are beyond itself: a folder or a link in the
   * pages' folder (created, or gone), or an entry that is neither a file nor nothing.
   */
  #mayChangeListing(file: string): boolean {
    if (!file.startsWith(`${CONTENT.docs.dir}/`) || (file.split('/').at(-1) ?? '').startsWith('.')) return false;
    try {
      return !lstatSync(join(this.root, file)).isFile();
    } catch {
      // Gone: a page file leaves by itself, anything else may have been a folder of pages.
      return fileRole(file) !== 'page';
    }
  }

  /** Reads a saved page; one that is gone, or is no longer a readable file, leaves the check (with a problem saying why). */
  #readPage(file: string): PageDocument | undefined {
    this.#readProblems.delete(file);
    const path = join(this.root, file);
    if (!isRegularFile(path)) {
      this.#lastRead.set(file, undefined);
      this.#pages.delete(file);
      return undefined;
    }
    const problems: Problem[] = [];
    const read = readSourceText(this.root, file);
    this.#lastRead.set(file, read.text);
    const document = documentFromSource(file, read, problems);
    if (document) this.#pages.add(file);
    else {
      this.#pages.delete(file);
      this.#readProblems.set(file, problems);
    }
    return document;
  }

  /** Lists the pages' folder again: pages that appeared are read, pages no longer listed leave, and the listing's problems are replaced. */
  #relist(documents: Map<string, PageDocument | undefined>, changed: readonly string[]): void {
    const listing = listDocuments(this.root);
    this.#listingProblems = listing.problems;
    const listed = new Set(listing.files);
    for (const file of [...this.#pages]) {
      if (!listed.has(file)) {
        this.#pages.delete(file);
        this.#readProblems.delete(file);
        documents.set(file, undefined);
      }
    }
    for (const file of listed) if (!this.#pages.has(file) || changed.includes(file)) documents.set(file, this.#readPage(file));
  }

  /**
   * The pages read at the last change whose text on disk is no longer what was checked. A writer that
   * truncates a file and then fills it can be read in between, and a file watcher may report both
   * steps as one event (chokidar drops a second "change" with the same modification time), so the
   * dev server asks again shortly after each check and checks these pages once more.
   */
  unsettled(): string[] {
    const unsettled = [...this.#lastRead].filter(([file, text]) => readSourceText(this.root, file).text !== text).map(([file]) => file);
    this.#lastRead = new Map();
    return unsettled;
  }
}
