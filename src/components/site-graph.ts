import { buildGraph, type KnowledgeGraph } from '../site/knowledge-graph.ts';
import type { Site } from '../site/site.ts';

const graphs = new WeakMap<Site, Map<string, KnowledgeGraph>>();

/** The knowledge graph of the site being built, computed once per build (every page's footer reads it). */
export function siteGraph(site: Site, base: string): KnowledgeGraph {
  let byBase = graphs.get(site);
  if (!byBase) graphs.set(site, (byBase = new Map()));
  let graph = byBase.get(base);
  if (!graph) byBase.set(base, (graph = buildGraph(site.index, site.edges, base)));
  return graph;
}
