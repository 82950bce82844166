import type { GraphNode } from '../site/graph-nodes.ts';
import { NEIGHBOUR_RELATIONS, type Neighbourhood, type NeighbourRelation } from '../site/knowledge-graph.ts';

/** What each band of a neighbourhood drawing is called, above its nodes and in its description. */
export const RELATION_HEADINGS: Record<NeighbourRelation, string> = {
  'linked-from': 'Links here',
  both: 'Links both ways',
  'links-to': 'Links to',
  cites: 'Cites episodes',
};

/**
 * The drawing's geometry, in CSS pixels at the default 16 px root size (the component writes it in rem,
 * so it follows the reader's font size). The page sits on the left, centred; its neighbours are links in
 * a column on the right, in rows of a fixed height, so the curves drawn at build time meet them exactly
 * however wide the column is. Labels too long for a narrow column end in an ellipsis.
 */
export const NEIGHBOURHOOD_SIZE = {
  centreWidth: 116,
  columnX: 150,
  itemHeight: 24,
  itemGap: 6,
  headingHeight: 24,
  bandGap: 10,
  /** Nodes drawn per band; the rest are counted on one "more" node that opens the site graph. */
  maxPerBand: 8,
} as const;

export interface PlacedItem {
  /** Top of the row. */
  y: number;
  /** Undefined for the "more" item, which stands for `more` further neighbours. */
  node?: GraphNode;
  more?: number;
}

export interface PlacedBand {
  relation: NeighbourRelation;
  heading: string;
  /** Every neighbour of the relation, also those folded into the "more" item. */
  total: number;
  items: PlacedItem[];
}

export interface NeighbourhoodDrawing {
  height: number;
  bands: PlacedBand[];
  /** One curve from the middle of the page's box to each item, in item order. */
  curves: { d: string; relation: NeighbourRelation }[];
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Lays a neighbourhood out as a fan: the page on the left, its neighbours in labelled bands on the right
 * (links here, both ways, links to, cited episodes), each joined to the page by a curve. Pure and
 * deterministic, so the same site always draws the same picture.
 */
export function layoutNeighbourhood(neighbourhood: Neighbourhood): NeighbourhoodDrawing {
  const size = NEIGHBOURHOOD_SIZE;
  const pitch = size.itemHeight + size.itemGap;
  const bands: PlacedBand[] = [];
  let y = 0;
  for (const relation of NEIGHBOUR_RELATIONS) {
    const nodes = neighbourhood.neighbours[relation];
    if (nodes.length === 0) continue;
    if (bands.length > 0) y += size.bandGap;
    y += size.headingHeight;
    const shown = nodes.length > size.maxPerBand ? nodes.slice(0, size.maxPerBand - 1) : nodes;
    const items: PlacedItem[] = shown.map((node, index) => ({ y: y + size.itemGap + index * pitch, node }));
    if (shown.length < nodes.length) items.push({ y: y + size.itemGap + shown.length * pitch, more: nodes.length - shown.length });
    y += items.length * pitch;
    bands.push({ relation, heading: `${RELATION_HEADINGS[relation]} (${nodes.length})`, total: nodes.length, items });
  }
  const height = Math.max(y, 96);
  const startX = size.centreWidth;
  const startY = round(height / 2);
  const middleX = round((startX + size.columnX) / 2);
  const curves = bands.flatMap((band) =>
    band.items.map((item) => {
      const endY = round(item.y + size.itemHeight / 2);
      return { d: `M${startX} ${startY}C${middleX} ${startY} ${middleX} ${endY} ${size.columnX} ${endY}`, relation: band.relation };
    }),
  );
  return { height, bands, curves };
}

/** "3 pages and 1 source", "1 episode". */
function countThings(nodes: readonly GraphNode[]): string {
  const kinds: [GraphNode['kind'], string, string][] = [
    ['page', 'page', 'pages'],
    ['source', 'written source', 'written sources'],
    ['episode', 'episode', 'episodes'],
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
