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

/**
 * Reads ids and link targets from a built HTML document with a streaming HTML parser (htmlparser2): each
 * start tag is read as it is met, attributes decoded, and no tree is built, since an id or a link needs
 * none. Building trees took most of the output check's time on a large site, where every page carries
 * the whole sidebar. The content of `<template>` elements is read like any other, as a reader may reach
 * it once a script shows it.
 */
export function readBuiltPage(file: string, html: string): BuiltPage {
  const ids = new Set<string>();
  const links: BuiltPage['links'] = [];
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const id = attributes['id'];
        if (id) ids.add(id);
        for (const attribute of LINK_ATTRIBUTES[tag] ?? []) {
          const url = attributes[attribute];
          if (url !== undefined) links.push({ url, attribute, tag });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
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
  /** The site index of the sources the output was built from, to report problems where they were written. */
  index?: SiteIndex;
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
function sourceLocator(index: SiteIndex | undefined, base: string): (builtFile: string, href: string) => { file: string; position: Position; written: boolean } {
  if (!index) return (builtFile) => ({ file: builtFile, position: START, written: false });
  const documents = new Map(index.documents.map((document) => [document.pageId, document]));
  return (builtFile, href) => {
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
