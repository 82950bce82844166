import type { ResolvedReference } from './check.ts';
import type { PageEntry } from './model.ts';
import { targetPageId } from './resolve.ts';
import { UNLINKED_PAGE_IDS } from './generated-pages.ts';

/** `related` and `listed-source` come from frontmatter; the others from links in the page body. */
export type EdgeKind = 'link' | 'citation' | 'source' | 'related' | 'listed-source';

export interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
}

/** Page-to-page edges from resolved references, one per (from, to, kind), self-links dropped. */
export function pageEdges(resolved: readonly ResolvedReference[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const { from, reference, target } of resolved) {
    const to = targetPageId(target);
    if (to === undefined || to === from.pageId || UNLINKED_PAGE_IDS.has(from.pageId)) continue;
    const kind: EdgeKind =
      reference.origin === 'frontmatter'
        ? reference.via === 'related'
          ? 'related'
          : 'listed-source'
        : target.kind === 'moment' || target.kind === 'episode'
          ? 'citation'
          : target.kind === 'source'
            ? 'source'
            : 'link';
    edges.set(`${from.pageId}\u0000${to}\u0000${kind}`, { from: from.pageId, to, kind });
  }
  return [...edges.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.kind.localeCompare(b.kind));
}

/** Pages whose body links to or cites `pageId`, sorted by title. */
export function backlinksOf(pageId: string, edges: readonly Edge[], pages: ReadonlyMap<string, PageEntry>): PageEntry[] {
  const fromBody = edges.filter((edge) => edge.to === pageId && edge.kind !== 'related' && edge.kind !== 'listed-source');
  const from = new Set(fromBody.map((edge) => edge.from));
  return [...from]
    .map((id) => pages.get(id))
    .filter((page): page is PageEntry => page !== undefined)
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** Every cited moment of an episode with the pages citing it, in time order. */
export function citationsOf(slug: string, resolved: readonly ResolvedReference[]): Map<string, { seconds: number; pages: Set<string> }> {
  const moments = new Map<string, { seconds: number; pages: Set<string> }>();
  for (const { from, target } of resolved) {
    if (target.kind !== 'moment' || target.slug !== slug) continue;
    const entry = moments.get(target.t) ?? { seconds: target.seconds, pages: new Set<string>() };
    entry.pages.add(from.pageId);
    moments.set(target.t, entry);
  }
  return new Map([...moments.entries()].sort((a, b) => a[1].seconds - b[1].seconds));
}
