import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { GraphNode } from '../site/graph-nodes.ts';
import type { GraphEdge } from '../site/knowledge-graph.ts';

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  degree: number;
}

/** Groups that gather around a place of their own; episodes and sources sit among the pages that cite them. */
const FLOATING_GROUPS = new Set(['podcast', 'source']);

/**
 * A force-directed layout computed at build time with a fixed number of ticks. d3-force starts from a
 * deterministic spiral and draws its jitter from a seeded generator, so the same graph always gets the
 * same picture (and the build stays reproducible). Each section is pulled gently towards a point of its
 * own on an ellipse, so sections read as regions; episodes and sources settle among their pages.
 */
export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], size: { width: number; height: number }): PlacedNode[] {
  const degree = new Map<string, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const groups = [...new Set(nodes.map((node) => node.group))].filter((group) => !FLOATING_GROUPS.has(group)).sort();
  const anchor = new Map(groups.map((group, i) => {
    const angle = (2 * Math.PI * i) / groups.length;
    return [group, { x: Math.cos(angle) * size.width * 0.32, y: Math.sin(angle) * size.height * 0.32 }];
  }));
  type SimulationNode = GraphNode & SimulationNodeDatum & { degree: number };
  const simulationNodes: SimulationNode[] = nodes.map((node) => ({ ...node, degree: degree.get(node.id) ?? 0 }));
  const links = edges.map((edge) => ({ source: edge.source, target: edge.target }));
  const pull = (node: SimulationNode) => (anchor.has(node.group) ? 0.1 : 0);
  const simulation = forceSimulation(simulationNodes)
    .force('link', forceLink(links).id((node) => (node as GraphNode).id).distance(90).strength(0.05))
    .force('charge', forceManyBody().strength(-220))
    .force('collide', forceCollide<SimulationNode>((node) => nodeRadius(node.degree) + 9))
    .force('x', forceX<SimulationNode>((node) => anchor.get(node.group)?.x ?? 0).strength(pull))
    .force('y', forceY<SimulationNode>((node) => anchor.get(node.group)?.y ?? 0).strength(pull))
    .force('centreX', forceX(0).strength(0.02))
    .force('centreY', forceY(0).strength(0.02))
    .stop();
  simulation.tick(300);
  return evenOut(simulationNodes, size).map(({ index: _index, vx: _vx, vy: _vy, fx: _fx, fy: _fy, ...node }) => node);
}

/**
 * A force layout packs the most connected pages into a dense core and leaves sparse nodes far out. This
 * keeps every node's direction from the centre and the order of their distances, but spaces the
 * distances so that nodes cover the picture evenly (a node's new radius grows with the square root of
 * its rank), which gives the core room for its labels.
 */
function evenOut<T extends SimulationNodeDatum>(nodes: T[], size: { width: number; height: number }): (T & { x: number; y: number })[] {
  const margin = 28;
  const cx = nodes.reduce((sum, n) => sum + (n.x ?? 0), 0) / nodes.length;
  const cy = nodes.reduce((sum, n) => sum + (n.y ?? 0), 0) / nodes.length;
  const polar = nodes.map((node, i) => ({ i, angle: Math.atan2((node.y ?? 0) - cy, (node.x ?? 0) - cx), distance: Math.hypot((node.x ?? 0) - cx, (node.y ?? 0) - cy) }));
  const rank = new Map([...polar].sort((a, b) => a.distance - b.distance || a.i - b.i).map((entry, position) => [entry.i, position]));
  const round = (value: number) => Math.round(value * 10) / 10;
  return nodes.map((node, i) => {
    const { angle } = polar[i]!;
    const radius = Math.sqrt((rank.get(i)! + 0.5) / nodes.length);
    return {
      ...node,
      x: round(size.width / 2 + Math.cos(angle) * radius * (size.width / 2 - margin)),
      y: round(size.height / 2 + Math.sin(angle) * radius * (size.height / 2 - margin)),
    };
  });
}

/** A node's radius in the layout's units: the more connections, the bigger, growing slowly. */
export function nodeRadius(degree: number): number {
  return Math.round((3.5 + Math.sqrt(degree) * 1.15) * 10) / 10;
}
