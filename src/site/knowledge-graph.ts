import { episodePageId, graphNodeAnchor, graphNodeOfAnchor, SOURCES_PAGE_ID, sourceAnchor, UNLINKED_PAGE_IDS } from './generated-pages.ts';
import type { Edge } from './link-graph.ts';
import { pagePath } from './routes.ts';
import type { SiteIndex } from './site-index.ts';

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

export interface KnowledgeGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Whether a page is drawn in the graph: written pages (except the 404 page and drafts) and episode pages. */
export function isGraphNode(pageId: string, index: SiteIndex): boolean {
  const page = index.pages.get(pageId);
  if (!page || page.draft || UNLINKED_PAGE_IDS.has(pageId)) return false;
  return !page.generated || episodePageIds(index).has(pageId);
}

const episodePageIdCache = new WeakMap<SiteIndex, Set<string>>();
function episodePageIds(index: SiteIndex): Set<string> {
  let ids = episodePageIdCache.get(index);
  if (!ids) {
    ids = new Set([...index.data.episodes.keys()].map(episodePageId));
    episodePageIdCache.set(index, ids);
  }
  return ids;
}

const SOURCE_NODE_PREFIX = 'source:';
const sourceNodeId = (sourceId: string): string => `${SOURCE_NODE_PREFIX}${sourceId}`;

/**
 * Whether `anchor` is the id of a node's element on the graph pages. Those ids follow the nodes, not
 * headings, so they are not among the pages' declared anchors; this answers for one anchor by asking
 * the index what `buildGraph` asks it, so the checker notes the same dependencies.
 */
export function isGraphNodeAnchor(anchor: string, index: SiteIndex): boolean {
  const nodeId = graphNodeOfAnchor(anchor);
  if (nodeId === undefined) return false;
  if (nodeId.startsWith(SOURCE_NODE_PREFIX)) return index.data.sources.has(nodeId.slice(SOURCE_NODE_PREFIX.length));
  return isGraphNode(nodeId, index);
}

/** The id of every node's element on the graph pages. */
export function graphNodeAnchors(index: SiteIndex): string[] {
  return [...graphNodes(index, '/').values()].map((node) => graphNodeAnchor(node.pageId));
}

/** The graph node an edge points at: a source reference points at the source, not at the Sources page. */
export function nodeOf(edge: Edge): string {
  return edge.target.kind === 'source' ? sourceNodeId(edge.target.sourceId) : edge.to;
}

/**
 * The knowledge graph: written pages, episodes and written sources as nodes, and an undirected edge
 * wherever one links to, cites or lists another, derived from the same edges as the backlinks.
 */
export function buildGraph(index: SiteIndex, edges: readonly Edge[], base: string): KnowledgeGraph {
  const nodes = graphNodes(index, base);
  const undirected = new Map<string, GraphEdge>();
  for (const edge of edges) {
    const to = nodeOf(edge);
    if (to === edge.from || !nodes.has(edge.from) || !nodes.has(to)) continue;
    const [a, b] = edge.from < to ? [edge.from, to] : [to, edge.from];
    undirected.set(`${a}\u0000${b}`, { source: a, target: b });
  }
  const sortedNodes = [...nodes.values()].sort((x, y) => x.id.localeCompare(y.id));
  const sortedEdges = [...undirected.values()].sort((x, y) => x.source.localeCompare(y.source) || x.target.localeCompare(y.target));
  return { nodes: sortedNodes, edges: sortedEdges };
}

/** The graph's nodes by id: written pages, episodes and written sources. */
function graphNodes(index: SiteIndex, base: string): Map<string, GraphNode> {
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
    const id = sourceNodeId(sourceId);
    nodes.set(id, { id, label: source.title, kind: 'source', group: 'source', href: `${pagePath(SOURCES_PAGE_ID, base)}#${sourceAnchor(sourceId)}`, pageId: id });
  }
  return nodes;
}

/** Neighbours of every node. */
export function neighbours(edges: readonly GraphEdge[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string) => map.set(a, (map.get(a) ?? new Set()).add(b));
  for (const edge of edges) {
    add(edge.source, edge.target);
    add(edge.target, edge.source);
  }
  return map;
}

/** How a neighbour is joined to the page at the centre of a neighbourhood. */
export type NeighbourRelation = 'both' | 'links-to' | 'linked-from' | 'cites';

export const NEIGHBOUR_RELATIONS: readonly NeighbourRelation[] = ['linked-from', 'both', 'links-to', 'cites'];

export interface Neighbourhood {
  centre: GraphNode;
  /** Each relation's neighbours, most connected first; every neighbour appears under one relation. */
  neighbours: Record<NeighbourRelation, GraphNode[]>;
}

/**
 * A page's neighbourhood, read from the same edges as the knowledge graph: the pages and sources it
 * points at, the pages that point at it (both, when the link runs each way), and the episodes it cites.
 */
export function neighbourhoodOf(pageId: string, graph: KnowledgeGraph, edges: readonly Edge[]): Neighbourhood | undefined {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const centre = nodes.get(pageId);
  if (!centre) return undefined;
  const outgoing = new Set<string>();
  const incoming = new Set<string>();
  for (const edge of edges) {
    const to = nodeOf(edge);
    if (edge.from === pageId && to !== pageId && nodes.has(to)) outgoing.add(to);
    if (to === pageId && edge.from !== pageId && nodes.has(edge.from)) incoming.add(edge.from);
  }
  const degree = new Map<string, number>();
  for (const edge of graph.edges) for (const id of [edge.source, edge.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const byConnections = (ids: Iterable<string>): GraphNode[] =>
    [...ids].map((id) => nodes.get(id)!).sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.label.localeCompare(b.label));
  const cited = [...outgoing].filter((id) => nodes.get(id)?.kind === 'episode');
  return {
    centre,
    neighbours: {
      both: byConnections([...outgoing].filter((id) => incoming.has(id) && !cited.includes(id))),
      'links-to': byConnections([...outgoing].filter((id) => !incoming.has(id) && !cited.includes(id))),
      'linked-from': byConnections([...incoming].filter((id) => !outgoing.has(id))),
      cites: byConnections(cited),
    },
  };
}
