import { join } from 'node:path';
import { walkFiles, type Listing, type SkippedEntry } from '../lib/files.ts';
import { START } from '../lib/position.ts';
import { readTextFile, type TextFault } from '../lib/text-file.ts';
import { problem, type Problem } from '../rules/problem.ts';
import { GENERATED_FILES } from './generated-pages.ts';
import { HASHED_DATA_FILE, OFFLINE_MANIFEST, SERVICE_WORKER } from './offline-protocol.ts';

/**
 * The problems of files as files, before anything is parsed: entries of a content folder that cannot
 * be read as the build would read them (symbolic link loops, folders named like pages, unreadable
 * files), and text that is not UTF-8 with LF line endings. Each is reported at the file, once.
 */

/** The problem of an entry a listing did not read. */
export function skippedProblem(entry: SkippedEntry): Problem {
  switch (entry.reason) {
    case 'link-loop':
      return problem(
        'symlink-loop',
        entry.path,
        START,
        `this symbolic link leads to ${entry.target === '.' ? 'the project folder' : entry.target}, a folder that contains the link, so the folders below it repeat without end (the build would publish every page below it again under ${entry.path}/). It is not followed; delete the link, or point it at a folder outside the one that contains it`,
      );
    case 'link-broken':
      return problem('file-unreadable', entry.path, START, 'this symbolic link points to nothing, so the build skips it; point it at an existing file or delete it');
    case 'not-a-file':
      return problem(
        'file-unreadable',
        entry.path,
        START,
        entry.kind === 'folder'
          ? 'this is a folder named like a file, which the build does not publish as one; rename the folder (pages inside it are still read)'
          : `this is a ${entry.kind ?? 'special file'}, not a file, so the build skips it; replace it with a regular file`,
      );
    case 'unreadable':
      return problem('file-unreadable', entry.path, START, `this ${entry.kind ?? 'file'} cannot be read, so the build would skip or fail on it; make it readable (chmod a+r) or remove it`);
  }
}

/** Lists a content folder and the problems of what it could not read. */
export function listContent(root: string, dir: string, pattern: RegExp): { files: string[]; problems: Problem[] } {
  const listing: Listing = walkFiles(root, dir, pattern, { reportFolders: true });
  return { files: listing.files, problems: listing.skipped.map(skippedProblem) };
}

/** The problem of a text fault of a file. */
export function textFaultProblem(file: string, fault: TextFault): Problem {
  if (fault.kind === 'not-utf8') {
    return problem(
      'encoding-invalid',
      file,
      fault.position,
      `byte 0x${fault.byte.toString(16).toUpperCase().padStart(2, '0')} here is not UTF-8 (the file was probably saved as Latin-1 or Windows-1252); the build cannot read the file. Retype the character, or save the file as UTF-8`,
    );
  }
  return problem(
    'encoding-invalid',
    file,
    fault.position,
    fault.everyLine
      ? 'every line of this file ends with a carriage return alone (CR, as classic Mac OS wrote them), which the build does not read as line breaks; save the file with LF line endings'
      : 'this line ends with a carriage return alone (CR), which the build does not read as a line break; save the file with LF line endings',
  );
}

/** A source file's text with the problems of reading it: undefined text when it could not be read at all. */
export function readSourceText(root: string, file: string): { text: string | undefined; problems: Problem[] } {
  const read = readTextFile(join(root, file));
  if (!read.ok) {
    if (read.reason === 'missing') return { text: undefined, problems: [] };
    return { text: undefined, problems: [problem('file-unreadable', file, START, `${read.message}, so the build would skip or fail on it; ${read.reason === 'not-a-file' ? 'rename it' : 'make it readable (chmod a+r) or remove it'}`)] };
  }
  return { text: read.text, problems: read.fault ? [textFaultProblem(file, read.fault)] : [] };
}

/** Characters a URL path cannot hold as themselves: `#` starts a fragment, `?` a query, `%` an escape. */
const URL_BREAKING = /[#?%]/;

/** Public files whose names a URL cannot hold (a browser asking for `/notes#1.txt` fetches `/notes`). */
export function publicNameProblems(files: readonly string[]): Problem[] {
  return files
    .filter((file) => URL_BREAKING.test(file))
    .map((file) => {
      const found = [...new Set(file.match(/[#?%]/g) ?? [])].map((character) => `"${character}"`).join(' and ');
      return problem('public-file-name', file, START, `the name holds ${found}, which a URL reads as ${describe(file)}, so browsers (and the offline copy of the site) ask for another file than this one; rename it without them and update the links to it`);
    });
}

function describe(file: string): string {
  const meanings = [file.includes('#') ? 'the start of a fragment' : '', file.includes('?') ? 'the start of a query' : '', file.includes('%') ? 'an escape' : ''].filter(Boolean);
  return meanings.join(' and ');
}

/** Folders and names the build writes into the site besides the generated routes: Astro's bundles, the search index, hashed data. */
const BUILD_WRITTEN = [/^_astro\//, /^pagefind\//, HASHED_DATA_FILE];

/** Public files with the name of a file the build writes, which one of the two would overwrite. */
export function publicCollisionProblems(files: readonly string[]): Problem[] {
  const written = new Set<string>([...GENERATED_FILES, SERVICE_WORKER, OFFLINE_MANIFEST]);
  return files
    .filter((file) => {
      const path = file.slice('public/'.length);
      return written.has(path) || BUILD_WRITTEN.some((pattern) => pattern.test(path));
    })
    .map((file) => problem('route-collision', file, START, `the build writes ${file.slice('public/'.length)} itself, so this file would overwrite it or be overwritten; rename it or move it to another folder`));
}
