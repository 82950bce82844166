import { START, type Position } from '../lib/position.ts';
import { Parser } from 'htmlparser2';
import { isFrameId } from '../site/heading-ids.ts';
import { climbsAboveRoot } from '../site/resolve.ts';
import { normaliseBase, pageIdOfUrl, resolveRelativePath } from '../site/routes.ts';
import type { SiteIndex } from '../site/site-index.ts';
import { compareProblems, problem, type Problem } from '../rules/problem.ts';
import { publishedHrefs } from './published.ts';
import { safeDecode } from '../lib/uri.ts';

/** What the output check needs to know about one built HTML file. */
export interface BuiltPage {
  /** Path inside the output directory, with forward slashes, e.g. `role/skills/index.html`. */
  file: string;
  ids: Set<string>;
  links: { url: string; attribute: string; tag: string }[];
}

const LINK_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ['href'], link: ['href'], img: ['src'], script: ['src'], source: ['src'], iframe: ['src'] };

/** The ids and links of a stretch of a page, in document order. */
export interface Markup {
  ids: string[];
  links: BuiltPage['links'];
}

/**
 * The text as a string of its own. The parser cuts attribute values out of the page's text, and V8 may
 * keep such a cut as a view into the whole text: an id kept for later links into the page, or a link
 * waiting for the page it points into, then kept the whole page (0.8 MB at 5,000 pages) in memory, and
 * the output check of a 5,000-page site ran out of memory. Joining the text to another makes V8 copy it.
 */
const detached = (text: string): string => ` ${text}`.slice(1);

/**
 * Reads ids and link targets from HTML with a streaming HTML parser (htmlparser2): each start tag is read
 * as it is met, attributes decoded, and no tree is built, since an id or a link needs none. Building
 * trees took most of the output check's time on a large site, where every page carries the whole
 * sidebar. The content of `<template>` elements is read like any other, as a reader may reach it once a
 * script shows it. With `until`, the offset of a `<nav` at the end of the text, `navAtUntil` says whether
 * the parser read a start tag there (the tag itself is left to the reading of its element);
 * `endsAfterEndTag` says whether the text ends with an end tag, so that what follows it is read as markup.
 */
function readMarkup(html: string, until?: number): Markup & { navAtUntil: boolean; endsAfterEndTag: boolean } {
  const markup: Markup = { ids: [], links: [] };
  let navAtUntil = false;
  let lastEndTag = -1;
  const parser: Parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (parser.startIndex === until) {
          navAtUntil = tag === 'nav';
          return;
        }
        const id = attributes['id'];
        if (id) markup.ids.push(detached(id));
        for (const attribute of LINK_ATTRIBUTES[tag] ?? []) {
          const url = attributes[attribute];
          if (url !== undefined) markup.links.push({ url: detached(url), attribute, tag });
        }
      },
      onclosetag(_, isImplied) {
        if (!isImplied) lastEndTag = parser.endIndex;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { ...markup, navAtUntil, endsAfterEndTag: lastEndTag === html.length - 1 };
}

/**
 * The navigation elements already read, by their text with the link to the page itself unmarked: the
 * sidebar lists every page of the site on every page, the same but for which link is the current page
 * and which group is open, so that it is read once for a section instead of once for every page. At
 * most a few dozen are kept, so that a site whose navigation differs on every page is not held in memory.
 */
export class NavigationMemo {
  static readonly MAX_ENTRIES = 32;
  readonly #read: { text: string; markup: Markup }[] = [];

