import { closest } from 'fastest-levenshtein';
import type { RuleId } from '../checker/rules.ts';
import { resolveCitation } from './citations.ts';
import type { Reference } from './document.ts';
import { entryTarget, episodePageId, SOURCES_PAGE_ID, sourceAnchor } from './generated-pages.ts';
import { isFrameId } from './heading-ids.ts';
import { linkTail, parseLink, type EntryKind } from './links.ts';
import { DOCS_DIR, normaliseBase, pageIdFromFile, pagePath, trimSlashes } from './routes.ts';
import type { IndexedDocument, SiteIndex } from './site-index.ts';

/** What a reference points at once resolved. Backlinks, episode pages and the graph read these. */
export type Target =
  | { kind: 'page'; pageId: string; anchor?: string }
  | { kind: 'moment'; slug: string; t: string; seconds: number }
  | { kind: 'episode'; slug: string }
  | { kind: 'source'; sourceId: string }
  | { kind: 'external'; url: string }
  | { kind: 'file'; path: string };

export type Resolution = { ok: true; target: Target } | { ok: false; rule: RuleId; message: string };

const fail = (rule: RuleId, message: string): Resolution => ({ ok: false, rule, message });

/** Resolves one reference of the page `fromPageId` against the site index. Pure: no I/O. */
export function resolveReference(reference: Reference, fromPageId: string, index: SiteIndex): Resolution {
  if (reference.origin === 'related') return resolveRelated(reference.url, fromPageId, index);
  if (reference.origin === 'sources') return resolveSource(reference.url, index);
  if (reference.origin === 'data-page') return resolveListedPage(reference.url, index);
  const link = parseLink(reference.url, index.settings.site);
  switch (link.kind) {
    case 'citation':
      return citationTarget(link.body, index);
    case 'source':
      return resolveSource(link.id, index);
    case 'entry':
      return resolveEntry(link.entry, link.id, fromPageId, index);
    case 'external':
      return { ok: true, target: { kind: 'external', url: link.url } };
    case 'absolute-self':
      return fail('link-absolute-self', `"${link.url}" is a full URL of ${isLocal(link.url) ? 'a local server' : 'this site'}; write it from the site root as ${link.path}`);
    case 'fragment':
      return pageTarget(fromPageId, link.hash, fromPageId, index);
    case 'site':
    case 'relative':
      return resolveSitePath(link, reference, fromPageId, index);
  }
}

const isLocal = (url: string): boolean => /^(?:https?:)?\/\/(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)(?:[:/]|$)/i.test(url);

function resolveRelated(value: string, fromPageId: string, index: SiteIndex): Resolution {
  const pageId = trimSlashes(value);
  if (pageId === fromPageId) return fail('self-reference', `"${value}" is this page itself; remove it from related`);
  if (!index.pages.has(pageId)) return fail('related-missing', `related page "${value}" does not exist${suggest(pageId, [...index.pages.keys()])}`);
  return { ok: true, target: { kind: 'page', pageId } };
}

const ENTRY_FILES = { tool: 'src/content/tools/', term: 'src/content/glossary/', kpi: 'src/content/kpis/kpis.yaml' } as const;

function entryIds(entry: EntryKind, index: SiteIndex): string[] {
  switch (entry) {
    case 'tool':
      return index.data.tools.map((tool) => tool.id);
    case 'term':
      return index.data.glossary.map((term) => term.id);
    case 'kpi':
      return index.data.kpis.map((kpi) => kpi.id);
  }
}

function resolveEntry(entry: EntryKind, id: string, fromPageId: string, index: SiteIndex): Resolution {
  const ids = entryIds(entry, index);
  if (!ids.includes(id)) return fail('entry-missing', `there is no ${entry} "${id}" in ${ENTRY_FILES[entry]}${suggest(id, ids)}`);
  const { pageId, anchor } = entryTarget(entry, id);
  return pageTarget(pageId, anchor ?? '', fromPageId, index);
}

/** A page id listed in a data file (the pages a resource is shown on). */
function resolveListedPage(value: string, index: SiteIndex): Resolution {
  const pageId = trimSlashes(value);
  if (!index.pages.has(pageId)) return fail('page-missing', `no page "${value}"${suggestPath(pageId, index.pages)}; list page ids, the page path without its slashes`);
  return { ok: true, target: { kind: 'page', pageId } };
}

