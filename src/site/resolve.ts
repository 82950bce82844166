import { closest } from 'fastest-levenshtein';
import { closestName, type NamedCandidate } from '../lib/closest-name.ts';
import type { CandidatePool, Fix } from '../rules/problem.ts';
import type { RuleId } from '../rules/table.ts';
import { resolveCitation } from './citations.ts';
import type { Reference, ReferenceOrigin } from './document.ts';
import { entryTarget, episodePageId, GRAPH_NODE_PAGE_IDS, mayBeGeneratedFromInvalidData, SOURCES_PAGE_ID, sourceAnchor } from './generated-pages.ts';
import { invalidCollections } from './site-data.ts';
import { isFrameId } from './heading-ids.ts';
import { itemPageTarget } from './learning-maps.ts';
import { graphNodeAnchors, isGraphNodeAnchor } from './graph-nodes.ts';
import { linkTail, parseLink, SOURCE_SCHEME, type EntryKind, type ParsedLink } from './links.ts';
import { DOCS_DIR, normaliseBase, pageIdFromFile, pagePath, resolveRelativePath, trimSlashes } from './routes.ts';
import type { IndexedDocument, SiteIndex } from './site-index.ts';
import { safeDecode } from '../lib/uri.ts';

/** What a reference points at once resolved. Backlinks, episode pages and the graph read these. */
export type Target =
  | { kind: 'page'; pageId: string; anchor?: string }
  | { kind: 'moment'; slug: string; t: string; seconds: number }
  | { kind: 'episode'; slug: string }
  | { kind: 'source'; sourceId: string }
  | { kind: 'external'; url: string }
  | { kind: 'file'; path: string };


export type Resolution = { ok: true; target: Target } | { ok: false; rule: RuleId; message: string; fix?: Fix };

const fail = (rule: RuleId, message: string, fix?: Fix): Resolution => ({ ok: false, rule, message, ...(fix ? { fix } : {}) });

/** The candidates of a pool, as the suggestions compare them. */
export function candidatesOf(pool: CandidatePool, index: SiteIndex): string[] {
  switch (pool.kind) {
    case 'pages':
      return [...index.pages.keys()];
    case 'anchors':
      return anchorCandidates(pool.pageId, index);
    case 'sources':
      return [...index.data.sources.keys()];
    case 'entries':
      return entryIds(pool.entry, index);
  }
}

/** The ids a "did you mean" may offer on a page: its headings and other anchors, and on the graph pages the nodes' ids. */
function anchorCandidates(pageId: string, index: SiteIndex): string[] {
  const anchors = [...(index.pages.get(pageId)?.anchors ?? [])].filter((anchor) => !isFrameId(anchor));
  return GRAPH_NODE_PAGE_IDS.has(pageId) ? [...anchors, ...graphNodeAnchors(index)] : anchors;
}

/** Resolves one reference of the page `fromPageId` against the site index. Pure: no I/O. */
export function resolveReference(reference: Reference, fromPageId: string, index: SiteIndex): Resolution {
  if (reference.origin === 'related') return resolveRelated(reference.url, fromPageId, index);
  if (reference.origin === 'sources') return resolveSource(reference.url, index, (id) => id);
  if (reference.origin === 'data-page') return resolveListedPage(reference.url, index);
  if (reference.origin === 'item-page') return resolveItemPage(reference.url, index);
  return resolveLink(parseLink(reference.url, index.settings.site), reference, fromPageId, index);
}

