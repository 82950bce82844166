import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { toPosix } from '../lib/files.ts';
import { CONTENT, dataFileOf, loadSiteData } from '../site/data.ts';
import { parseDocument, type PageDocument } from '../site/document.ts';
import { listDocumentFiles, readDocument, readPublishedFiles } from '../site/load.ts';
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

export class LiveCheck {
  readonly root: string;
  readonly #checker: IncrementalChecker;
  /** The text of each page read at the last change (undefined: it was gone), to notice writes that outlast their event. */
  #lastRead = new Map<string, string | undefined>();

  constructor(root: string, settings: SiteSettings) {
    this.root = root;
    this.#checker = new IncrementalChecker({
      documents: listDocumentFiles(root).map((file) => readDocument(root, file)),
      data: loadSiteData(root),
      files: readPublishedFiles(root),
      settings,
    });
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
    const files = [...new Set([...paths].map((path) => this.relativePath(path)))].filter((file) => fileRole(file) !== undefined);
    if (files.length === 0) return undefined;
    const documents = new Map<string, PageDocument | undefined>();
    const dataFiles: string[] = [];
    let publicChanged = false;
    this.#lastRead = new Map();
    for (const file of files) {
      const role = fileRole(file);
      if (role === 'page') {
        const text = readIfPresent(this.root, file);
        this.#lastRead.set(file, text);
        documents.set(file, text === undefined ? undefined : parseDocument(file, text));
      } else if (role === 'data') dataFiles.push(file);
      else publicChanged = true;
    }
    const change: Change = {
      ...(documents.size > 0 ? { documents } : {}),
      ...(dataFiles.length > 0 ? { data: { loaded: loadSiteData(this.root), files: dataFiles } } : {}),
      ...(publicChanged ? { files: readPublishedFiles(this.root) } : {}),
    };
    const recheck = this.#checker.update(change);
    return { ...recheck, files, ms: performance.now() - started };
  }

  /**
   * The pages read at the last change whose text on disk is no longer what was checked. A writer that
   * truncates a file and then fills it can be read in between, and a file watcher may report both
   * steps as one event (chokidar drops a second "change" with the same modification time), so the
   * dev server asks again shortly after each check and checks these pages once more.
   */
  unsettled(): string[] {
    const unsettled = [...this.#lastRead].filter(([file, text]) => readIfPresent(this.root, file) !== text).map(([file]) => file);
    this.#lastRead = new Map();
    return unsettled;
  }
}

/** The text of the page at `file`, or undefined when it is gone (an editor may delete a file right after saving it). */
function readIfPresent(root: string, file: string): string | undefined {
  if (!existsSync(join(root, file))) return undefined;
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
