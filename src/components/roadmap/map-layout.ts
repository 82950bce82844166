import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPoint, LayoutOptions } from 'elkjs/lib/elk-api';
import type { LearningMap, MapGroup, MapItem, MapStage } from '../../site/learning-maps.ts';
import { textWidth } from '../text-width.ts';

/**
 * The layout of a learning map, computed at build time by ELK's layered algorithm (elkjs). Stages are
 * laid out top to bottom as a path; inside a stage its groups stand side by side; inside a group its
 * items form a column, and an item listing others in `after` sits below them with an arrow. No
 * coordinate is written by hand: the boxes' sizes come from their words, the places from ELK.
 *
 * ELK was chosen over dagre by measuring both on the two maps (46 and 44 items): each lays a map out in
 * tens of milliseconds once loaded (ELK 27 to 140 ms, dagre 32 to 190 ms on a shared two-core machine)
 * and neither overlaps a box, but only ELK gives each group its own layout (a column of unconnected
 * items, packed in file order) without invisible edges, and routes the path between stages itself.
 * dagre put each group's unordered items in one row, 2,767 px wide, and needed invisible edges to stack
 * them. ELK's larger package (1.6 MB against 49 kB minified) only costs install time: nothing of it
 * reaches the browser.
 */

/** The width the map is laid out for: Starlight's content column (45rem). */
export const MAP_WIDTH = 720;

/** The sizes of the map's parts, in CSS pixels; the style sheet (progress-map.css) draws them at these sizes. */
export const MAP_METRICS = {
  /** Room at the top of a stage for its number, title and progress. */
  stageHead: 60,
  stagePadding: 8,
  /** Room at the top of a group for its title. */
  groupHead: 28,
  groupPadding: 8,
  groupGap: 16,
  /** Space between two stages, where the path runs. */
  stageGap: 36,
  itemGap: 8,
  /** Space between an item and one that follows it, where the arrow runs. */
  orderGap: 18,
  fontSize: 14,
  lineHeight: 19,
  itemPaddingX: 10,
  itemPaddingY: 8,
  /** The state icon at the start of each item and the gap after it. */
  icon: 18,
  iconGap: 8,
  minItemWidth: 160,
  minItemHeight: 40,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedItem extends Box {
  entry: MapItem;
  /** The label as it wraps in the box. */
  lines: string[];
}

export interface PlacedGroup extends Box {
  group: MapGroup;
  items: PlacedItem[];
}

export interface PlacedStage extends Box {
  stage: MapStage;
  groups: PlacedGroup[];
}

/** A line of the drawing: the path from one stage to the next, or an arrow from an item to one that comes after it. */
export interface MapEdge {
  kind: 'path' | 'order';
  from: string;
  to: string;
  points: ElkPoint[];
}

/** A laid-out map: every box in map coordinates (from the map's top-left corner). */
export interface MapLayout {
  map: LearningMap;
  width: number;
  height: number;
  itemWidth: number;
  stages: PlacedStage[];
  edges: MapEdge[];
}

/** The words of a label broken into lines that fit `width`, by the same estimate that sizes the box. */
export function wrapLabel(label: string, width: number, fontSize: number = MAP_METRICS.fontSize): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The width of each item box: as many columns as the widest stage has groups, across the map's width. */
export function itemWidthFor(map: LearningMap, width: number = MAP_WIDTH): number {
  const m = MAP_METRICS;
  const columns = Math.max(1, ...map.stages.map((stage) => stage.groups.length));
  const perColumn = (width - 2 * m.stagePadding - (columns - 1) * m.groupGap) / columns;
  return Math.max(m.minItemWidth, Math.floor(perColumn - 2 * m.groupPadding));
}

const textWidthOf = (itemWidth: number) => itemWidth - 2 * MAP_METRICS.itemPaddingX - MAP_METRICS.icon - MAP_METRICS.iconGap;

function itemHeight(lines: readonly string[]): number {
  const m = MAP_METRICS;
  return Math.max(m.minItemHeight, 2 * m.itemPaddingY + Math.max(1, lines.length) * m.lineHeight);
}

const padding = (top: number, side: number) => `[top=${top},left=${side},bottom=${side},right=${side}]`;

const LAYERED: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.randomSeed': '1',
};

const stageNodeId = (stage: MapStage) => `stage:${stage.checklistId}`;
const groupNodeId = (stage: MapStage, group: MapGroup) => `group:${stage.checklistId}:${group.group.id}`;

