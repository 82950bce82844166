import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
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
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const target = join(copy, relative(site, join(entry.parentPath, entry.name)));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, searchCopyOf(readFileSync(join(entry.parentPath, entry.name), 'utf8')));
  }
  return copy;
}

/** The page as the indexer reads it: without the navigation it never indexes, and with its tags separated. */
export function searchCopyOf(html: string): string {
  return separateTagsForSearch(withoutNavigationBeforeBody(html));
}

/** What Pagefind reads from the whole page, not only from its body: a removable navigation element holds none of it. */
const READ_FROM_WHOLE_PAGE = /data-pagefind|<h1|<img/i;

/** Where elements whose content is text, not markup, open (a `<nav` inside them is no element), and where each ends. */
const RAW_TEXT_OPENER = /<(script|style|textarea|title)\b|<!--/gi;
const RAW_TEXT_CLOSERS: Readonly<Record<string, RegExp>> = { script: /<\/script/gi, style: /<\/style/gi, textarea: /<\/textarea/gi, title: /<\/title/gi, comment: /-->/g };

/** Whether every script, style, comment or other raw text that opens in `html[from, to)` closes there too. */
function rawTextClosedWithin(html: string, from: number, to: number): boolean {
  const openers = new RegExp(RAW_TEXT_OPENER);
  openers.lastIndex = from;
  for (let opener = openers.exec(html); opener !== null && opener.index < to; opener = openers.exec(html)) {
    const closers = new RegExp(RAW_TEXT_CLOSERS[opener[1]?.toLowerCase() ?? 'comment']!);
    closers.lastIndex = opener.index + opener[0].length;
    const closed = closers.exec(html);
    if (closed === null || closed.index >= to) return false;
    openers.lastIndex = closed.index + closed[0].length;
  }
  return true;
}

/**
 * A page with `data-pagefind-body` is indexed from that element alone; what stands before it is parsed
 * and thrown away. Before it stands the sidebar, which lists every page of the site on every page (on a
 * wiki of 1,000 pages, four fifths of each page's HTML), so that parsing it cost the indexer more than
 * the rest of the page. Each `<nav>` element that ends before the body is cut from the copy when the cut
 * cannot change what Pagefind reads: the element starts after a tag, outside any script, style or
 * comment, holds none of them unclosed and no nav inside it, and holds nothing Pagefind reads from the
 * whole page (filters, metadata, a title heading or an image). Otherwise it stays.
 */
export function withoutNavigationBeforeBody(html: string): string {
  const body = html.indexOf('data-pagefind-body');
  if (body === -1) return html;
  const parts: string[] = [];
  let from = 0;
  for (let start = html.indexOf('<nav', from); start !== -1 && start < body; start = html.indexOf('<nav', from)) {
    const end = html.indexOf('</nav>', start);
    if (end === -1 || end > body) break;
    const after = end + '</nav>'.length;
    const element = html.slice(start, after);
    const removable =
      /^<nav[\s>]/.test(element) &&
      />\s*$/.test(html.slice(Math.max(0, start - 64), start)) &&
      !element.includes('<nav', 1) &&
      !READ_FROM_WHOLE_PAGE.test(element) &&
      rawTextClosedWithin(html, 0, start) &&
      rawTextClosedWithin(html, start, end);
    parts.push(html.slice(from, removable ? start : after));
    from = after;
  }
  parts.push(html.slice(from));
  return parts.join('');
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
