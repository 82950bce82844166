import { closest } from 'fastest-levenshtein';
import { episodePageId, SOURCES_PAGE_ID, sourceAnchor } from './generated-pages.ts';
import type { Episode, Segment } from '../schemas/episode.ts';
import { isFrameId } from './anchors.ts';
import type { Reference } from './model.ts';
import type { ReferenceIndex } from './page-index.ts';
import { pageIdFromFile, pageIdFromPath, pagePath, trimSlashes, DOCS_DIR } from './routes.ts';
import type { RuleId } from './rules.ts';
import { describeTimestampError, formatTimestamp, parseTimestamp } from './timestamp.ts';

/** What a reference points at once resolved. Backlinks, episode pages and the graph read these. */
export type Target =
  | { kind: 'page'; pageId: string; anchor?: string }
  | { kind: 'moment'; slug: string; t: string; seconds: number }
  | { kind: 'episode'; slug: string }
  | { kind: 'source'; sourceId: string }
  | { kind: 'external'; url: string }
  | { kind: 'asset'; path: string };

export type Resolution = { ok: true; target: Target } | { ok: false; rule: RuleId; message: string };

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** A site-root path with no dot segments or escapes, which needs no URL resolution. */
const SIMPLE_ABSOLUTE = /^\/(?:[a-z0-9_-]+\/)*[a-z0-9_-]*\/?$/i;
const fail = (rule: RuleId, message: string): Resolution => ({ ok: false, rule, message });

export function resolveReference(reference: Reference, fromPageId: string, index: ReferenceIndex): Resolution {
  const { url } = reference;
  if (reference.origin === 'frontmatter') return resolveFrontmatter(reference, fromPageId, index);
  if (url.startsWith('podcast:')) return resolveCitation(url.slice('podcast:'.length), index);
  if (url.startsWith('source:')) return resolveSource(url.slice('source:'.length), index);
  if (EXTERNAL.test(url)) return { ok: true, target: { kind: 'external', url } };
  return resolveSitePath(url, reference, fromPageId, index);
}

function resolveFrontmatter(reference: Reference, fromPageId: string, index: ReferenceIndex): Resolution {
  const value = reference.url;
  if (reference.via === 'sources') return resolveSource(value, index);
  const pageId = value.replace(/^\/+|\/+$/g, '');
  if (pageId === fromPageId) return fail('self-reference', `"${value}" is this page itself; remove it from related`);
  if (!index.pages.has(pageId)) {
    return fail('related-missing', `related page "${value}" does not exist${suggest(pageId, [...index.pages.keys()])}`);
  }
  return { ok: true, target: { kind: 'page', pageId } };
}

function resolveSource(id: string, index: ReferenceIndex): Resolution {
  if (index.data.invalid.has(`sources/${id}`)) return { ok: true, target: { kind: 'source', sourceId: id } };
  if (index.data.sources.has(id)) {
    const sourcesPage = index.pages.get(SOURCES_PAGE_ID);
    if (sourcesPage?.file && !sourcesPage.anchors.has(sourceAnchor(id))) {
      return fail('source-missing', `source "${id}" exists but ${sourcesPage.file} has no heading with id "${sourceAnchor(id)}" for it to link to`);
    }
    return { ok: true, target: { kind: 'source', sourceId: id } };
  }
  return fail('source-missing', `there is no source "${id}" in src/content/sources/${suggest(id, [...index.data.sources.keys()])}`);
}

function resolveCitation(body: string, index: ReferenceIndex): Resolution {
  const parts = body.split('@');
  const [slug = '', time] = parts;
  if (slug === '' || parts.length > 2) {
    return fail('citation-malformed', `"podcast:${body}" must be podcast:<episode-slug>@<time> or podcast:<episode-slug>`);
  }
  const episode = index.data.episodes.get(slug);
  if (!episode && index.data.invalid.has(`episodes/${slug}`)) return { ok: true, target: { kind: 'episode', slug } };
  if (!episode) {
    return fail('episode-missing', `there is no episode "${slug}" in src/content/episodes/${suggest(slug, [...index.data.episodes.keys()])}`);
  }
  if (time === undefined) return { ok: true, target: { kind: 'episode', slug } };
  const parsed = parseTimestamp(time);
  if (!parsed.ok) return fail('timestamp-malformed', `in podcast:${body}, ${describeTimestampError(time, parsed.error)}`);
  const segment = segmentsBySecond(episode).get(parsed.seconds);
  if (!segment) {
    return fail('timestamp-missing', `${time} is not the start of a transcript segment of "${episode.title}"; ${nearestStarts(parsed.seconds, episode.segments)}. Run: npm run cite -- ${slug} ${time}`);
  }
  return { ok: true, target: { kind: 'moment', slug, t: segment.t, seconds: segment.sec } };
}