/** Resolves a reference whose value is a URL, taken apart already. */
function resolveLink(link: ParsedLink, reference: Reference, fromPageId: string, index: SiteIndex): Resolution {
  switch (link.kind) {
    case 'citation':
      return citationTarget(link.body, index);
    case 'source':
      return resolveSource(link.id, index, (id) => `${SOURCE_SCHEME}${id}`);
    case 'entry':
      return resolveEntry(link.entry, link.id, fromPageId, index);
    case 'external':
      // A page may link anywhere, but what it loads must come from the site: the CSP allows nothing else.
      if (reference.origin === 'image' || reference.via?.startsWith('src of ')) {
        return fail('asset-external', `"${link.url}" is loaded from another site, which the site's Content-Security-Policy blocks and offline readers cannot reach; save the file under public/ and write its path from the site root, like /images/name.png`);
      }
      return { ok: true, target: { kind: 'external', url: link.url } };
    case 'absolute-self': {
      // The path as a contributor writes it: from the site root, without the base path the site adds.
      const base = normaliseBase(index.settings.base);
      const path = base !== '/' && link.path.startsWith(base) ? link.path.slice(base.length - 1) : link.path;
      return fail('link-absolute-self', `"${link.url}" is a full URL of ${link.local ? 'a local server' : 'this site'}; write it from the site root as ${path}`, { replacement: path });
    }
    case 'fragment':
      return pageTarget(fromPageId, link.hash, fromPageId, index, reference.url);
    case 'site':
    case 'relative':
      return resolveSitePath(link, reference, fromPageId, index);
  }
}


function resolveRelated(value: string, fromPageId: string, index: SiteIndex): Resolution {
  const pageId = trimSlashes(value);
  if (pageId === fromPageId) return fail('self-reference', `"${value}" is this page itself; remove it from related`);
  if (!index.pages.has(pageId)) {
    const { text, fix } = suggest(pageId, { kind: 'pages' }, [...index.pages.keys()], (chosen) => chosen);
    return fail('related-missing', `related page "${value}" does not exist${text}`, fix);
  }
  const page = index.pages.get(pageId);
  if (page?.draft && !index.pages.get(fromPageId)?.draft) {
    return fail('page-draft', `related page "${value}" is a draft (${page.source} has draft: true), which production builds leave out`);
  }
  return { ok: true, target: { kind: 'page', pageId: page?.id ?? pageId } };
}

const ENTRY_FILES = { tool: 'src/content/tools/', term: 'src/content/glossary/', kpi: 'src/content/kpis/kpis.yaml' } as const;
/** The data collection each kind of entry is read from. */
const ENTRY_COLLECTIONS = { tool: 'tools', term: 'glossary', kpi: 'kpis' } as const;

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

/** The entries of a kind with the other names a writer may type for them: a tool's name and aliases, a term's, a KPI's name. */
function namedEntries(entry: EntryKind, index: SiteIndex): NamedCandidate[] {
  switch (entry) {
    case 'tool':
      return index.data.tools.map((tool) => ({ id: tool.id, names: [tool.name, ...tool.aliases] }));
    case 'term':
      return index.data.glossary.map((term) => ({ id: term.id, names: [term.term, ...term.aliases] }));
    case 'kpi':
      return index.data.kpis.map((kpi) => ({ id: kpi.id, names: [kpi.name] }));
  }
}

function resolveEntry(entry: EntryKind, id: string, fromPageId: string, index: SiteIndex): Resolution {
  const ids = entryIds(entry, index);
  if (!ids.includes(id) && invalidCollections(index.data).has(ENTRY_COLLECTIONS[entry])) {
    // Its file is invalid, so which entries there are is unknown; that file's data-invalid problem is the one to fix.
    const { pageId, anchor } = entryTarget(entry, id);
    return { ok: true, target: { kind: 'page', pageId, ...(anchor === undefined ? {} : { anchor }) } };
  }
  if (!ids.includes(id)) {
    const { text, fix } = suggest(id, { kind: 'entries', entry }, namedEntries(entry, index), (chosen) => `${entry}:${chosen}`);
    return fail('entry-missing', `there is no ${entry} "${id}" in ${ENTRY_FILES[entry]}${text}`, fix);
  }
  const { pageId, anchor } = entryTarget(entry, id);
  return pageTarget(pageId, anchor ?? '', fromPageId, index);
}

/** A page id listed in a data file (the pages a resource is shown on). */
function resolveListedPage(value: string, index: SiteIndex): Resolution {
  const pageId = trimSlashes(value);
  if (!index.pages.has(pageId)) {
    const { text, fix } = suggestPath(pageId, index.pages, (chosen) => chosen);
    return fail('page-missing', `no page "${value}"${text}; list page ids, the page path without its slashes`, fix);
  }
  return { ok: true, target: { kind: 'page', pageId } };
}

/**
 * The page that teaches a checklist item: a page id, optionally with `#heading`. Whatever is wrong with
 * it is one problem for the contributor, the item's page, so every failure is reported under one rule.
 */
