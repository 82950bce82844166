import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { NavigationMemo, navigationBeforeBody } from '../checker/output-check.ts';
import { separateTagsForSearch } from '../lib/search-text.ts';
import { SEARCH_INDEX_DIR } from '../site/generated-pages.ts';

/**
 * Starlight indexes the site through Pagefind's Node API, whose close() kills the Pagefind process
 * while it may still be writing: in about one build in four a search file came out empty or cut off
 * (seen here: 0 bytes, or exactly 65,536 bytes of pagefind-ui.js), which breaks search for readers.
 * This indexes the site instead with Pagefind's command-line program, which exits only once every file
 * is written, with the same defaults Starlight uses (Starlight's own run is left out, see
 * `withoutStarlightIndexing`).
 *
 * Pagefind reads a copy of the pages in which neighbouring elements are separated by a space (see
 * `separateTagsForSearch`), so that excerpts read as sentences, and from which the navigation before
 * each page's indexed body is cut (see `withoutNavigationBeforeBody`), so that the indexer does not parse
 * the whole sidebar once per page; the index is written into the site.
 */
export function pagefindGuard(): AstroIntegration {
  return {
    name: 'mle-wiki:pagefind-guard',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const output = join(site, SEARCH_INDEX_DIR);
        rmSync(output, { recursive: true, force: true });
        const copy = copyPagesForSearch(site);
        try {
          execFileSync(process.execPath, [pagefindCli(), '--site', copy, '--output-path', output, '--silent'], { stdio: 'inherit' });
        } finally {
          rmSync(copy, { recursive: true, force: true });
        }
        const empty = readdirSync(output, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).size === 0);
        if (empty.length > 0) throw new Error(`Pagefind wrote empty files: ${empty.map((entry) => entry.name).join(', ')}`);
        logger.info('search index rewritten by the Pagefind command-line program');
      },
    },
  };
}

/**
 * Starlight's integration without its own search indexing, which the guard's replaces. Starlight runs
 * Pagefind in its `astro:build:done` hook and does nothing else there; the guard would delete that index
 * and write its own, so the site was indexed twice. Starlight's search configuration and interface are
 * untouched.
 */
export function withoutStarlightIndexing<T extends AstroIntegration>(starlight: T): T {
  const { 'astro:build:done': _indexing, ...hooks } = starlight.hooks;
  return { ...starlight, hooks };
}

/** Every HTML page of the site, with its tags separated for the indexer, in a temporary directory. */
function copyPagesForSearch(site: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'mle-wiki-search-'));
  const navigation = new NavigationMemo();
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const target = join(copy, relative(site, join(entry.parentPath, entry.name)));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, searchCopyOf(readFileSync(join(entry.parentPath, entry.name), 'utf8'), navigation));
  }
  return copy;
}

/** The page as the indexer reads it: without the navigation it never indexes, and with its tags separated. */
export function searchCopyOf(html: string, navigation = new NavigationMemo()): string {
  return separateTagsForSearch(withoutNavigationBeforeBody(html, navigation));
}

/** What Pagefind reads from the whole page, not only from its body: a removable navigation element holds none of it. */
const READ_FROM_WHOLE_PAGE = /data-pagefind|<h1|<img/i;
const readFromWholePageOf = new Map<string, boolean>();

/** Whether a navigation element holds what Pagefind reads from the whole page, looked up once for the pages that share it. */
function readFromWholePage(text: string): boolean {
  let holds = readFromWholePageOf.get(text);
  if (holds === undefined) {
    holds = READ_FROM_WHOLE_PAGE.test(text);
    if (readFromWholePageOf.size < NavigationMemo.MAX_ENTRIES) readFromWholePageOf.set(text, holds);
  }
  return holds;
}

/**
 * A page with `data-pagefind-body` is indexed from that element alone; what stands before it is parsed
 * and thrown away. Before it stands the sidebar, which lists every page of the site on every page (on a
 * wiki of 1,000 pages, four fifths of each page's HTML), so that parsing it cost the indexer more than
 * the rest of the page. The first `<nav>` element before the body is cut from the copy when the cut
 * cannot change what Pagefind reads: the output check can read it apart from the page (see
 * `navigationBeforeBody`, which reads each different one once), and it holds nothing Pagefind reads from
 * the whole page (filters, metadata, a title heading or an image). Otherwise it stays.
 */
export function withoutNavigationBeforeBody(html: string, navigation = new NavigationMemo()): string {
  // Only the first, the sidebar, grows with the site; the ones after it (the table of contents) are
  // small and differ on every page, so reading them apart cost the copy more than it saved the indexer.
  const sidebar = navigationBeforeBody(html, navigation).next();
  if (sidebar.done || readFromWholePage(sidebar.value.text)) return html;
  return html.slice(0, sidebar.value.start) + html.slice(sidebar.value.end);
}

/**
 * The Pagefind CLI entry point. The package's exports hide it from require, so it is found beside the
 * package's main module, wherever Node resolves the package from (the project, or a parent folder).
 */
function pagefindCli(): string {
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  const packageDir = main.slice(0, main.lastIndexOf(`${sep}pagefind${sep}`) + `${sep}pagefind`.length);
  const cli = join(packageDir, 'lib', 'runner', 'bin.cjs');
  if (!existsSync(cli)) throw new Error(`Pagefind's command-line program is missing at ${cli}; run npm ci`);
  return cli;
}
