import { episodePageId, SOURCES_PAGE_ID, sourceAnchor, UNLINKED_PAGE_IDS } from './generated-pages.ts';
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

const sourceNodeId = (sourceId: string): string => `source:${sourceId}`;

/** The graph node an edge points at: a source reference points at the source, not at the Sources page. */
function nodeOf(edge: Edge): string {
  return edge.target.kind === 'source' ? sourceNodeId(edge.target.sourceId) : edge.to;
}

/**
 * The knowledge graph: written pages, episodes and written sources as nodes, and an undirected edge
 * wherever one links to, cites or lists another, derived from the same edges as the backlinks.
 */
export function buildGraph(index: SiteIndex, edges: readonly Edge[], base: string): KnowledgeGraph {
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