function resolveItemPage(value: string, index: SiteIndex): Resolution {
  const { pageId, anchor } = itemPageTarget(value);
  const page = index.pages.get(pageId);
  if (!page) {
    const chosen = closestPage(pageId, index.pages);
    const fix = chosen === undefined ? undefined : { replacement: anchor === undefined ? chosen : `${chosen}#${anchor}`, closest: { wanted: pageId, chosen, pool: { kind: 'pages' } as const } };
    const hint = chosen === undefined ? '' : `; did you mean "${chosen}"?`;
    return fail('item-page-missing', `no page "${pageId}": an item names the page that teaches it by its page id (its path without the slashes) and an optional #heading${hint}`, fix);
  }
  if (page.draft) return fail('item-page-missing', `${pagePath(pageId)} is a draft (${page.source} has draft: true), which production builds leave out; choose a published page that teaches the item`);
  if (anchor === undefined) return { ok: true, target: { kind: 'page', pageId } };
  const resolved = pageTarget(pageId, anchor, '', index, `${pageId}#${anchor}`);
  return resolved.ok ? resolved : fail('item-page-missing', resolved.message, resolved.fix);
}

/** A source id, from a `source:` link or the `sources` list; `written` is how an id is written there. */
function resolveSource(id: string, index: SiteIndex, written: (id: string) => string): Resolution {
  if (index.data.invalid.has(`sources/${id}`)) return { ok: true, target: { kind: 'source', sourceId: id } };
  if (!index.data.sources.has(id)) {
    const { text, fix } = suggest(id, { kind: 'sources' }, [...index.data.sources.keys()], written);
    return fail('source-missing', `there is no source "${id}" in src/content/sources/${text}`, fix);
  }
  const sourcesPage = index.pages.get(SOURCES_PAGE_ID);
  if (sourcesPage && !sourcesPage.generated && !sourcesPage.anchors.has(sourceAnchor(id))) {
    return fail('source-missing', `source "${id}" exists but ${sourcesPage.source} has no heading with id "${sourceAnchor(id)}" for it to link to`);
  }
  return { ok: true, target: { kind: 'source', sourceId: id } };
}

/** The episodes with the other names a writer may type for them, listed only when a citation names no episode. */
const namedEpisodes = (index: SiteIndex): NamedCandidate[] =>
  [...index.data.episodes.values()].map((episode) => ({ id: episode.slug, names: [episode.archive_slug ?? '', episode.short_title] }));

function citationTarget(body: string, index: SiteIndex): Resolution {
  // A citation's episode is never corrected for the writer, so its suggestion carries no fix.
  const resolved = resolveCitation(body, index.data, (slug) => suggest(slug, undefined, namedEpisodes(index), (chosen) => chosen).text);
  if (!resolved.ok) return fail(resolved.rule, resolved.message);
  if (resolved.episode === undefined) return { ok: true, target: { kind: 'episode', slug: resolved.slug } };
  const { slug } = resolved.episode;
  return { ok: true, target: resolved.moment ? { kind: 'moment', slug, ...resolved.moment } : { kind: 'episode', slug } };
}


