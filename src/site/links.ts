import { ENTRY_KINDS, type EntryKind } from '../schemas/shared.ts';
import { normaliseBase } from './routes.ts';

export type { EntryKind };

/** The props and attributes that hold a link, in MDX components and in HTML. */
export const LINK_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'link', 'src']);

export const CITATION_SCHEME = 'podcast:';
export const SOURCE_SCHEME = 'source:';
/** Links to an entry of a data collection: a tool of the directory, a glossary term, a KPI. */
export const ENTRY_SCHEMES = Object.fromEntries(ENTRY_KINDS.map((kind) => [`${kind}:`, kind])) as Readonly<Record<`${EntryKind}:`, EntryKind>>;

/** The written link to an entry, such as `tool:mlflow`: what a data file's entry is published as. */
export function entryLink(entry: EntryKind, id: string): string {
  const scheme = (Object.keys(ENTRY_SCHEMES) as (keyof typeof ENTRY_SCHEMES)[]).find((key) => ENTRY_SCHEMES[key] === entry);
  return `${scheme ?? `${entry}:`}${id}`;
}

/** A written link taken apart by what it points at. The checker resolves these; the renderer rewrites them. */
export type ParsedLink =
  | { kind: 'citation'; body: string }
  | { kind: 'source'; id: string }
  | { kind: 'entry'; entry: EntryKind; id: string }
  | { kind: 'external'; url: string }
  /** A full URL of a local server or of the site itself, which should be written as a site path. */
  | { kind: 'absolute-self'; url: string; path: string; local: boolean }
  /** A path from the site root (`/role/skills/#x`) or relative to the page (`../skills/`). */
  | { kind: 'site' | 'relative'; path: string; query: string; hash: string }
  /** Only a fragment (`#x`) or nothing: the page itself. */
  | { kind: 'fragment'; hash: string };

/** `podcast:` body parts: the slug, and the time when one is given. */
export function splitCitation(body: string): { slug: string; time: string | undefined; parts: number } {
  const parts = body.split('@');
  return { slug: parts[0] ?? '', time: parts[1], parts: parts.length };
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const ENTRY_SCHEME_LIST = Object.entries(ENTRY_SCHEMES);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

export function parseLink(url: string, siteUrl?: string): ParsedLink {
  if (url.startsWith(CITATION_SCHEME)) return { kind: 'citation', body: url.slice(CITATION_SCHEME.length) };
  if (url.startsWith(SOURCE_SCHEME)) return { kind: 'source', id: url.slice(SOURCE_SCHEME.length) };
  for (const [scheme, entry] of ENTRY_SCHEME_LIST) {
    if (url.startsWith(scheme)) return { kind: 'entry', entry, id: url.slice(scheme.length) };
  }
  if (SCHEME.test(url) || url.startsWith('//')) return parseAbsolute(url, siteUrl);
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt === -1 ? '' : beforeHash.slice(queryAt + 1);
  if (path === '' && query === '') return { kind: 'fragment', hash };
  return { kind: path.startsWith('/') ? 'site' : 'relative', path, query, hash };
}

function parseAbsolute(url: string, siteUrl: string | undefined): ParsedLink {
  let parsed: URL;
  try {
    parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
  } catch {
    return { kind: 'external', url };
  }
  const isWeb = parsed.protocol === 'http:' || parsed.protocol === 'https:';
  // A SITE_URL that is not a URL (empty, no scheme) names no site to compare with.
  const site = siteUrl === undefined || !URL.canParse(siteUrl) ? undefined : new URL(siteUrl);
  const isSelf = site !== undefined && !LOCAL_HOSTS.has(site.hostname) && parsed.host === site.host;
  if (isWeb && (LOCAL_HOSTS.has(parsed.hostname) || isSelf)) {
    return { kind: 'absolute-self', url, path: `${parsed.pathname}${parsed.search}${parsed.hash}`, local: LOCAL_HOSTS.has(parsed.hostname) };
  }
  return { kind: 'external', url };
}

/** The written form of a site link's tail: `?query#hash`, each part only if present. */
export const linkTail = (link: { query: string; hash: string }): string => `${link.query ? `?${link.query}` : ''}${link.hash ? `#${link.hash}` : ''}`;

/**
 * The href a site-root link is published with: the base path in front. Other links stay as written;
 * relative links resolve in the browser against the page URL, which already holds the base path.
 */
export function withBase(path: string, base: string): string {
  const root = normaliseBase(base);
  return path.startsWith('/') && !path.startsWith('//') ? `${root}${path.slice(1)}` : path;
}
