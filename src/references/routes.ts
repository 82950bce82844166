import { slug } from 'github-slugger';

/**
 * Page ids are site paths without the slashes at their ends ('' is the home page). The site and the
 * checker both derive routes from these functions, so they cannot disagree.
 */

export const DOCS_DIR = 'src/content/docs/';

/** The page id of a content file, as Starlight routes it (each path segment slugged, `index` dropped). */
export function pageIdFromFile(file: string, slugOverride?: string): string {
  if (slugOverride !== undefined) return trimSlashes(slugOverride);
  const relative = file.startsWith(DOCS_DIR) ? file.slice(DOCS_DIR.length) : file;
  const withoutExtension = relative.replace(/\.(mdx?|markdown)$/i, '');
  const segments = withoutExtension.split('/').map((segment) => slug(segment));
  if (segments.at(-1) === 'index') segments.pop();
  return segments.join('/');
}

export function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
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

/**
 * The page id a site-root path points at, or undefined when it is not a page path (an asset with an
 * extension). Accepts `/role`, `/role/`, `/role/index.html`, and the same under the base path.
 */
export function pageIdFromPath(pathname: string, base = '/'): string | undefined {
  const root = normaliseBase(base);
  let path = pathname;
  if (root !== '/' && (path === root.slice(0, -1) || path.startsWith(root))) path = `/${path.slice(root.length)}`;
  path = path.replace(/\/index\.html$/, '/');
  const id = trimSlashes(path);
  if (/\.[a-z0-9]+$/i.test(id)) return undefined;
  return id;
}
