import type { GraphNode } from '../../site/graph-nodes.ts';
import type { Neighbourhood, NeighbourRelation } from '../../site/knowledge-graph.ts';

/** What each band of a neighbourhood drawing is called, above its nodes and in its description. */
export const RELATION_HEADINGS: Record<NeighbourRelation, string> = {
  'linked-from': 'Links here',
  both: 'Links both ways',
  'links-to': 'Links to',
  cites: 'Cites episodes',
};

/** Which side of the page each relation is drawn on: what leads to the page on its left, what it leads to on its right. */
export const SIDES = {
  left: ['linked-from', 'both'],
  right: ['links-to', 'cites'],
} as const satisfies Record<string, readonly NeighbourRelation[]>;
export type Side = keyof typeof SIDES;

/**
 * The drawing's geometry, in CSS pixels at the default 16 px root size (the component writes it in rem,
 * so it follows the reader's font size). The page sits in the middle; the pages that lead to it are links
 * in a column on its left, the pages and episodes it leads to in a column on its right. Rows have a fixed
 * height, so the curves drawn at build time in the gaps meet them exactly however wide the columns are.
 */
export const NEIGHBOURHOOD_SIZE = {
  centreWidth: 140,
  gap: 44,
  itemHeight: 26,
  itemGap: 6,
  headingHeight: 22,
  bandGap: 12,
  /** The least height of the drawing, so that the page's box always has room. */
  minHeight: 96,
  /** Nodes drawn per band; the rest are listed under one "more" item that opens in place. */
  maxPerBand: 6,
} as const;

export interface PlacedItem {
  /** Top of the row, from the top of the drawing. */
  y: number;
  node: GraphNode;
}

export interface PlacedBand {
  relation: NeighbourRelation;
  heading: string;
  /** Every neighbour of the relation. */
  total: number;
  /** The rows drawn, each joined to the page by a curve. */
  items: PlacedItem[];
  /** The neighbours past `maxPerBand`, listed under a "more" item without a curve. */
  rest: GraphNode[];
  /** Top of the "more" item, when there is one. */
  restY?: number;
}

export interface PlacedSide {
  bands: PlacedBand[];
  /** Space above the first band, so that each side is centred on the page's box. */
  offset: number;
  /** One curve from the page's box to each row, in the coordinates of the gap beside the page (`gap` wide, `height` high). */
  curves: { d: string; relation: NeighbourRelation }[];
}

export interface NeighbourhoodDrawing {
  height: number;
  left: PlacedSide;
  right: PlacedSide;
}

const round = (value: number) => Math.round(value * 10) / 10;

function placeBands(neighbourhood: Neighbourhood, relations: readonly NeighbourRelation[]): { bands: PlacedBand[]; height: number } {
  const size = NEIGHBOURHOOD_SIZE;
  const pitch = size.itemHeight + size.itemGap;
  const bands: PlacedBand[] = [];
  let y = 0;
  for (const relation of relations) {
    const nodes = neighbourhood.neighbours[relation];
    if (nodes.length === 0) continue;
    if (bands.length > 0) y += size.bandGap;
    y += size.headingHeight;
    const shown = nodes.length > size.maxPerBand ? nodes.slice(0, size.maxPerBand - 1) : nodes;
    const items = shown.map((node, index) => ({ y: y + size.itemGap + index * pitch, node }));
    const rest = nodes.slice(shown.length);
    const band: PlacedBand = { relation, heading: `${RELATION_HEADINGS[relation]} (${nodes.length})`, total: nodes.length, items, rest };
    if (rest.length > 0) band.restY = y + size.itemGap + shown.length * pitch;
    y += (items.length + (rest.length > 0 ? 1 : 0)) * pitch;
    bands.push(band);
  }
  return { bands, height: y };
}

/**
 * Lays a neighbourhood out around the page: the pages linking to it (and both ways) on the left, the
 * pages it links to and the episodes it cites on the right, each joined to the page's box by a curve.
 * The two sides are centred on the box, so the drawing is as high as its taller side. Pure and
 * deterministic, so the same site always draws the same picture.
 */
export function layoutNeighbourhood(neighbourhood: Neighbourhood): NeighbourhoodDrawing {
  const size = NEIGHBOURHOOD_SIZE;
  const placed = { left: placeBands(neighbourhood, SIDES.left), right: placeBands(neighbourhood, SIDES.right) };
  const height = Math.max(placed.left.height, placed.right.height, size.minHeight);
  const middle = round(height / 2);
  const side = (which: Side): PlacedSide => {
    const { bands, height: sideHeight } = placed[which];
    const offset = round((height - sideHeight) / 2);
    // The page's edge is at the gap's inner side: its right edge for the left column, its left for the right.
    const [pageX, rowX] = which === 'left' ? [size.gap, 0] : [0, size.gap];
    const bend = round(size.gap / 2);
    const curves = bands.flatMap((band) =>
      band.items.map((item) => {
        const rowY = round(offset + item.y + size.itemHeight / 2);
        return { d: `M${pageX} ${middle}C${bend} ${middle} ${bend} ${rowY} ${rowX} ${rowY}`, relation: band.relation };
      }),
    );
    return { bands: bands.map((band) => ({ ...band, items: band.items.map((item) => ({ ...item, y: round(offset + item.y) })), ...(band.restY !== undefined ? { restY: round(offset + band.restY) } : {}) })), offset, curves };
  };
  return { height, left: side('left'), right: side('right') };
}

/** "3 pages and 1 source", "1 episode". */
function countThings(nodes: readonly GraphNode[]): string {
  const kinds: [GraphNode['kind'], string, string][] = [
    ['page', 'page', 'pages'],
    ['source', 'written source', 'written sources'],
    ['episode', 'episode', 'episodes'],
    ['term', 'glossary term', 'glossary terms'],
    ['kpi', 'KPI', 'KPIs'],
    ['tool', 'tool', 'tools'],
  ];
  return joinParts(
    kinds.flatMap(([kind, one, many]) => {
      const n = nodes.filter((node) => node.kind === kind).length;
      return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
    }),
  );
}

const joinParts = (parts: readonly string[]): string => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`);

/** One sentence saying what the drawing shows, for its caption and for screen readers. */
export function describeNeighbourhood(neighbourhood: Neighbourhood): string {
  const { neighbours } = neighbourhood;
  const phrases: Record<NeighbourRelation, string> = {
    'links-to': 'links to',
    'linked-from': 'is linked from',
    both: 'links both ways with',
    cites: 'cites',
  };
  const order: NeighbourRelation[] = ['links-to', 'linked-from', 'both', 'cites'];
  const parts = order.filter((relation) => neighbours[relation].length > 0).map((relation) => `${phrases[relation]} ${countThings(neighbours[relation])}`);
  return parts.length === 0 ? 'This page has no connections yet.' : `This page ${joinParts(parts)}.`;
}
