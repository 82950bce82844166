import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { parseHtml, propertyText, visitElements } from '../../src/lib/html.ts';
import { dataRenderContext } from '../../src/components/roadmap/map-context.ts';
import { itemWidthFor, layoutMap, MAP_WIDTH, wrapLabel, type Box, type MapLayout } from '../../src/components/roadmap/map-layout.ts';
import { renderMap, type MapRenderContext } from '../../src/components/roadmap/map-render.ts';
import { textWidth } from '../../src/components/text-width.ts';
import type { Checklist } from '../../src/schemas/checklist.ts';
import { learningMap, mapNodeAnchor } from '../../src/site/learning-maps.ts';
import { loadSiteData } from '../../src/site/data.ts';
import { fixturePath } from '../helpers/fixture-project.ts';

/**
 * From data to layout to markup, on a copy of the wiki's checklists taken when the maps were made (a
 * fixture, so that editing the wiki's content never fails a unit test; the check guards the content):
 * every item is drawn exactly once, no two boxes
 * overlap, each box sits inside its group and stage, arrows join the items they order, the same data
 * always gives the same picture, and a new item in a checklist file becomes a node with no coordinate
 * written anywhere.
 */

const { data } = loadSiteData(fixturePath('maps'));
const context: MapRenderContext = { ...dataRenderContext(data, '/'), pageTitle: (pageId) => `Title of ${pageId}`, headingText: (_pageId, anchor) => `Heading ${anchor}` };
const TRACKS = ['roadmap', 'mlops'] as const;
const layouts = new Map<string, MapLayout>(await Promise.all(TRACKS.map(async (track) => [track, await layoutMap(learningMap(data.checklists, track))] as const)));
const layoutOf = (track: string) => layouts.get(track)!;
const html = (layout: MapLayout) => toHtml(renderMap(layout, context));

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const pairs = <T>(list: readonly T[]) => list.flatMap((a, i) => list.slice(i + 1).map((b) => [a, b] as const));

