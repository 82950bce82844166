import { normaliseBase } from '../references/routes.ts';

/** Adds the base path to a site-root link (`/role/`); other links, and links that already have it, stay. */
export function withBase(url: string, base: string): string {
  const root = normaliseBase(base);
  if (root === '/' || !url.startsWith('/') || url.startsWith('//') || url === root.slice(0, -1) || url.startsWith(root)) return url;
  return `${root}${url.slice(1)}`;
}
