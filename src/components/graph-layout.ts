import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3-force';
import type { GraphEdge, GraphNode } from '../site/knowledge-graph.ts';

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  degree: number;
}

/**
 * A force-directed layout computed at build time with a fixed number of ticks. d3-force starts from a
 * deterministic spiral, so the same graph always gets the same picture (and the build stays reproducible).
 */
export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], size: { width: number; height: number }): PlacedNode[] {
  const degree = new Map<string, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const simulationNodes: (GraphNode & SimulationNodeDatum & { degree: number })[] = nodes.map((node) => ({ ...node, degree: degree.get(node.id) ?? 0 }));
  const links = edges.map((edge) => ({ source: edge.source, target: edge.target }));
  const simulation = forceSimulation(simulationNodes)
    .force('link', forceLink(links).id((node) => (node as GraphNode).id).distance(70).strength(0.25))
    .force('charge', forceManyBody().strength(-160))
    .force('collide', forceCollide(14))
    .force('center', forceCenter(size.width / 2, size.height / 2))
    .stop();
  simulation.tick(400);
  const margin = 24;
  const xs = simulationNodes.map((n) => n.x ?? 0);
  const ys = simulationNodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((size.width - 2 * margin) / Math.max(1, maxX - minX), (size.height - 2 * margin) / Math.max(1, maxY - minY));
  const round = (value: number) => Math.round(value * 10) / 10;
  return simulationNodes.map((node) => ({
    ...node,
    x: round(margin + ((node.x ?? 0) - minX) * scale),
    y: round(margin + ((node.y ?? 0) - minY) * scale),
  }));
}
