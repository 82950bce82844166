import type { PageEntry } from './page.ts';
import { oncePerObject } from '../lib/memo.ts';
import { targetPageId, type ResolvedReference, type Target } from './resolve.ts';
import { TOOLS_PAGE_ID, UNLINKED_PAGE_IDS } from './generated-pages.ts';

/** What makes two edges of a page the same: their target page, except that sources and tool rows count each on their own. */
function edgeTargetKey(target: Target, kind: EdgeKind, to: string): string {
  if (kind === 'source' || kind === 'listed-source') return `source:${target.kind === 'source' ? target.sourceId : ''}`;
  if (target.kind === 'page' && target.pageId === TOOLS_PAGE_ID && target.anchor !== undefined) return `${to}#${target.anchor}`;
  return to;
}

/** `related` and `listed-source` come from frontmatter lists; the others from links in the page. */
export type EdgeKind = 'link' | 'citation' | 'source' | 'related' | 'listed-source';

/** A page pointing at another page of the site (or at a source entry on the Sources page). */
export interface Edge {
  from: string;
  /** The page the target is shown on. */
  to: string;
  kind: EdgeKind;
  target: Target;
}

const edgeKind = ({ reference, target }: ResolvedReference): EdgeKind => {
  if (reference.origin === 'related') return 'related';
  if (reference.origin === 'sources') return 'listed-source';
  if (target.kind === 'moment' || target.kind === 'episode') return 'citation';
  return target.kind === 'source' ? 'source' : 'link';
};

/**
 * Every edge of the web of pages, from the resolved references: one per (from, target page or source,
 * kind), self-links and links from pages outside the web (404) dropped. Backlinks, the connection rules,
 * the knowledge graph and each page's neighbourhood all read these edges.
 */
export function pageEdges(resolved: readonly ResolvedReference[]): Edge[] {
  return edgesInOrder(resolved).sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.kind.localeCompare(b.kind));
}

/** The same edges as `pageEdges`, in the order of the references: for readers that need no order, such as the web rules. */
export function edgesInOrder(resolved: readonly ResolvedReference[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const item of resolved) {
    const to = targetPageId(item.target);
    const from = item.from.pageId;
    if (to === undefined || to === from || UNLINKED_PAGE_IDS.has(from)) continue;
    const kind = edgeKind(item);
    const key = `${from}\u0000${edgeTargetKey(item.target, kind, to)}\u0000${kind}`;
    if (!edges.has(key)) edges.set(key, { from, to, kind, target: item.target });
  }
  return [...edges.values()];
}

/** Whether an edge is written in the page text (a link, citation or source reference), not a frontmatter list. */
export const isBodyEdge = (edge: Edge): boolean => edge.kind !== 'related' && edge.kind !== 'listed-source';

/**
 * The page a reference's text links to, as an edge of kind `link` to a page: what the web rules count.
 * The same as taking the body edges of `edgesInOrder` whose target is a page, for one reference at a time.
 */
export function bodyLinkTarget(item: ResolvedReference): string | undefined {
  const { target } = item;
  if (target.kind !== 'page' || edgeKind(item) !== 'link') return undefined;
  const from = item.from.pageId;
  return target.pageId === from || UNLINKED_PAGE_IDS.has(from) ? undefined : target.pageId;
}

/** For each page, the pages whose text links to or cites it: indexed once per set of edges, as every page asks. */
const linkedFromIndex = oncePerObject((edges: readonly Edge[]): Map<string, Set<string>> => {
  const index = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (!isBodyEdge(edge)) continue;
    const from = index.get(edge.to);
    if (from) from.add(edge.from);
    else index.set(edge.to, new Set([edge.from]));
  }
  return index;
});

/** Pages whose text links to or cites `pageId`, sorted by title. */
export function backlinksOf(pageId: string, edges: readonly Edge[], pages: ReadonlyMap<string, PageEntry>): PageEntry[] {
  const from = linkedFromIndex(edges).get(pageId) ?? new Set<string>();
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
