import { episodePageId, graphNodeAnchor, graphNodeOfAnchor, SOURCES_PAGE_ID, sourceAnchor, UNLINKED_PAGE_IDS } from './generated-pages.ts';
import { pagePath } from './routes.ts';
import type { SiteIndex } from './site-index.ts';

/** The nodes of the knowledge graph, which the resolver needs too: links to a node's element on the graph pages. */

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
export const sourceNodeId = (sourceId: string): string => `${SOURCE_NODE_PREFIX}${sourceId}`;

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

/** The graph's nodes by id: written pages, episodes and written sources. */
export function graphNodes(index: SiteIndex, base: string): Map<string, GraphNode> {
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