/** The elements of rendered markup that pass `test`, read back with the project's HTML parser. */
function elements(markup: string, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visitElements(parseHtml(markup, { fragment: true }), (element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

describe.each(TRACKS)('the %s map', (track) => {
  const layout = layoutOf(track);
  const items = layout.stages.flatMap((stage) => stage.groups.flatMap((group) => group.items));
  const checklistItems = [...data.checklists].filter(([, c]) => c.track === track).flatMap(([id, c]) => c.groups.flatMap((g) => g.items.map((item) => `${id}/${item.id}`)));

  it('lays out every item of the track exactly once', () => {
    expect(items.map((item) => item.entry.key).sort()).toEqual([...checklistItems].sort());
  });

  it('draws every item exactly once, as a node that opens its own panel', () => {
    const markup = html(layout);
    const nodes = elements(markup, (element) => propertyText(element, 'dataRoadmapNode') !== undefined);
    expect(nodes.map((node) => propertyText(node, 'dataProgressKey')).sort()).toEqual([...checklistItems].sort());
    const panels = elements(markup, (element) => element.tagName === 'section' && propertyText(element, 'className') === 'map-panel');
    expect(panels.map((panel) => propertyText(panel, 'id')).sort()).toEqual(nodes.map((node) => mapNodeAnchor(propertyText(node, 'dataRoadmapNode')!)).sort());
    for (const node of nodes) {
      expect(propertyText(node, 'href')).toBe(`#${mapNodeAnchor(propertyText(node, 'dataRoadmapNode')!)}`);
      expect(propertyText(node, 'dataState')).toBe('todo');
    }
  });

  it('overlaps no two boxes, and keeps each inside its group and stage', () => {
    expect(pairs(items).filter(([a, b]) => overlap(a, b)).map(([a, b]) => `${a.entry.key} × ${b.entry.key}`)).toEqual([]);
    expect(pairs(layout.stages).filter(([a, b]) => overlap(a, b))).toEqual([]);
    for (const stage of layout.stages) {
      expect(pairs(stage.groups).filter(([a, b]) => overlap(a, b))).toEqual([]);
      for (const group of stage.groups) {
        expect(inside(group, stage), group.group.group.id).toBe(true);
        for (const item of group.items) expect(inside(item, group), item.entry.key).toBe(true);
      }
    }
  });

  it('fits the content column it is drawn in', () => {
    expect(layout.width).toBeLessThanOrEqual(MAP_WIDTH);
    expect(layout.itemWidth).toBe(itemWidthFor(layout.map));
  });

  it('puts the stages in their order down the page, joined by the path', () => {
    const ys = layout.stages.map((stage) => stage.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(layout.stages.map((stage) => stage.stage.checklist.order)).toEqual([...layout.stages.map((stage) => stage.stage.checklist.order)].sort((a, b) => a - b));
    const path = layout.edges.filter((edge) => edge.kind === 'path');
    expect(path).toHaveLength(layout.stages.length - 1);
    path.forEach((edge, index) => {
      const [from, to] = [layout.stages[index]!, layout.stages[index + 1]!];
      expect(edge.points[0]!.y).toBe(from.y + from.height);
      expect(edge.points.at(-1)!.y).toBe(to.y);
    });
  });

  it('draws an arrow from each item named in "after" down to the item that names it', () => {
    const byKey = new Map(items.map((item) => [item.entry.key, item]));
    const expected = items.flatMap((item) => (item.entry.item.after ?? []).map((id) => `${item.entry.checklistId}/${id}>${item.entry.key}`));
    const order = layout.edges.filter((edge) => edge.kind === 'order');
    expect(order.map((edge) => `${edge.from}>${edge.to}`).sort()).toEqual(expected.sort());
    for (const edge of order) {
      const [from, to] = [byKey.get(edge.from)!, byKey.get(edge.to)!];
      expect(from.y + from.height).toBeLessThanOrEqual(to.y);
      expect(edge.points[0]!.y).toBe(from.y + from.height);
      expect(edge.points.at(-1)!.y).toBe(to.y);
    }
  });

  it('gives the same layout and markup for the same data', async () => {
    const again = await layoutMap(learningMap(data.checklists, track));
    expect(again).toEqual(layout);
    expect(html(again)).toBe(html(layout));
  });
});

describe('a map is generated from the checklist files', () => {
  it('adds a node for an item added to a file, with no coordinates written anywhere', async () => {
    const [id, stage] = [...data.checklists].find(([, checklist]) => checklist.track === 'mlops')!;
    const group = stage.groups[0]!;
    const added: Checklist = {
      ...stage,
      groups: [{ ...group, items: [...group.items, { id: 'new-skill', label: 'A skill added to the file', detail: 'Shows that a new item becomes a node.', page: 'mlops' }] }, ...stage.groups.slice(1)],
    };
    const checklists = new Map(data.checklists).set(id, added);
    const layout = await layoutMap(learningMap(checklists, 'mlops'));
    const boxes = layout.stages.flatMap((s) => s.groups.flatMap((g) => g.items));
    expect(boxes.filter((box) => box.entry.key === `${id}/new-skill`)).toHaveLength(1);
    expect(pairs(boxes).filter(([a, b]) => overlap(a, b))).toEqual([]);
    expect(html(layout)).toContain('data-roadmap-node="new-skill"');
  });

  it('orders a group by "after" even when the file lists an item before the ones it follows', async () => {
    const items = [
      { id: 'deploy', label: 'Deploy it', detail: 'Put the model behind an API.', page: 'mlops', after: ['train'] },
      { id: 'train', label: 'Train it', detail: 'Fit a first model on the data.', page: 'mlops' },
    ];
    const stage: Checklist = { title: 'Only stage', track: 'mlops', order: 1, page: 'mlops', focus: 'A stage made for this test.', groups: [{ id: 'steps', title: 'Steps', items }] };
    const layout = await layoutMap(learningMap(new Map([['only', stage]]), 'mlops'));
    const [first, second] = layout.stages[0]!.groups[0]!.items;
    expect([first!.entry.item.id, second!.entry.item.id]).toEqual(['train', 'deploy']);
    expect(first!.y + first!.height).toBeLessThanOrEqual(second!.y);
  });
});

describe('item labels', () => {
  it('wrap into lines that fit the box and keep every word', () => {
    const label = 'Multi-model serving optimisation: batching, quantisation, pruning';
    for (const width of [120, 162, 300]) {
      const lines = wrapLabel(label, width);
      expect(lines.join(' ')).toBe(label);
      for (const line of lines) if (line.includes(' ')) expect(textWidth(line, 14)).toBeLessThanOrEqual(width);
    }
  });
});
