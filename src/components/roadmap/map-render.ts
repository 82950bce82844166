import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { RESOURCE_KINDS, type Resource } from '../../schemas/resource.ts';
import { checklistHeadingId } from '../../site/component-anchors.ts';
import { itemPagePath, itemPageTarget, mapAnchor, mapNodeAnchor, mapPanelTitleId, mapStageAnchor, type MapItem } from '../../site/learning-maps.ts';
import { pagePath } from '../../site/routes.ts';
import { STATUS_LABELS } from '../progress/progress-store.ts';
import type { Box, MapEdge, MapLayout, PlacedGroup, PlacedItem, PlacedStage } from './map-layout.ts';

/**
 * A laid-out map as HTML (a hast tree), the same markup for every reader:
 * - a nested list of stages, groups and items, which screen readers, phones and print read as a path;
 * - where the map's column is wide enough, the style sheet places each box at its laid-out place and
 *   an SVG underneath draws the path between stages and the arrows between ordered items;
 * - each item is a link to its panel (`#node-<id>`), which follows it in the list: its explanation, the
 *   page that teaches it, the moments behind it, its tools and resources. Without JavaScript a panel
 *   opens as the link's target; the map's script opens it in place, with the reader's state menu.
 * The contract for tests: `data-roadmap-map`, `data-roadmap-node` with `data-state`, and
 * `data-roadmap-panel` on the open panel (set by the script).
 */

/** What the panels need from the rest of the site, looked up by the component that renders the map. */
export interface MapRenderContext {
  base: string;
  /** The title of a page, and the words of one of its headings. */
  pageTitle: (pageId: string) => string;
  headingText: (pageId: string, anchor: string) => string | undefined;
  /** A moment (`slug@m:ss`) rendered as a citation with its preview, with the episode's title. */
  citation: (moment: string, id: string) => { element: Element; episodeTitle: string; guests: string; note: string | undefined } | undefined;
  tool: (id: string) => { name: string; href: string } | undefined;
  resource: (id: string) => Resource | undefined;
}

const px = (value: number) => `${value}px`;

/** The CSS custom properties that place a box inside its parent box, used only where the map is drawn wide. */
function placed(box: Box, parent: { x: number; y: number }): string {
  return `--x:${px(box.x - parent.x)};--y:${px(box.y - parent.y)};--w:${px(box.width)};--h:${px(box.height)}`;
}

const stateText = (label: string) => `, ${label.toLowerCase()}`;

export function renderMap(layout: MapLayout, context: MapRenderContext): Element {
  const { map } = layout;
  const origin = { x: 0, y: 0 };
  const itemsCount = map.items.length;
  return h(
    'section',
    {
      className: ['roadmap-map', 'not-content'],
      id: mapAnchor(map.track),
      'aria-label': `Map of the ${map.title}: ${map.stages.length} stages, ${itemsCount} items`,
      'data-roadmap-map': map.track,
      'data-pagefind-ignore': '',
    },
    [
      legend(),
      h('div', { className: ['map-canvas'], style: `--map-width:${px(layout.width)};--map-height:${px(layout.height)}` }, [
        h(
          'ol',
          { className: ['map-stages'] },
          layout.stages.map((stage, index) => renderStage(stage, index, layout, context, origin)),
        ),
        // After the boxes, so the arrows between items show over the stages' backgrounds; they only run in the gaps.
        lines(layout),
      ]),
      h('noscript', [h('p', { className: ['map-noscript'] }, 'Each item opens its panel. With JavaScript on, the map also shows and saves your progress, as the checklists do.')]),
    ],
  );
}

function legend(): Element {
  const states = ['todo', 'in-progress', 'done', 'skipped'] as const;
  return h(
    'ul',
    { className: ['map-legend'], 'aria-label': 'What the marks on the map mean' },
    states.map((state) => h('li', { 'data-state': state }, [h('span', { className: ['map-icon'], 'aria-hidden': 'true' }), STATUS_LABELS[state]])),
  );
}

