import { citationView, resolveCitation } from '../site/citations.ts';
import type { SiteData } from '../site/site-data.ts';
import type { PageDocument, Reference } from '../site/document.ts';
import { itemPagePath } from '../site/learning-maps.ts';
import { parseLink } from '../site/links.ts';
import { rewriteLink } from '../site/rewrite-link.ts';

/**
 * Every href a written reference is published as, computed with the renderer's own functions: its
 * rewritten form, and for a Markdown citation the play and notes links of the citation it renders (only
 * the play link inside a heading). The output check maps built links back to their source with it, and
 * the differential test compares it with the built HTML.
 */
export function publishedHrefs(reference: Reference, data: SiteData, base: string): string[] {
  if (reference.origin === 'related' || reference.origin === 'sources' || reference.origin === 'data-page') return [];
  if (reference.origin === 'item-page') return [itemPagePath(reference.url, base)];
  const link = parseLink(reference.url);
  const asLink = reference.origin === 'markdown' || reference.origin === 'definition';
  if (!asLink || link.kind !== 'citation') return [rewriteLink(reference.url, base)];
  const resolved = resolveCitation(link.body, data);
  if (!resolved.ok || !resolved.episode) return [];
  const view = citationView(resolved.episode, resolved.moment, base);
  return reference.inHeading ? [view.href] : [view.href, view.episodePageHref];
}

/**
 * Every href the page's own text publishes, in the page: each link, image and prop once, and each
 * reference definition once per reference-style link that uses it (a definition alone renders nothing).
 */
export function pageHrefs(document: Pick<PageDocument, 'references' | 'definitionUses'>, data: SiteData, base: string): string[] {
  const definitions = new Map(document.references.filter((ref) => ref.origin === 'definition').map((ref) => [ref.identifier ?? '', ref]));
  const written = document.references.filter((ref) => ref.origin !== 'definition').flatMap((ref) => publishedHrefs(ref, data, base));
  const used = document.definitionUses.flatMap(({ identifier, inHeading }) => {
    const definition = definitions.get(identifier);
    return definition ? publishedHrefs({ ...definition, inHeading }, data, base) : [];
  });
  return [...written, ...used];
}