  /** The ids and links of a navigation element read on its own, or undefined when it does not end as an element does. */
  read(element: string): { text: string; markup: Markup } | undefined {
    const pieces = unmarkedPieces(element);
    const known = this.#read.find((entry) => isMadeOf(entry.text, pieces));
    if (known) return known;
    const text = pieces.join('');
    const read = readMarkup(text);
    if (!read.endsAfterEndTag) return undefined;
    const entry = { text, markup: { ids: read.ids, links: read.links } };
    if (this.#read.length < NavigationMemo.MAX_ENTRIES) this.#read.push(entry);
    return entry;
  }
}

/**
 * What marks the current page in a navigation element, and what of it stays: neither attribute is an id
 * or a link, and each stands where Astro writes attributes, after a quoted value or a tag name.
 */
const CURRENT_PAGE_MARKS = [
  { written: '" aria-current="page"', kept: 1 },
  { written: '<details open ', kept: '<details'.length },
] as const;

/** The text of an element without the marks of the current page, as the pieces between them (no copy of a long text is made). */
function unmarkedPieces(element: string): string[] {
  const cuts: { at: number; end: number }[] = [];
  for (const { written, kept } of CURRENT_PAGE_MARKS) {
    for (let at = element.indexOf(written); at !== -1; at = element.indexOf(written, at + written.length)) cuts.push({ at: at + kept, end: at + written.length - (written.endsWith(' ') ? 1 : 0) });
  }
  cuts.sort((a, b) => a.at - b.at);
  const pieces: string[] = [];
  let from = 0;
  for (const { at, end } of cuts) {
    pieces.push(element.slice(from, at));
    from = end;
  }
  pieces.push(element.slice(from));
  return pieces;
}

/** Whether `text` is the pieces joined. */
function isMadeOf(text: string, pieces: readonly string[]): boolean {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  if (length !== text.length) return false;
  let offset = 0;
  for (const piece of pieces) {
    // Comparing slices compares memory; startsWith compares character by character.
    if (text.slice(offset, offset + piece.length) !== piece) return false;
    offset += piece.length;
  }
  return true;
}

/** A navigation element of a page, known to read as an element there, with what it and the text before it hold. */
export interface ReadNavigation {
  start: number;
  end: number;
  /** The ids and links of the page's text from the previous such element up to this one. */
  before: Markup;
  markup: Markup;
  /** The element's text without the marks of the current page, one string for every page that shares it. */
  text: string;
}

/**
 * The `<nav>` elements before a page's body (its `data-pagefind-body` element) that can be read on their
 * own without changing how the page reads: the parser has read the element's start tag as a start tag
 * in the page (so the text before it is not left inside a tag, a script or a comment), and the element
 * read alone ends right after its own end tag (so it leaves the page's text as markup, as it found it).
 * Start tags are read alike in any element, so the element's ids and links are those it has in the page.
 * Each different one is read once, through `navigation`. They stop at the first element that cannot be
 * read so; the rest of the page is then to be read whole. Built pages carry the whole sidebar in one.
 */
export function* navigationBeforeBody(html: string, navigation: NavigationMemo): Generator<ReadNavigation> {
  const body = html.indexOf('data-pagefind-body');
  let from = 0;
  for (let start = html.indexOf('<nav'); start !== -1 && start < body; start = html.indexOf('<nav', from)) {
    // The element ends at the first end tag after it unless another starts before it, whose end that would be.
    const close = html.indexOf('</nav>', start);
    if (close === -1 || close > body || html.lastIndexOf('<nav', close) !== start) return;
    const end = close + '</nav>'.length;
    const before = readMarkup(html.slice(from, html.indexOf('>', start) + 1), start - from);
    const read = before.navAtUntil ? navigation.read(html.slice(start, end)) : undefined;
    if (!read) return;
    yield { start, end, before, ...read };
    from = end;
  }
}

/**
 * Reads a built page's ids and links. The navigation elements before its body are read through
 * `navigation` (see `navigationBeforeBody`), which reads the sidebar once for all the pages that share
 * it; the page reads as if it were read whole.
 */
export function readBuiltPage(file: string, html: string, navigation: NavigationMemo = new NavigationMemo()): BuiltPage {
  const ids = new Set<string>();
  const links: BuiltPage['links'] = [];
  const add = (markup: Markup) => {
    for (const id of markup.ids) ids.add(id);
    for (const link of markup.links) links.push(link);
  };
  let from = 0;
  for (const element of navigationBeforeBody(html, navigation)) {
    add(element.before);
    add(element.markup);
    from = element.end;
  }
  add(readMarkup(html.slice(from)));
  return { file, ids, links };
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export interface OutputCheckInput {
  /**
   * Every built HTML page. An iterable, so that a caller can read the pages one at a time: a page's links
   * are checked as it is read and then dropped, and only its ids are kept (for links to its fragments),
   * so a large site, whose every page carries the whole sidebar, is never held in memory at once.
   */
  pages: Iterable<BuiltPage>;
  /** Every output path, HTML or not. */
  files: ReadonlySet<string>;
  basePath: string;
  emptyFiles?: readonly string[];
  outDir?: string;
  /**
   * The site index of the sources the output was built from, to report problems where they were written;
   * or a function that reads it, called only when there is a problem to report (a clean output, the usual
   * case, is checked without parsing every source page again).
   */
  index?: SiteIndex | (() => SiteIndex);
}

/** A link of a page, as the check holds it while the page it points into is not read yet. */
interface PendingLink {
  page: string;
  link: BuiltPage['links'][number];
  url: URL;
  target: string;
  fragment: string;
}

/**
 * Checks that every internal link of every built page points to a file in the output and, when it has
 * a fragment, to an id in that file. Each problem is reported at the source that produced it: the line
 * of the page that wrote the link, or the page or route file when a component or the layout made it.
 */
export function checkBuiltSite({ pages, files, basePath, emptyFiles = [], outDir = 'dist', index }: OutputCheckInput): Problem[] {
  const base = normaliseBase(basePath);
  const idsOf = new Map<string, ReadonlySet<string>>();
  const locate = sourceLocator(index, base);
  const problems: Problem[] = emptyFiles.map((file) => problem('output-file-empty', `${outDir}/${file}`, START, 'the file is empty; a build step that writes it was cut short'));
  const unwritten = new Map<string, { rule: Problem['rule']; message: string; pages: string[]; source: string }>();
  const report = (page: string, link: BuiltPage['links'][number], fault: Fault): void => {
    const message = `${fault.message}: <${link.tag} ${link.attribute}="${link.url}"> in ${outDir}/${page}`;
    const source = locate(page, link.url);
    if (source.written) {
      problems.push(problem(fault.rule, source.file, source.position, message));
      return;
    }
    // A link no page wrote comes from a component or the layout; report it once, with where it shows.
    const key = `${fault.rule}\u0000${link.url}`;
    const entry = unwritten.get(key) ?? { rule: fault.rule, message: fault.message, pages: [], source: source.file };
    entry.pages.push(page);
    unwritten.set(key, entry);
  };
  // A link written from the site root means the same on every page: the sidebar's links, on every page
  // of the site, are checked once each.
  const rootLinkFaults = new Map<string, Fault | undefined>();
  // Links into a fragment of a page not read yet wait for its ids.
  const pending: PendingLink[] = [];
  for (const page of pages) {
    idsOf.set(page.file, page.ids);
    const pagePathFromRoot = `/${page.file.replace(/index\.html$/, '')}`;
    const pageUrl = `https://site${base}${pagePathFromRoot.slice(1)}`;
    for (const link of page.links) {
      if (EXTERNAL.test(link.url) || link.url.startsWith('data:')) continue;
      const fromRoot = link.url.startsWith('/');
      if (fromRoot && rootLinkFaults.has(link.url)) {
        const known = rootLinkFaults.get(link.url);
        if (known) report(page.file, link, known);
        continue;
      }
      const url = new URL(link.url, pageUrl);
      const found = climbingFault(link.url, pagePathFromRoot) ?? targetOf(url, base, files);
      let fault: Fault | undefined;
      if ('rule' in found) fault = found;
      else if (found.fragment !== '' && !idsOf.has(found.target) && found.target.endsWith('.html')) {
        pending.push({ page: page.file, link, url, ...found });
        continue;
      } else fault = fragmentFault(url, found, idsOf);
      if (fromRoot) rootLinkFaults.set(link.url, fault);
      if (fault) report(page.file, link, fault);
    }
  }
  for (const { page, link, url, target, fragment } of pending) {
    const fault = fragmentFault(url, { target, fragment }, idsOf);
    if (fault) report(page, link, fault);
  }
  for (const [key, entry] of unwritten) {
    const url = key.split('\u0000')[1] ?? '';
    const where = entry.pages.length === 1 ? `${outDir}/${entry.pages[0]}` : `${entry.pages.length} pages, such as ${outDir}/${entry.pages[0]}`;
    problems.push(problem(entry.rule, entry.source, START, `${entry.message}: "${url}" on ${where}, made by a component, a generated page or the layout rather than written in the page's text`));
  }
  return problems.sort(compareProblems);
}

/** A relative href that climbs above the site root, refused whatever the base path, as the source check refuses it. */
function climbingFault(url: string, pagePathFromRoot: string): Fault | undefined {
  if (/^[/#?]/.test(url)) return undefined;
  const path = url.replace(/[?#].*$/, '');
  if (path === '' || resolveRelativePath(path, pagePathFromRoot) !== undefined) return undefined;
  return { rule: 'output-link-broken', message: climbsAboveRoot(path, pagePathFromRoot) };
}

interface Fault {
  rule: 'output-link-broken' | 'output-anchor-broken';
  message: string;
}

/** The output file a link leads to and the fragment it names, or why it leads to no file. */
function targetOf(url: URL, base: string, files: ReadonlySet<string>): Fault | { target: string; fragment: string } {
  const path = safeDecode(url.pathname);
  if (!path.startsWith(base)) return { rule: 'output-link-broken', message: `the path is outside the base path ${base}` };
  const inside = path.slice(base.length);
  const target = [inside, `${inside}${inside.endsWith('/') || inside === '' ? '' : '/'}index.html`].find((candidate) => files.has(candidate));
  if (target === undefined) return { rule: 'output-link-broken', message: `no file ${path} in the output` };
  return { target, fragment: safeDecode(url.hash.slice(1)) };
}

/** Whether the fragment a link names is an id of the page it leads to (a file that is no page has no ids to check). */
function fragmentFault(url: URL, { target, fragment }: { target: string; fragment: string }, idsOf: ReadonlyMap<string, ReadonlySet<string>>): Fault | undefined {
  if (fragment === '' || isFrameId(fragment)) return undefined;
  const ids = idsOf.get(target);
  if (ids && !ids.has(fragment)) return { rule: 'output-anchor-broken', message: `${safeDecode(url.pathname)} has no element with id "${fragment}"` };
  return undefined;
}

/**
 * Maps a link in a built page back to its source: the page's MDX file and the line where a reference
 * renders to that href (through the same rewriting the renderer uses), or the file that generates the page.
 */
function sourceLocator(given: OutputCheckInput['index'], base: string): (builtFile: string, href: string) => { file: string; position: Position; written: boolean } {
  if (!given) return (builtFile) => ({ file: builtFile, position: START, written: false });
  let read: { index: SiteIndex; documents: Map<string, SiteIndex['documents'][number]> } | undefined;
  return (builtFile, href) => {
    if (!read) {
      const index = typeof given === 'function' ? given() : given;
      read = { index, documents: new Map(index.documents.map((document) => [document.pageId, document])) };
    }
    const { index, documents } = read;
    const pageId = pageIdOfUrl(`/${builtFile}`.replace(/\.html$/, '/').replace(/\/index\/$/, '/'));
    const page = index.pages.get(pageId);
    const document = documents.get(pageId);
    if (document) {
      const reference = document.references.find((ref) => publishedHrefs(ref, index.data, base).includes(href));
      if (reference) return { file: reference.file, position: reference.position, written: true };
    }
    return { file: page?.source ?? builtFile, position: START, written: false };
  };
}