/** The map as an ELK graph: stages in a chain, groups in a row inside each stage, items in a column inside each group. */
function elkGraph(map: LearningMap, itemWidth: number, lines: ReadonlyMap<string, string[]>): ElkNode {
  const m = MAP_METRICS;
  const stages = map.stages.map(
    (stage): ElkNode => ({
      id: stageNodeId(stage),
      layoutOptions: { ...LAYERED, 'elk.separateConnectedComponents': 'false', 'elk.spacing.nodeNode': String(m.groupGap), 'elk.padding': padding(m.stageHead, m.stagePadding) },
      children: stage.groups.map((group) => ({
        id: groupNodeId(stage, group),
        layoutOptions: {
          ...LAYERED,
          // Each item, or chain of items joined by "after", is a component; a tiny aspect ratio stacks them in one column, in file order.
          'elk.separateConnectedComponents': 'true',
          'elk.aspectRatio': '0.01',
          'elk.layered.considerModelOrder.components': 'MODEL_ORDER',
          'elk.spacing.componentComponent': String(m.itemGap),
          'elk.spacing.nodeNode': String(m.itemGap),
          'elk.layered.spacing.nodeNodeBetweenLayers': String(m.orderGap),
          'elk.padding': padding(m.groupHead, m.groupPadding),
          // Groups of a stage line up at the top rather than at their middles.
          'elk.alignment': 'TOP',
        },
        children: group.items.map((entry) => ({ id: entry.key, width: itemWidth, height: itemHeight(lines.get(entry.key) ?? []) })),
        edges: orderEdges(group),
      })),
    }),
  );
  const path: ElkExtendedEdge[] = map.stages.slice(1).map((stage, index) => ({ id: `path:${index + 1}`, sources: [stageNodeId(map.stages[index]!)], targets: [stageNodeId(stage)] }));
  return {
    id: `map:${map.track}`,
    layoutOptions: { ...LAYERED, 'elk.separateConnectedComponents': 'false', 'elk.layered.spacing.nodeNodeBetweenLayers': String(m.stageGap), 'elk.padding': padding(0, 0) },
    children: stages,
    edges: path,
  };
}

/** An edge from each item named in `after` to the item that names it, within the group. */
function orderEdges(group: MapGroup): ElkExtendedEdge[] {
  const keyOf = new Map(group.items.map((entry) => [entry.item.id, entry.key]));
  return group.items.flatMap((entry) =>
    (entry.item.after ?? []).flatMap((id) => {
      const from = keyOf.get(id);
      return from === undefined || id === entry.item.id ? [] : [{ id: `${from}>${entry.key}`, sources: [from], targets: [entry.key] }];
    }),
  );
}

const round = (value: number | undefined): number => Math.round((value ?? 0) * 2) / 2;

/** The points of an edge's route, moved by the offset of the node the edge is defined in. */
function routeOf(edge: ElkExtendedEdge, offset: { x: number; y: number }): ElkPoint[] {
  const section = edge.sections?.[0];
  if (!section) return [];
  return [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((point) => ({ x: round(point.x + offset.x), y: round(point.y + offset.y) }));
}

let elk: InstanceType<typeof ELK> | undefined;

/** Lays a map out. Deterministic: the same map always gets the same layout. */
export async function layoutMap(map: LearningMap, width: number = MAP_WIDTH): Promise<MapLayout> {
  const itemWidth = itemWidthFor(map, width);
  const lines = new Map(map.items.map((entry) => [entry.key, wrapLabel(entry.item.label, textWidthOf(itemWidth))]));
  elk ??= new ELK();
  const laid = await elk.layout(elkGraph(map, itemWidth, lines));
  const edges: MapEdge[] = (laid.edges ?? []).map((edge) => ({ kind: 'path', from: edge.sources[0]!, to: edge.targets[0]!, points: routeOf(edge, { x: 0, y: 0 }) }));
  const stages = map.stages.map((stage, stageIndex): PlacedStage => {
    const stageNode = laid.children![stageIndex]!;
    const at = { x: round(stageNode.x), y: round(stageNode.y) };
    return {
      stage,
      ...at,
      width: round(stageNode.width),
      height: round(stageNode.height),
      groups: stage.groups.map((group, groupIndex): PlacedGroup => {
        const groupNode = stageNode.children![groupIndex]!;
        const groupAt = { x: round(at.x + (groupNode.x ?? 0)), y: round(at.y + (groupNode.y ?? 0)) };
        for (const edge of groupNode.edges ?? []) edges.push({ kind: 'order', from: edge.sources[0]!, to: edge.targets[0]!, points: routeOf(edge, groupAt) });
        const byId = new Map((groupNode.children ?? []).map((child) => [child.id, child]));
        return {
          group,
          ...groupAt,
          width: round(groupNode.width),
          height: round(groupNode.height),
          items: group.items.map((entry): PlacedItem => {
            const node = byId.get(entry.key)!;
            return { entry, lines: lines.get(entry.key)!, x: round(groupAt.x + (node.x ?? 0)), y: round(groupAt.y + (node.y ?? 0)), width: round(node.width), height: round(node.height) };
          }),
        };
      }),
    };
  });
  return { map, width: round(laid.width), height: round(laid.height), itemWidth, stages, edges };
}