const segmentIndexes = new WeakMap<Episode, Map<number, Segment>>();

function segmentsBySecond(episode: Episode): Map<number, Segment> {
  let index = segmentIndexes.get(episode);
  if (!index) {
    index = new Map(episode.segments.map((segment) => [segment.sec, segment]));
    segmentIndexes.set(episode, index);
  }
  return index;
}

/** "the nearest starts are 16:48 (before) and 17:04 (after)" */
export function nearestStarts(seconds: number, segments: readonly { t: string; sec: number }[]): string {
  const before = segments.filter((s) => s.sec < seconds).at(-1);
  const after = segments.find((s) => s.sec > seconds);
  const parts = [before && `${before.t} (before)`, after && `${after.t} (after)`].filter(Boolean);
  return parts.length > 0 ? `the nearest starts are ${parts.join(' and ')}` : `the episode ends before ${formatTimestamp(seconds)}`;
}

function resolveSitePath(url: string, reference: Reference, fromPageId: string, index: ReferenceIndex): Resolution {
  const hashAt = url.indexOf('#');
  const pathPart = hashAt === -1 ? url : url.slice(0, hashAt);
  const anchor = hashAt === -1 ? undefined : decodeURIComponent(url.slice(hashAt + 1));
  const pathOnly = pathPart.split('?')[0] ?? '';

  if (/\.mdx?$/i.test(pathOnly)) return fileLink(pathOnly, reference, index);
  const absolute =
    pathOnly === '' ? pagePath(fromPageId)
    : SIMPLE_ABSOLUTE.test(pathOnly) ? pathOnly
    : new URL(pathOnly, `https://site${pagePath(fromPageId)}`).pathname;
  const pageId = SIMPLE_ABSOLUTE.test(absolute) ? trimSlashes(absolute) : pageIdFromPath(absolute);
  if (pageId === undefined) return { ok: true, target: { kind: 'asset', path: absolute } };

  const page = index.pages.get(pageId);
  if (!page) {
    const relativeHint = pathOnly.startsWith('/') || pathOnly === '' ? '' : ` ("${pathOnly}" is relative to this page's URL, so it means ${absolute})`;
    return fail('page-missing', `no page at ${absolute}${relativeHint}${suggestPath(pageId, index.pages)}`);
  }
  if (anchor !== undefined && anchor !== '' && !page.anchors.has(anchor)) {
    return fail('anchor-missing', `${pagePath(pageId)} has no heading with id "#${anchor}"${suggest(anchor, [...page.anchors].filter((a) => !isFrameId(a)), '#')}`);
  }
  return { ok: true, target: anchor ? { kind: 'page', pageId, anchor } : { kind: 'page', pageId } };
}

function fileLink(pathOnly: string, reference: Reference, index: ReferenceIndex): Resolution {
  const fileDirectory = reference.file.split('/').slice(0, -1).join('/');
  const resolvedFile = pathOnly.startsWith('/')
    ? `${DOCS_DIR}${pathOnly.slice(1)}`
    : new URL(pathOnly, `https://repo/${fileDirectory}/`).pathname.slice(1);
  const pageId = pageIdFromFile(resolvedFile);
  const exists = index.pages.has(pageId);
  return fail('file-link', `"${pathOnly}" links to a source file; ${exists ? `link to the page instead: ${pagePath(pageId)}` : 'link to the page path, which starts with / and ends with /'}`);
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
function suggestPath(pageId: string, pages: ReadonlyMap<string, unknown>): string {
  let sections = pagesBySection.get(pages);
  if (!sections) {
    sections = new Map();
    for (const id of pages.keys()) sections.set(sectionOf(id), [...(sections.get(sectionOf(id)) ?? []), id]);
    pagesBySection.set(pages, sections);
  }
  if (sections.size === 0) return '';
  const wanted = sectionOf(pageId);
  const section = sections.has(wanted) ? wanted : closest(wanted, [...sections.keys()]);
  return `; did you mean ${pagePath(closest(pageId, sections.get(section) ?? []))}?`;
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