function resolveSitePath(link: { kind: 'site' | 'relative'; path: string; query: string; hash: string }, reference: Reference, fromPageId: string, index: SiteIndex): Resolution {
  if (/\.mdx?$/i.test(link.path)) return fileLink(link, reference, index);
  // Relative links resolve in the browser against the page's URL, which always ends with a slash; one
  // that climbs above the site root is refused whatever the base path (see resolveRelativePath).
  let path = link.path;
  if (link.kind === 'relative') {
    const resolved = resolveRelativePath(link.path, pagePath(fromPageId));
    if (resolved === undefined) return fail('page-missing', climbsAboveRoot(link.path, pagePath(fromPageId)));
    path = resolved;
  }
  const relativeHint = link.kind === 'relative' ? ` ("${link.path}" is relative to this page's URL, so it means ${path})` : '';
  const decoded = safeDecode(path);
  const pageId = trimSlashes(decoded.endsWith('/index.html') ? decoded.slice(0, -'index.html'.length) : decoded);
  const page = index.pages.get(pageId);
  if (page) {
    if (!path.endsWith('/')) {
      return fail('link-trailing-slash', `page links end with "/": write ${pagePath(pageId)}${linkTail(link)}${relativeHint}`, { replacement: `${pagePath(pageId)}${linkTail(link)}` });
    }
    if (page.draft && !index.pages.get(fromPageId)?.draft) {
      return fail('page-draft', `${pagePath(pageId)} is a draft (${page.source} has draft: true), which production builds leave out${relativeHint}`);
    }
    return pageTarget(pageId, link.hash, fromPageId, index, reference.url);
  }
  if (mayBeGeneratedFromInvalidData(pageId, index.data)) return { ok: true, target: { kind: 'page', pageId } };
  const base = normaliseBase(index.settings.base);
  if (base !== '/' && `${path}/`.startsWith(base)) {
    const withoutBase = `${path.slice(base.length - 1)}${linkTail(link)}`;
    return fail('link-base-path', `the site adds the base path ${base} itself; write ${withoutBase}`, { replacement: withoutBase });
  }
  // A path ending in a slash names a page even when its last segment has a dot (`/release/v1.0/`).
  if (!path.endsWith('/') && /\.[a-z0-9]+$/i.test(pageId)) {
    if (index.files.has(pageId)) return { ok: true, target: { kind: 'file', path: pageId } };
    return fail('asset-missing', `no file ${path} is published: nothing at public/${pageId} and no generated file of that name${relativeHint}`);
  }
  const meant = certainPage(link, pageId, index.pages);
  if (meant) return fail('page-missing', `no page at ${path}${relativeHint}; ${meant.reason}: ${pagePath(meant.pageId)}`, { replacement: `${pagePath(meant.pageId)}${linkTail(link)}` });
  const { text, fix } = suggestPath(pageId, index.pages, (chosen) => `${pagePath(chosen)}${linkTail(link)}`);
  return fail('page-missing', `no page at ${path}${relativeHint}${text}`, fix);
}

/** The message for a relative link that climbs above the site root, the same in the source and the output check. */
export function climbsAboveRoot(written: string, fromPath: string): string {
  const depth = fromPath.split('/').filter(Boolean).length;
  const levels = depth === 0 ? 'the home page is the site root' : `this page is ${depth} level${depth === 1 ? '' : 's'} below the site root`;
  return `"${written}" climbs above the site root (${levels}), so it would leave the site under a base path; write the link from the site root, starting with /`;
}

/**
 * The one page a link to no page can only have meant: the page whose path differs only in letter case
 * (page paths are lower case), or for a relative link without "./", the same path from the site root.
 */
function certainPage(link: { kind: 'site' | 'relative'; path: string }, pageId: string, pages: ReadonlyMap<string, unknown>): { pageId: string; reason: string } | undefined {
  const sameLetters = pagesByLowerCase(pages).get(pageId.toLowerCase());
  if (sameLetters?.length === 1 && sameLetters[0] !== undefined) return { pageId: sameLetters[0], reason: 'page paths are lower case' };
  if (link.kind === 'relative' && !link.path.startsWith('.')) {
    const rooted = trimSlashes(safeDecode(link.path));
    if (pages.has(rooted)) return { pageId: rooted, reason: 'a path from the site root starts with /' };
  }
  return undefined;
}

const lowerCaseIndexes = new WeakMap<ReadonlyMap<string, unknown>, Map<string, string[]>>();

function pagesByLowerCase(pages: ReadonlyMap<string, unknown>): Map<string, string[]> {
  let byLower = lowerCaseIndexes.get(pages);
  if (!byLower) {
    byLower = new Map();
    for (const id of pages.keys()) {
      const list = byLower.get(id.toLowerCase());
      if (list) list.push(id);
      else byLower.set(id.toLowerCase(), [id]);
    }
    lowerCaseIndexes.set(pages, byLower);
  }
  return byLower;
}