function resolveSource(id: string, index: SiteIndex): Resolution {
  if (index.data.invalid.has(`sources/${id}`)) return { ok: true, target: { kind: 'source', sourceId: id } };
  if (!index.data.sources.has(id)) return fail('source-missing', `there is no source "${id}" in src/content/sources/${suggest(id, [...index.data.sources.keys()])}`);
  const sourcesPage = index.pages.get(SOURCES_PAGE_ID);
  if (sourcesPage && !sourcesPage.generated && !sourcesPage.anchors.has(sourceAnchor(id))) {
    return fail('source-missing', `source "${id}" exists but ${sourcesPage.source} has no heading with id "${sourceAnchor(id)}" for it to link to`);
  }
  return { ok: true, target: { kind: 'source', sourceId: id } };
}

function citationTarget(body: string, index: SiteIndex): Resolution {
  const resolved = resolveCitation(body, index.data, (slug) => suggest(slug, [...index.data.episodes.keys()]));
  if (!resolved.ok) return fail(resolved.rule, resolved.message);
  if (resolved.episode === undefined) return { ok: true, target: { kind: 'episode', slug: resolved.slug } };
  const { slug } = resolved.episode;
  return { ok: true, target: resolved.moment ? { kind: 'moment', slug, ...resolved.moment } : { kind: 'episode', slug } };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function resolveSitePath(link: { kind: 'site' | 'relative'; path: string; query: string; hash: string }, reference: Reference, fromPageId: string, index: SiteIndex): Resolution {
  if (/\.mdx?$/i.test(link.path)) return fileLink(link.path, reference, index);
  // Relative links resolve in the browser against the page's URL, which always ends with a slash.
  const path = link.kind === 'site' ? link.path : new URL(link.path, `https://site${pagePath(fromPageId)}`).pathname;
  const relativeHint = link.kind === 'relative' ? ` ("${link.path}" is relative to this page's URL, so it means ${path})` : '';
  const pageId = trimSlashes(decode(path).replace(/\/index\.html$/, '/'));
  const page = index.pages.get(pageId);
  if (page) {
    if (!path.endsWith('/')) return fail('link-trailing-slash', `page links end with "/": write ${pagePath(pageId)}${linkTail(link)}${relativeHint}`);
    if (page.draft && !index.pages.get(fromPageId)?.draft) {
      return fail('page-draft', `${pagePath(pageId)} is a draft (${page.source} has draft: true), which production builds leave out${relativeHint}`);
    }
    return pageTarget(pageId, link.hash, fromPageId, index);
  }
  const base = normaliseBase(index.settings.base);
  if (base !== '/' && `${path}/`.startsWith(base)) {
    return fail('link-base-path', `the site adds the base path ${base} itself; write ${path.slice(base.length - 1)}${linkTail(link)}`);
  }
  // A path ending in a slash names a page even when its last segment has a dot (`/release/v1.0/`).
  if (!path.endsWith('/') && /\.[a-z0-9]+$/i.test(pageId)) {
    if (index.files.has(pageId)) return { ok: true, target: { kind: 'file', path: pageId } };
    return fail('asset-missing', `no file ${path} is published: nothing at public/${pageId} and no generated file of that name${relativeHint}`);
  }
  return fail('page-missing', `no page at ${path}${relativeHint}${suggestPath(pageId, index.pages)}`);
}

function pageTarget(pageId: string, rawHash: string, fromPageId: string, index: SiteIndex): Resolution {
  const page = index.pages.get(pageId);
  if (!page) return fail('page-missing', `no page at ${pagePath(pageId)}`);
  const anchor = decode(rawHash);
  if (anchor === '') return { ok: true, target: { kind: 'page', pageId } };
  if (!page.anchors.has(anchor)) {
    const where = pageId === fromPageId ? 'this page' : pagePath(pageId);
    return fail('anchor-missing', `${where} has no heading with id "#${anchor}"${suggest(anchor, [...page.anchors].filter((a) => !isFrameId(a)), '#')}`);
  }
  return { ok: true, target: { kind: 'page', pageId, anchor } };
}

function fileLink(path: string, reference: Reference, index: SiteIndex): Resolution {
  const fileDirectory = reference.file.split('/').slice(0, -1).join('/');
  const resolvedFile = path.startsWith('/') ? `${DOCS_DIR}${path.slice(1)}` : new URL(path, `https://repo/${fileDirectory}/`).pathname.slice(1);
  const pageId = pageIdFromFile(resolvedFile);
  const exists = index.pages.has(pageId);
  return fail('file-link', `"${path}" links to a source file; ${exists ? `link to the page instead: ${pagePath(pageId)}` : 'link to the page path, which starts with / and ends with /'}`);
}

function suggest(value: string, candidates: string[], prefix = ''): string {
  if (candidates.length === 0) return '';
  return `; did you mean "${prefix}${closest(value, candidates)}"?`;
}

const pagesBySection = new WeakMap<ReadonlyMap<string, unknown>, Map<string, string[]>>();
const sectionOf = (pageId: string) => pageId.split('/')[0] ?? '';

/**
 * The closest existing page: first the closest section, then the closest page in it. Renamed pages
 * usually stay in their section, and two small searches stay fast on a wiki of thousands of pages.
 */
export function closestPage(pageId: string, pages: ReadonlyMap<string, unknown>): string | undefined {
  let sections = pagesBySection.get(pages);
  if (!sections) {
    sections = new Map();
    for (const id of pages.keys()) sections.set(sectionOf(id), [...(sections.get(sectionOf(id)) ?? []), id]);
    pagesBySection.set(pages, sections);
  }
  if (sections.size === 0) return undefined;
  const wanted = sectionOf(pageId);
  const section = sections.has(wanted) ? wanted : closest(wanted, [...sections.keys()]);
  return closest(pageId, sections.get(section) ?? []);
}

function suggestPath(pageId: string, pages: ReadonlyMap<string, unknown>): string {
  const candidate = closestPage(pageId, pages);
  return candidate === undefined ? '' : `; did you mean ${pagePath(candidate)}?`;
}

/** The page on the site a resolved target is shown on, for backlinks and the graph. */
export function targetPageId(target: Target): string | undefined {
  switch (target.kind) {
    case 'page':
      return target.pageId;
    case 'moment':
    case 'episode':
      return episodePageId(target.slug);
    case 'source':
      return SOURCES_PAGE_ID;
    default:
      return undefined;
  }
}

/** One reference of one page with what it resolved to. */
export interface ResolvedReference {
  from: IndexedDocument;
  reference: Reference;
  target: Target;
}

export interface UnresolvedReference {
  from: IndexedDocument;
  reference: Reference;
  rule: RuleId;
  message: string;
}

/**
 * Resolves the links written in data files. A link published on a page (a glossary term's covering
 * page, on the glossary page) counts as that page's reference, for backlinks and the graph.
 */
export function resolveDataReferences(index: SiteIndex): { resolved: ResolvedReference[]; unresolved: { reference: Reference; rule: RuleId; message: string }[] } {
  const documents = new Map(index.documents.map((document) => [document.pageId, document]));
  const resolved: ResolvedReference[] = [];
  const unresolved: { reference: Reference; rule: RuleId; message: string }[] = [];
  for (const { reference, from } of index.dataReferences) {
    const resolution = resolveReference(reference, from ?? '', index);
    const page = from === undefined ? undefined : documents.get(from);
    if (!resolution.ok) unresolved.push({ reference, rule: resolution.rule, message: resolution.message });
    else if (page) resolved.push({ from: page, reference, target: resolution.target });
  }
  return { resolved, unresolved };
}

/** Resolves every reference of one page. */
export function resolveDocument(document: IndexedDocument, index: SiteIndex): { resolved: ResolvedReference[]; unresolved: UnresolvedReference[] } {
  const resolved: ResolvedReference[] = [];
  const unresolved: UnresolvedReference[] = [];
  for (const reference of document.references) {
    const resolution = resolveReference(reference, document.pageId, index);
    if (resolution.ok) resolved.push({ from: document, reference, target: resolution.target });
    else unresolved.push({ from: document, reference, rule: resolution.rule, message: resolution.message });
  }
  return { resolved, unresolved };
}
