import {
  episodePageId,
  graphNodeAnchor,
  graphNodeOfAnchor,
  kpiPageId,
  SOURCES_PAGE_ID,
  sourceAnchor,
  termPageId,
  TOOLS_PAGE_ID,
  toolAnchor,
  UNLINKED_PAGE_IDS,
} from './generated-pages.ts';
import { pagePath } from './routes.ts';
import type { SiteIndex } from './site-index.ts';
import { oncePerObject } from '../lib/memo.ts';

/** The nodes of the knowledge graph, which the resolver needs too: links to a node's element on the graph pages. */

/** Written pages, episodes, written sources, glossary terms, KPIs and tools: everything a page can point at. */
export type GraphNodeKind = 'page' | 'episode' | 'source' | 'term' | 'kpi' | 'tool';

/** The group of each kind that is not a written page (a written page's group is its section), in the order filters list them. */
export const KIND_GROUPS = { episode: 'podcast', source: 'source', term: 'term', kpi: 'kpi', tool: 'tool' } as const satisfies Record<Exclude<GraphNodeKind, 'page'>, string>;

export interface GraphNode {
  id: string;
  label: string;
  kind: GraphNodeKind;
  group: string;
  href: string;
  /** The page whose neighbourhood entry represents this node. */
  pageId: string;
}

interface GeneratedNodeIds {
  episodes: Set<string>;
  terms: Set<string>;
  kpis: Set<string>;
}

/** Whether a page is drawn in the graph: written pages (except the 404 page and drafts), episode, term and KPI pages. */
export function isGraphNode(pageId: string, index: SiteIndex): boolean {
  const page = index.pages.get(pageId);
  if (!page || page.draft || UNLINKED_PAGE_IDS.has(pageId)) return false;
  if (!page.generated) return true;
  const generated = generatedNodeIds(index);
  return generated.episodes.has(pageId) || generated.terms.has(pageId) || generated.kpis.has(pageId);
}

/** The ids of the generated pages drawn in the graph, gathered once per site. */
const generatedNodeIds = oncePerObject(
  (index: SiteIndex): GeneratedNodeIds => ({
    episodes: new Set([...index.data.episodes.keys()].map(episodePageId)),
    terms: new Set(index.data.glossary.map((term) => termPageId(term.id))),
    kpis: new Set(index.data.kpis.map((kpi) => kpiPageId(kpi.id))),
  }),
);

const SOURCE_NODE_PREFIX = 'source:';
const TOOL_NODE_PREFIX = 'tool:';
export const sourceNodeId = (sourceId: string): string => `${SOURCE_NODE_PREFIX}${sourceId}`;
/** A tool has no page of its own: its node stands for its row in the tools directory. */
export const toolNodeId = (toolId: string): string => `${TOOL_NODE_PREFIX}${toolId}`;

/**
 * Whether `anchor` is the id of a node's element on the graph pages. Those ids follow the nodes, not
 * headings, so they are not among the pages' declared anchors; this answers for one anchor by asking
 * the index what `buildGraph` asks it, so the checker notes the same dependencies.
 */
export function isGraphNodeAnchor(anchor: string, index: SiteIndex): boolean {
  const nodeId = graphNodeOfAnchor(anchor);
  if (nodeId === undefined) return false;
  if (nodeId.startsWith(SOURCE_NODE_PREFIX)) return index.data.sources.has(nodeId.slice(SOURCE_NODE_PREFIX.length));
  if (nodeId.startsWith(TOOL_NODE_PREFIX)) return index.pages.has(TOOLS_PAGE_ID) && index.data.tools.some((tool) => tool.id === nodeId.slice(TOOL_NODE_PREFIX.length));
  return isGraphNode(nodeId, index);
}

/** The id of every node's element on the graph pages. */
export function graphNodeAnchors(index: SiteIndex): string[] {
  return [...graphNodes(index, '/').values()].map((node) => graphNodeAnchor(node.pageId));
}

/** The graph's nodes by id: written pages, episodes, written sources, glossary terms, KPIs and tools. */
export function graphNodes(index: SiteIndex, base: string): Map<string, GraphNode> {
  const nodes = new Map<string, GraphNode>();
  const add = (node: Omit<GraphNode, 'pageId'> & { pageId?: string }) => nodes.set(node.id, { ...node, pageId: node.pageId ?? node.id });
  for (const document of index.documents) {
    const page = index.pages.get(document.pageId);
    if (!page || !isGraphNode(page.id, index)) continue;
    add({ id: page.id, label: page.title, kind: 'page', group: page.section ?? 'about', href: pagePath(page.id, base) });
  }
  for (const [slug, episode] of index.data.episodes) {
    const id = episodePageId(slug);
    add({ id, label: episode.short_title, kind: 'episode', group: KIND_GROUPS.episode, href: pagePath(id, base) });
  }
  for (const [sourceId, source] of index.data.sources) {
    add({ id: sourceNodeId(sourceId), label: source.title, kind: 'source', group: KIND_GROUPS.source, href: `${pagePath(SOURCES_PAGE_ID, base)}#${sourceAnchor(sourceId)}` });
  }
  for (const term of index.data.glossary) {
    const id = termPageId(term.id);
    add({ id, label: term.term, kind: 'term', group: KIND_GROUPS.term, href: pagePath(id, base) });
  }
  for (const kpi of index.data.kpis) {
    const id = kpiPageId(kpi.id);
    add({ id, label: kpi.name, kind: 'kpi', group: KIND_GROUPS.kpi, href: pagePath(id, base) });
  }
  // Tools are rows of the tools directory, so they are nodes only where the site has that page.
  for (const tool of index.pages.has(TOOLS_PAGE_ID) ? index.data.tools : []) {
    add({ id: toolNodeId(tool.id), label: tool.name, kind: 'tool', group: KIND_GROUPS.tool, href: `${pagePath(TOOLS_PAGE_ID, base)}#${toolAnchor(tool.id)}` });
  }
  return nodes;
}