/** A page and a fragment of it. `written` is the link as written, when a corrected fragment can be written into it. */
function pageTarget(pageId: string, rawHash: string, fromPageId: string, index: SiteIndex, written?: string): Resolution {
  const page = index.pages.get(pageId);
  if (!page) return fail('page-missing', `no page at ${pagePath(pageId)}`);
  const anchor = safeDecode(rawHash);
  // The target names the page by the index's own id, one string for every link to the page.
  if (anchor === '') return { ok: true, target: { kind: 'page', pageId: page.id } };
  if (!page.anchors.has(anchor) && !page.anchorsUnknown && !(GRAPH_NODE_PAGE_IDS.has(pageId) && isGraphNodeAnchor(anchor, index))) {
    const where = pageId === fromPageId ? 'this page' : pagePath(pageId);
    const withAnchor = (chosen: string) => `${(written ?? '').replace(/#.*$/, '')}#${chosen}`;
    const { text, fix } = suggest(anchor, written === undefined ? undefined : { kind: 'anchors', pageId }, anchorCandidates(pageId, index), withAnchor, '#');
    return fail('anchor-missing', `${where} has no heading with id "#${anchor}"${text}`, fix);
  }
  return { ok: true, target: { kind: 'page', pageId: page.id, anchor } };
}

function fileLink(link: { path: string; query: string; hash: string }, reference: Reference, index: SiteIndex): Resolution {
  const { path } = link;
  const fileDirectory = reference.file.split('/').slice(0, -1).join('/');
  const resolvedFile = path.startsWith('/') ? `${DOCS_DIR}${path.slice(1)}` : new URL(path, `https://repo/${fileDirectory}/`).pathname.slice(1);
  const pageId = pageIdFromFile(resolvedFile);
  if (!index.pages.has(pageId)) return fail('file-link', `"${path}" links to a source file; link to the page path, which starts with / and ends with /`);
  return fail('file-link', `"${path}" links to a source file; link to the page instead: ${pagePath(pageId)}`, { replacement: `${pagePath(pageId)}${linkTail(link)}` });
}

interface Suggestion {
  /** The end of the message: "; did you mean …?", or nothing. */
  text: string;
  fix?: Fix;
}

/**
 * The candidate `wanted` most likely meant (by prefix, containment, other names and edit distance: see
 * `closestName`), for the message, and the fix that writes `replace(chosen)`. Without a pool the
 * suggestion is only shown, never applied; with one, --fix applies it only when it is clearly the closest.
 */
function suggest(wanted: string, pool: CandidatePool | undefined, candidates: readonly (string | NamedCandidate)[], replace: (chosen: string) => string, prefix = ''): Suggestion {
  const chosen = closestName(wanted, candidates);
  if (chosen === undefined) return { text: '' };
  const text = `; did you mean "${prefix}${chosen}"?`;
  return pool ? { text, fix: { replacement: replace(chosen), closest: { wanted, chosen, pool } } } : { text };
}

const sectionOf = (pageId: string) => pageId.split('/')[0] ?? '';

/** What the page suggestions read from a site's pages, worked out once per site index. */
interface PageSuggestions {
  /** The page ids of each section. */
  sections: Map<string, string[]>;
  /** The closest page found for each id wanted so far: one broken link is often written on many pages. */
  chosen: Map<string, string | undefined>;
}

const suggestionsByPages = new WeakMap<ReadonlyMap<string, unknown>, PageSuggestions>();

function pageSuggestions(pages: ReadonlyMap<string, unknown>): PageSuggestions {
  let suggestions = suggestionsByPages.get(pages);
  if (!suggestions) {
    const sections = new Map<string, string[]>();
    for (const id of pages.keys()) {
      const section = sections.get(sectionOf(id));
      if (section) section.push(id);
      else sections.set(sectionOf(id), [id]);
    }
    suggestions = { sections, chosen: new Map() };
    suggestionsByPages.set(pages, suggestions);
  }
  return suggestions;
}

/**
 * The closest existing page: first the closest section, then the closest page in it. Renamed pages
 * usually stay in their section, and two small searches stay fast on a wiki of thousands of pages.
 */
export function closestPage(pageId: string, pages: ReadonlyMap<string, unknown>): string | undefined {
  const { sections, chosen } = pageSuggestions(pages);
  if (chosen.has(pageId)) return chosen.get(pageId);
  const page = closestPageIn(pageId, sections);
  chosen.set(pageId, page);
  return page;
}

