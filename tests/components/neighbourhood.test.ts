import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/checker/check.ts';
import type { GraphNode } from '../../src/site/graph-nodes.ts';
import { buildGraph, neighbourhoodOf, type Neighbourhood } from '../../src/site/knowledge-graph.ts';
import { pageEdges } from '../../src/site/link-graph.ts';
import { describeNeighbourhood, layoutNeighbourhood, NEIGHBOURHOOD_SIZE } from '../../src/components/connections/neighbourhood-layout.ts';
import { fixtureIndex } from '../helpers/fixture-project.ts';

const index = fixtureIndex();
const edges = pageEdges(checkSite(index).resolved);
const graph = buildGraph(index, edges, '/');
const ids = (nodes: readonly GraphNode[]) => nodes.map((node) => node.id);

describe('a page neighbourhood, from the edges of the knowledge graph', () => {
  it('sorts every neighbour of a page under one relation', () => {
    const home = neighbourhoodOf('', graph, edges)!;
    expect(ids(home.neighbours['both'])).toEqual(['about/sources', 'guides/model-monitoring']);
    expect(ids(home.neighbours['links-to'])).toEqual(['source:mle-role-blueprint']);
    expect(ids(home.neighbours['linked-from'])).toEqual([]);
    expect(ids(home.neighbours['cites'])).toEqual(['podcast/data-team-roles']);
  });

  it('lists the pages that link to a page it does not link back to, most connected first', () => {
    const episode = neighbourhoodOf('podcast/data-team-roles', graph, edges)!;
    expect(ids(episode.neighbours['linked-from'])).toEqual(['', 'about/sources']);
  });

  it('has no neighbourhood for a page outside the graph', () => {
    expect(neighbourhoodOf('404', graph, edges)).toBeUndefined();
  });

  it('describes the neighbourhood in one sentence', () => {
    expect(describeNeighbourhood(neighbourhoodOf('', graph, edges)!)).toBe(
      'This page links to 1 written source, links both ways with 2 pages and cites 1 episode.',
    );
  });
});

describe('the neighbourhood drawing', () => {
  const node = (id: number): GraphNode => ({ id: `p${id}`, label: `Page ${id}`, kind: 'page', group: 'role', href: `/p${id}/`, pageId: `p${id}` });
  const many: Neighbourhood = {
    centre: node(0),
    neighbours: { 'linked-from': Array.from({ length: 12 }, (_, i) => node(i + 1)), both: [], 'links-to': [node(20)], cites: [] },
  };

  it('draws what links here on the left and what the page links to on the right, folding a long band', () => {
    const drawing = layoutNeighbourhood(many);
    expect(drawing.left.bands.map((band) => band.relation)).toEqual(['linked-from']);
    expect(drawing.right.bands.map((band) => band.relation)).toEqual(['links-to']);
    const [linkedFrom] = drawing.left.bands;
    expect(linkedFrom!.items).toHaveLength(NEIGHBOURHOOD_SIZE.maxPerBand - 1);
    expect(linkedFrom!.rest).toHaveLength(12 - (NEIGHBOURHOOD_SIZE.maxPerBand - 1));
    expect(linkedFrom!.heading).toBe('Links here (12)');
  });

  it('ends one curve at the middle of each row, keeps rows apart, and centres each side on the page', () => {
    const drawing = layoutNeighbourhood(many);
    for (const side of [drawing.left, drawing.right]) {
      const items = side.bands.flatMap((band) => band.items);
      expect(side.curves).toHaveLength(items.length);
      for (const [i, item] of items.entries()) {
        expect(side.curves[i]!.d.endsWith(` ${item.y + NEIGHBOURHOOD_SIZE.itemHeight / 2}`)).toBe(true);
        expect(side.curves[i]!.d.startsWith(side === drawing.left ? `M${NEIGHBOURHOOD_SIZE.gap} ${drawing.height / 2}` : `M0 ${drawing.height / 2}`)).toBe(true);
        if (i > 0) expect(item.y).toBeGreaterThanOrEqual(items[i - 1]!.y + NEIGHBOURHOOD_SIZE.itemHeight);
      }
      expect(items.at(-1)!.y + NEIGHBOURHOOD_SIZE.itemHeight).toBeLessThanOrEqual(drawing.height);
    }
    // The short side sits in the middle of the drawing's height.
    const [only] = drawing.right.bands[0]!.items;
    expect(Math.abs(only!.y + NEIGHBOURHOOD_SIZE.itemHeight / 2 - drawing.height / 2)).toBeLessThan(NEIGHBOURHOOD_SIZE.headingHeight);
  });
});
