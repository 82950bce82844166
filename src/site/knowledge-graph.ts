import type { Edge } from './link-graph.ts';
import { graphNodes, sourceNodeId, toolNodeId, type GraphNode } from './graph-nodes.ts';
import { termPageId, TOOLS_PAGE_ID } from './generated-pages.ts';
import { pageIdOfUrl } from './routes.ts';
import type { SiteIndex } from './site-index.ts';

export interface GraphEdge {
  source: string;
  target: string;
}

export interface KnowledgeGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * The graph node an edge points at: a source reference points at the source, not at the Sources page,
 * and a link to a tool's row at the tool, not at the tools directory.
 */
export function nodeOf(edge: Edge): string {
  const { target } = edge;
  if (target.kind === 'source') return sourceNodeId(target.sourceId);
  if (target.kind === 'page' && target.pageId === TOOLS_PAGE_ID && target.anchor !== undefined) return toolNodeId(target.anchor);
  return edge.to;
}

/**
 * The knowledge graph: written pages, episodes and written sources as nodes, and an undirected edge
 * wherever one links to, cites or lists another, derived from the same edges as the backlinks.
 */
export function buildGraph(index: SiteIndex, edges: readonly Edge[], base: string): KnowledgeGraph {
  const nodes = graphNodes(index, base);
  const undirected = new Map<string, GraphEdge>();
  const join = (from: string, to: string) => {
    if (to === from || !nodes.has(from) || !nodes.has(to)) return;
    const [a, b] = from < to ? [from, to] : [to, from];
    undirected.set(`${a}\u0000${b}`, { source: a, target: b });
  };
  for (const edge of edges) join(edge.from, nodeOf(edge));
  // A glossary term is joined to the page that covers it, which its entry names.
  for (const term of index.data.glossary) join(termPageId(term.id), pageIdOfUrl(term.see.split('#')[0]!));
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
  const { nodes, degree, outgoingOf, incomingOf } = graphIndex(graph, edges);
  const centre = nodes.get(pageId);
  if (!centre) return undefined;
  const outgoing = outgoingOf.get(pageId) ?? new Set<string>();
  const incoming = incomingOf.get(pageId) ?? new Set<string>();
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

interface GraphIndex {
  nodes: Map<string, GraphNode>;
  degree: Map<string, number>;
  /** For each node, the nodes its edges point at, and the nodes whose edges point at it (self-loops left out). */
  outgoingOf: Map<string, Set<string>>;
  incomingOf: Map<string, Set<string>>;
}

const graphIndexes = new WeakMap<KnowledgeGraph, WeakMap<readonly Edge[], GraphIndex>>();

/** What every page's neighbourhood reads, worked out once per graph and not once per page: a site of n pages would pay n times its edges. */
function graphIndex(graph: KnowledgeGraph, edges: readonly Edge[]): GraphIndex {
  let byEdges = graphIndexes.get(graph);
  if (!byEdges) graphIndexes.set(graph, (byEdges = new WeakMap()));
  let index = byEdges.get(edges);
  if (index) return index;
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const degree = new Map<string, number>();
  for (const edge of graph.edges) for (const id of [edge.source, edge.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const outgoingOf = new Map<string, Set<string>>();
  const incomingOf = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key);
    if (set) set.add(value);
    else map.set(key, new Set([value]));
  };
  for (const edge of edges) {
    const to = nodeOf(edge);
    if (to === edge.from) continue;
    if (nodes.has(to)) add(outgoingOf, edge.from, to);
    if (nodes.has(edge.from)) add(incomingOf, to, edge.from);
  }
  index = { nodes, degree, outgoingOf, incomingOf };
  byEdges.set(edges, index);
  return index;
}