/** The path from stage to stage and the arrows between ordered items; decoration only. */
function lines(layout: MapLayout): Element {
  const marker = `map-arrow-${layout.map.track}`;
  const d = (edge: MapEdge) => edge.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ');
  return h(
    'svg',
    { className: ['map-lines'], 'aria-hidden': 'true', focusable: 'false', width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}` },
    [
      h('defs', [h('marker', { id: marker, viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' }, [h('path', { d: 'M0 0L8 4L0 8z' })])]),
      ...layout.edges
        .filter((edge) => edge.points.length > 1)
        .map((edge) => h('path', { className: [edge.kind === 'path' ? 'map-path' : 'map-order'], d: d(edge), ...(edge.kind === 'order' ? { 'marker-end': `url(#${marker})` } : {}) })),
    ],
  );
}

function renderStage(placedStage: PlacedStage, index: number, layout: MapLayout, context: MapRenderContext, origin: { x: number; y: number }): Element {
  const { stage } = placedStage;
  const count = stage.groups.reduce((sum, group) => sum + group.items.length, 0);
  const titleId = mapStageAnchor(layout.map.track, stage.checklistId);
  return h('li', { className: ['map-stage'], style: placed(placedStage, origin), 'data-map-stage': stage.checklistId, 'aria-labelledby': titleId }, [
    h('div', { className: ['map-stage-head'] }, [
      h('span', { className: ['map-stage-number'], 'aria-hidden': 'true' }, String(index + 1)),
      h('a', { className: ['map-stage-title'], id: titleId, href: pagePath(stage.checklist.page, context.base) }, [
        h('span', { className: ['sr-only'] }, `Stage ${index + 1}: `),
        stage.checklist.title,
      ]),
      h('span', { className: ['map-stage-count'], 'data-map-stage-count': '' }, `${count} ${count === 1 ? 'item' : 'items'}`),
    ]),
    h(
      'ul',
      { className: ['map-groups'] },
      placedStage.groups.map((group) => renderGroup(group, placedStage, index, layout, context)),
    ),
  ]);
}

function renderGroup(placedGroup: PlacedGroup, stage: PlacedStage, stageIndex: number, layout: MapLayout, context: MapRenderContext): Element {
  const titleId = `${mapAnchor(layout.map.track)}-${stage.stage.checklistId}--${placedGroup.group.group.id}`;
  return h('li', { className: ['map-group'], style: placed(placedGroup, stage) }, [
    h('span', { className: ['map-group-title'], id: titleId }, placedGroup.group.group.title),
    h(
      'ul',
      { className: ['map-items'], 'aria-labelledby': titleId },
      placedGroup.items.map((item) => renderItem(item, placedGroup, stage, stageIndex, layout, context)),
    ),
  ]);
}

function renderItem(placedItem: PlacedItem, group: PlacedGroup, stage: PlacedStage, stageIndex: number, layout: MapLayout, context: MapRenderContext): Element {
  const { entry } = placedItem;
  const anchor = mapNodeAnchor(entry.item.id);
  return h('li', { className: ['map-item'], style: placed(placedItem, group) }, [
    h(
      'a',
      {
        className: ['map-node'],
        href: `#${anchor}`,
        'data-roadmap-node': entry.item.id,
        'data-state': 'todo',
        'data-progress-key': entry.key,
        'aria-controls': anchor,
        'aria-expanded': 'false',
      },
      [
        h('span', { className: ['map-icon'], 'aria-hidden': 'true' }),
        h('span', { className: ['map-label'] }, placedItem.lines.flatMap((line, index) => (index === 0 ? [line] : [' ', line]))),
        h('span', { className: ['sr-only'], 'data-map-state-text': '' }, stateText(STATUS_LABELS.todo)),
      ],
    ),
    renderPanel(entry, group, stage, stageIndex, layout, context),
  ]);
}