function closestPageIn(pageId: string, sections: ReadonlyMap<string, readonly string[]>): string | undefined {
  if (sections.size === 0) return undefined;
  const wanted = sectionOf(pageId);
  const section = sections.has(wanted) ? wanted : closest(wanted, [...sections.keys()]);
  return closestName(pageId, sections.get(section) ?? []);
}

function suggestPath(pageId: string, pages: ReadonlyMap<string, unknown>, replace: (chosen: string) => string): Suggestion {
  const chosen = closestPage(pageId, pages);
  if (chosen === undefined) return { text: '' };
  return { text: `; did you mean ${pagePath(chosen)}?`, fix: { replacement: replace(chosen), closest: { wanted: pageId, chosen, pool: { kind: 'pages' } } } };
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
  fix?: Fix;
}

/**
 * Resolves the links written in data files. A link published on a page (a glossary term's covering
 * page, on the glossary page) counts as that page's reference, for backlinks and the graph; `moments`
 * lists every cited moment, published on a page or not, for the check of its note.
 */
export function resolveDataReferences(index: SiteIndex): {
  resolved: ResolvedReference[];
  unresolved: Omit<UnresolvedReference, 'from'>[];
  moments: { reference: Reference; target: Target }[];
} {
  const resolved: ResolvedReference[] = [];
  const unresolved: Omit<UnresolvedReference, 'from'>[] = [];
  const moments: { reference: Reference; target: Target }[] = [];
  if (index.dataReferences.length === 0) return { resolved, unresolved, moments };
  const documents = new Map(index.documents.map((document) => [document.pageId, document]));
  for (const { reference, from } of index.dataReferences) {
    const resolution = resolveReference(reference, from ?? '', index);
    const page = from === undefined ? undefined : documents.get(from);
    if (!resolution.ok) {
      unresolved.push({ reference, rule: resolution.rule, message: resolution.message, ...(resolution.fix ? { fix: resolution.fix } : {}) });
      continue;
    }
    if (resolution.target.kind === 'moment') moments.push({ reference, target: resolution.target });
    if (page) resolved.push({ from: page, reference, target: resolution.target });
  }
  return { resolved, unresolved, moments };
}

/**
 * What links resolved to that resolve the same on every page, by the link as written: a check of the
 * whole site resolves each of them once, however many pages repeat it. Only resolutions that cannot
 * depend on the page are kept: not relative links or fragments, not frontmatter lists, not links to
 * drafts (allowed from drafts only), not failures (whose messages may name the page).
 */
export type ResolutionMemo = Map<string, Target>;

/** Origins whose values are ids rather than URLs (see `resolveReference`); they are resolved without the memo. */
const ID_ORIGINS: ReadonlySet<ReferenceOrigin> = new Set(['related', 'sources', 'data-page', 'item-page']);

function resolvesAlike(link: ParsedLink, target: Target, index: SiteIndex): boolean {
  if (link.kind === 'fragment' || link.kind === 'relative') return false;
  return target.kind !== 'page' || index.pages.get(target.pageId)?.draft === false;
}

/** Resolves every reference of one page; a full check passes a memo shared by all pages (see `ResolutionMemo`). */
export function resolveDocument(document: IndexedDocument, index: SiteIndex, memo?: ResolutionMemo): { resolved: ResolvedReference[]; unresolved: UnresolvedReference[] } {
  const resolved: ResolvedReference[] = [];
  const unresolved: UnresolvedReference[] = [];
  for (const reference of document.references) {
    let resolution: Resolution;
    if (ID_ORIGINS.has(reference.origin)) resolution = resolveReference(reference, document.pageId, index);
    else {
      const remembered = memo?.get(reference.url);
      if (remembered) {
        resolved.push({ from: document, reference, target: remembered });
        continue;
      }
      // The link is taken apart once: for its resolution, and to tell whether that holds on every page.
      const link = parseLink(reference.url, index.settings.site);
      resolution = resolveLink(link, reference, document.pageId, index);
      if (memo && resolution.ok && resolvesAlike(link, resolution.target, index)) memo.set(reference.url, resolution.target);
    }
    if (resolution.ok) resolved.push({ from: document, reference, target: resolution.target });
    else unresolved.push({ from: document, reference, rule: resolution.rule, message: resolution.message, ...(resolution.fix ? { fix: resolution.fix } : {}) });
  }
  return { resolved, unresolved };
}
