import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Files below `dir` (relative to `root`) whose name matches `pattern`, as paths relative to `root` with
 * forward slashes, sorted. Content files whose name starts with "_" are skipped, as Astro skips them;
 * pass `{ all: true }` to list every file (a build's output).
 */
export function listFiles(root: string, dir: string, pattern: RegExp = /./, options: { all?: boolean } = {}): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && (options.all === true || !entry.name.startsWith('_')))
    .map((entry) => toPosix(relative(root, join(entry.parentPath, entry.name))))
    .sort();
}

export const toPosix = (path: string): string => path.split('\\').join('/');