function renderPanel(entry: MapItem, group: PlacedGroup, stage: PlacedStage, stageIndex: number, layout: MapLayout, context: MapRenderContext): Element {
  const { item } = entry;
  const anchor = mapNodeAnchor(item.id);
  const titleId = mapPanelTitleId(item.id);
  const { checklist, checklistId } = stage.stage;
  const sections: Element[] = [];
  const moments = momentsByEpisode(item.moments ?? [], anchor, context);
  if (moments.length > 0) sections.push(panelList('Behind it', 'Moments from the podcast that this item rests on: play one, or open its notes.', moments));
  const tools = (item.tools ?? []).flatMap((id) => {
    const tool = context.tool(id);
    return tool ? [h('li', [h('a', { href: tool.href }, tool.name)])] : [];
  });
  if (tools.length > 0) sections.push(panelList(tools.length === 1 ? 'Tool' : 'Tools', undefined, tools));
  const resources = (item.resources ?? []).flatMap((id) => {
    const resource = context.resource(id);
    return resource
      ? [h('li', [h('a', { href: resource.url, rel: 'noopener noreferrer' }, resource.title), ' ', h('span', { className: ['map-resource-meta'] }, `${RESOURCE_KINDS[resource.kind]} · ${resource.provider}`)])]
      : [];
  });
  if (resources.length > 0) sections.push(panelList('Learn more', undefined, resources));
  return h('section', { className: ['map-panel'], id: anchor, 'aria-labelledby': titleId, tabindex: '-1' }, [
    h('div', { className: ['map-panel-top'] }, [
      h('p', { className: ['map-panel-context'] }, `Stage ${stageIndex + 1} · ${checklist.title} · ${group.group.group.title}`),
      h('a', { className: ['map-panel-close'], href: `#${mapAnchor(layout.map.track)}`, 'data-map-close': '' }, ['Close', h('span', { className: ['sr-only'] }, ` the panel of “${item.label}”`)]),
    ]),
    h('h3', { className: ['map-panel-title'], id: titleId }, item.label),
    h('p', { className: ['map-panel-detail'] }, item.detail),
    ...(item.page === undefined ? [] : [learnIt(item.page, context)]),
    h('div', { className: ['map-panel-state'], 'data-map-state-slot': '', 'data-progress-key': entry.key }),
    ...sections,
    h('p', { className: ['map-panel-stage'] }, [h('a', { href: `${pagePath(checklist.page, context.base)}#${checklistHeadingId(checklistId)}` }, `Every item of ${checklist.title}, as a checklist`)]),
  ]);
}

/** The moments behind an item, one entry per episode: its title, then each moment as a citation with its note. */
function momentsByEpisode(moments: readonly string[], anchor: string, context: MapRenderContext): Element[] {
  const episodes = new Map<string, { title: string; guests: string; moments: Element[] }>();
  moments.forEach((moment, index) => {
    const rendered = context.citation(moment, `${anchor}-moment-${index + 1}`);
    if (!rendered) return;
    const entry = episodes.get(rendered.episodeTitle) ?? { title: rendered.episodeTitle, guests: rendered.guests, moments: [] };
    entry.moments.push(h('li', [rendered.element, ...(rendered.note ? [' ', h('span', { className: ['map-moment-note'] }, rendered.note)] : [])]));
    episodes.set(rendered.episodeTitle, entry);
  });
  return [...episodes.values()].map((episode) =>
    h('li', { className: ['map-episode'] }, [h('span', { className: ['map-episode-title'] }, episode.title), ' ', h('span', { className: ['map-episode-guests'] }, `with ${episode.guests}`), h('ul', episode.moments)]),
  );
}

/** "Learn it in Model monitoring: Drift", linking to the heading that teaches the item. */
function learnIt(page: string, context: MapRenderContext): Element {
  const { pageId, anchor } = itemPageTarget(page);
  const heading = anchor === undefined ? undefined : context.headingText(pageId, anchor);
  const title = context.pageTitle(pageId);
  return h('p', { className: ['map-panel-learn'] }, ['Learn it in ', h('a', { href: itemPagePath(page, context.base) }, heading ? `${title}: ${heading}` : title)]);
}

function panelList(title: string, intro: string | undefined, items: ElementContent[]): Element {
  return h('div', { className: ['map-panel-section'] }, [h('h4', title), ...(intro ? [h('p', { className: ['map-panel-intro'] }, intro)] : []), h('ul', items)]);
}
