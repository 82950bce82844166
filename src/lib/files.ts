import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Listing a folder as Astro's content loader lists it (tinyglobby, which follows symbolic links to files
 * and folders), but safely: a link that leads back to a folder containing it is reported once and never
 * followed, and anything named like a wanted file that cannot be read as one is reported instead of
 * throwing or blocking (a folder named `x.mdx`, a named pipe, a dangling link).
 */

/** Why an entry of a listing was not read. */
export type SkipReason =
  /** A symbolic link to a folder that contains it (or to the folder itself): following it would never end. */
  | 'link-loop'
  /** A symbolic link whose target does not exist. */
  | 'link-broken'
  /** An entry whose name is wanted but that is a folder, a pipe, a socket or a device rather than a file. */
  | 'not-a-file'
  /** An entry the listing was not allowed to read. */
  | 'unreadable';

export interface SkippedEntry {
  /** Relative to the listing's root, with forward slashes. */
  path: string;
  reason: SkipReason;
  /** For a link loop, the folder the link leads to, relative to the root when it is inside it. */
  target?: string;
  /** What the entry is, for messages: "folder", "named pipe", "socket", "device". */
  kind?: string;
}

export interface Listing {
  /** Readable files, relative to the root with forward slashes, sorted. */
  files: string[];
  /** Entries that were not read, in the order they were found. */
  skipped: SkippedEntry[];
}

export interface ListOptions {
  /**
   * List every file (a build's output). Otherwise the listing is a content folder's, as Astro's loader
   * sees it: files whose name starts with "_" and entries whose name starts with "." are left out.
   */
  all?: boolean;
  /** Report a folder whose name matches `pattern` (a folder named `x.mdx`, which a page's author may mistake for the page). */
  reportFolders?: boolean;
}

/** The files below `dir` (relative to `root`) whose name matches `pattern`, and the entries that could not be read. */
export function walkFiles(root: string, dir: string, pattern: RegExp = /./, options: ListOptions = {}): Listing {
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  const start = join(root, dir);
  let startReal: string;
  let rootReal: string;
  try {
    if (!statSync(start).isDirectory()) return { files, skipped };
    startReal = realpathSync(start);
    rootReal = realpathSync(root);
  } catch {
    return { files, skipped };
  }
  const name = (path: string) => toPosix(relative(root, path));
  const wanted = (entry: string) => pattern.test(entry) && (options.all === true || !entry.startsWith('_'));
  // Folders still to read, each with the real paths of the folders above it, which a link must not lead back to.
  const pending: { path: string; ancestors: readonly string[] }[] = [{ path: start, ancestors: [startReal] }];
  while (pending.length > 0) {
    const { path: folder, ancestors } = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      skipped.push({ path: name(folder), reason: 'unreadable', kind: 'folder' });
      continue;
    }
    for (const entry of entries) {
      if (options.all !== true && entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      let stats: Stats | undefined;
      if (entry.isSymbolicLink()) {
        try {
          stats = statSync(path);
        } catch {
          skipped.push({ path: name(path), reason: 'link-broken' });
          continue;
        }
      }
      const isDirectory = stats ? stats.isDirectory() : entry.isDirectory();
      const isFile = stats ? stats.isFile() : entry.isFile();
      if (isDirectory) {
        let real: string;
        try {
          real = realpathSync(path);
        } catch {
          skipped.push({ path: name(path), reason: 'unreadable', kind: 'folder' });
          continue;
        }
        if (ancestors.some((above) => real === above || above.startsWith(`${real}${sep}`))) {
          const inside = real === rootReal || real.startsWith(`${rootReal}${sep}`) ? toPosix(relative(rootReal, real)) || '.' : real;
          skipped.push({ path: name(path), reason: 'link-loop', target: inside });
          continue;
        }
        if (options.reportFolders === true && wanted(entry.name)) skipped.push({ path: name(path), reason: 'not-a-file', kind: 'folder' });
        pending.push({ path, ancestors: [...ancestors, real] });
      } else if (wanted(entry.name)) {
        if (isFile) files.push(name(path));
        else skipped.push({ path: name(path), reason: 'not-a-file', kind: kindOf(stats ?? entry) });
      }
    }
  }
  return { files: files.sort(), skipped };
}

function kindOf(entry: Dirent | Stats): string {
  if (entry.isFIFO()) return 'named pipe';
  if (entry.isSocket()) return 'socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'device';
  return 'special file';
}

/**
 * Files below `dir` (relative to `root`) whose name matches `pattern`, as paths relative to `root` with
 * forward slashes, sorted. Content files whose name starts with "_" are skipped, as Astro skips them;
 * pass `{ all: true }` to list every file (a build's output). Entries that cannot be read are left out;
 * `walkFiles` says which and why.
 */
export function listFiles(root: string, dir: string, pattern: RegExp = /./, options: ListOptions = {}): string[] {
  return walkFiles(root, dir, pattern, options).files;
}

export const toPosix = (path: string): string => path.split('\\').join('/');
