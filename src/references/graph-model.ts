import type { ResolvedReference } from './check.ts';
import { episodePageId, SOURCES_PAGE_ID, sourceAnchor, UNLINKED_PAGE_IDS } from './generated-pages.ts';
import type { ReferenceIndex } from './page-index.ts';
import { pagePath } from './routes.ts';

export type GraphNodeKind = 'page' | 'episode' | 'source';

export interface GraphNode {
  id: string;
  label: string;
  kind: GraphNodeKind;
  group: string;
  href: string;
  /** The page whose neighbourhood entry represents this node. */
  pageId: string;
}

export interface GraphEdge {
  source: string;
  target: string;
}

/** Whether a page is drawn in the graph: written pages (except the 404 page) and episode pages. */
export function isGraphNode(pageId: string, index: ReferenceIndex): boolean {
  const page = index.pages.get(pageId);
  if (!page || UNLINKED_PAGE_IDS.has(pageId)) return false;
  return page.file !== undefined || [...index.data.episodes.keys()].some((slug) => episodePageId(slug) === pageId);
}

/**
 * The knowledge graph: written pages, episodes and written sources as nodes, and an edge wherever a page
 * links to, cites or lists another, built from the same resolved references as the checker and backlinks.
 */
export function buildGraph(index: ReferenceIndex, resolved: readonly ResolvedReference[], base: string): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>();
  for (const document of index.documents) {
    const page = index.pages.get(document.pageId);
    if (!page || !isGraphNode(page.id, index)) continue;
    nodes.set(page.id, { id: page.id, label: page.title, kind: 'page', group: page.section ?? 'about', href: pagePath(page.id, base), pageId: page.id });
  }
  for (const [slug, episode] of index.data.episodes) {
    const id = episodePageId(slug);
    nodes.set(id, { id, label: episode.short_title, kind: 'episode', group: 'podcast', href: pagePath(id, base), pageId: id });
  }
  for (const [sourceId, source] of index.data.sources) {
    const id = `source:${sourceId}`;
    nodes.set(id, { id, label: source.title, kind: 'source', group: 'source', href: `${pagePath(SOURCES_PAGE_ID, base)}#${sourceAnchor(sourceId)}`, pageId: id });
  }
  const edges = new Map<string, GraphEdge>();
  for (const { from, target } of resolved) {
    const to =
      target.kind === 'page' ? target.pageId
      : target.kind === 'moment' || target.kind === 'episode' ? episodePageId(target.slug)
      : target.kind === 'source' ? `source:${target.sourceId}`
      : undefined;
    if (to === undefined || to === from.pageId || !nodes.has(from.pageId) || !nodes.has(to)) continue;
    const [a, b] = from.pageId < to ? [from.pageId, to] : [to, from.pageId];
    edges.set(`${a}\u0000${b}`, { source: a, target: b });
  }
  const sortedNodes = [...nodes.values()].sort((x, y) => x.id.localeCompare(y.id));
  const sortedEdges = [...edges.values()].sort((x, y) => x.source.localeCompare(y.source) || x.target.localeCompare(y.target));
  return { nodes: sortedNodes, edges: sortedEdges };
}

/** Neighbours of every node, for the text version of the graph. */
export function neighbours(edges: readonly GraphEdge[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string) => map.set(a, (map.get(a) ?? new Set()).add(b));
  for (const edge of edges) {
    add(edge.source, edge.target);
    add(edge.target, edge.source);
  }
  return map;
}
