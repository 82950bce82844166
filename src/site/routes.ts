import { slug } from 'github-slugger';

/**
 * Page ids are site paths without the slashes at their ends ('' is the home page). The Astro config,
 * the renderer's plugins, the generated routes and the checker all derive routes from these functions.
 */

export const DOCS_DIR = 'src/content/docs/';
/** The extensions of page files, as Starlight's docs loader lists them (`docsExtensions` in @astrojs/starlight/loaders). */
export const DOCS_EXTENSIONS = ['markdown', 'mdown', 'mkdn', 'mkd', 'mdwn', 'md', 'mdx'] as const;
/** A page file's name: one of DOCS_EXTENSIONS, in lower case, as the loader's glob matches them. */
export const DOCS_FILE_PATTERN = new RegExp(`\\.(?:${DOCS_EXTENSIONS.join('|')})$`);
const DOCS_EXTENSION_ANY_CASE = new RegExp(DOCS_FILE_PATTERN.source, 'i');
/** Files here are published as they are, at the same path under the site root. */
export const PUBLIC_DIR = 'public/';
/** Every page URL ends with a slash; `astro dev` and `astro preview` answer 404 otherwise. */
export const TRAILING_SLASH = 'always';

/** The page id of a content file, as Starlight routes it (each path segment slugged, `index` dropped). */
export function pageIdFromFile(file: string, slugOverride?: string): string {
  if (slugOverride !== undefined) return trimSlashes(slugOverride);
  const relative = file.startsWith(DOCS_DIR) ? file.slice(DOCS_DIR.length) : file;
  const withoutExtension = relative.replace(DOCS_EXTENSION_ANY_CASE, '');
  const segments = withoutExtension.split('/').map((segment) => slug(segment));
  if (segments.at(-1) === 'index') segments.pop();
  return segments.join('/');
}

/**
 * The id Astro's content layer gives a page, which Starlight turns into its route: the page id, or
 * "index" for the home page (Starlight reads "index" as the root). content.config.ts passes this to
 * Starlight's docs loader, so the site routes every page with the same function the checker uses.
 */
export function docsEntryId({ entry, data }: { entry: string; data: Record<string, unknown> }): string {
  const slug = typeof data['slug'] === 'string' ? data['slug'] : undefined;
  return pageIdFromFile(entry, slug) || 'index';
}

export function trimSlashes(path: string): string {
  let start = 0;
  let end = path.length;
  while (start < end && path[start] === '/') start += 1;
  while (end > start && path[end - 1] === '/') end -= 1;
  return path.slice(start, end);
}

/** Normalises a base path to the form `/` or `/name/`. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = trimSlashes(base ?? '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The URL path of a page under a base path, always with a trailing slash. */
export function pagePath(id: string, base = '/'): string {
  const root = normaliseBase(base);
  return id === '' ? root : `${root}${id}/`;
}

/** The path of a published file (not a page) under a base path: `kpis.csv` → `/mle-wiki/kpis.csv`. */
export function filePath(path: string, base = '/'): string {
  return `${normaliseBase(base)}${trimSlashes(path)}`;
}

/**
 * Where a relative link path written on the page at `fromPath` (a path from the site root, ending with a
 * slash) leads, as a path from the site root; undefined when it climbs above the site root on the way.
 * A browser resolves it against the page's URL, which starts with the base path, so a link that climbs
 * above the root would leave the site under a base path and land elsewhere without one: it is refused
 * whatever the base path. The URL parser resolves it (dot segments, percent-encoded dots, backslashes),
 * once under each of two made-up roots: a link that stays inside lands at the same path under both.
 */
export function resolveRelativePath(relative: string, fromPath: string): string | undefined {
  const under = (root: string) => {
    const { pathname } = new URL(relative, `https://site/${root}${fromPath}`);
    return pathname.startsWith(`/${root}/`) ? pathname.slice(root.length + 1) : undefined;
  };
  const first = under('a');
  return first !== undefined && first === under('b') ? first : undefined;
}

/**
 * The page id of the page a request path shows: `/mle-wiki/role/` under the base `/mle-wiki/` is `role`.
 * It does not decide whether a page exists; the site index does.
 */
export function pageIdOfUrl(pathname: string, base = '/'): string {
  const root = normaliseBase(base);
  let path = pathname;
  if (root !== '/' && (path === root.slice(0, -1) || path.startsWith(root))) path = `/${path.slice(root.length)}`;
  return trimSlashes(path.replace(/\/index\.html$/, '/'));
}
