import { renderMermaidSVG } from 'beautiful-mermaid';
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { describeDiagram, type Diagram } from '../site/diagrams.ts';

/**
 * Draws a diagram, read and checked by `readDiagram`, as inline SVG at build time. The layout and the
 * shapes come from beautiful-mermaid (ELK's layered layout, no browser); what it writes is then made a
 * part of the page: its stylesheet (which would fetch a web font) is dropped for the site's own rules,
 * which colour it from the theme's tokens in light and dark; its ids get the diagram's prefix so that
 * two diagrams on a page never share one; and it is named by a <title> and described by a <desc>.
 */

/** The colours the drawing library paints with, as CSS variables the site's stylesheet sets (custom.css, `.diagram`). */
const THEMED_COLOURS = { bg: 'var(--bg)', fg: 'var(--fg)', transparent: true } as const;
/** Tighter than the library's defaults, so that a drawing takes less of the page. */
const SPACING = { padding: 12, nodeSpacing: 24, layerSpacing: 36 } as const;

/** The width of the page's text column on a desktop screen, in CSS pixels: a wider drawing would be shrunk past reading. */
export const COLUMN_WIDTH = 720;
/** A drawing wider than this, in CSS pixels, is drawn a second time from top to bottom for narrow screens. */
export const NARROW_SCREEN_LIMIT = 520;

export interface DiagramDrawing {
  svg: Element;
  width: number;
}

const round = (value: string): string => value.replace(/-?\d+\.\d{2,}/g, (number) => String(Math.round(Number(number) * 10) / 10));

function roundProperties(properties: Properties): void {
  for (const [name, value] of Object.entries(properties)) {
    if (typeof value === 'string') properties[name] = round(value);
    else if (typeof value === 'number' && !Number.isInteger(value)) properties[name] = Math.round(value * 10) / 10;
    if (name.startsWith('data')) delete properties[name];
  }
}

/** Gives every id in the drawing the prefix, and every `url(#id)` that points at one. */
function prefixIds(node: Element, prefix: string): void {
  const properties = node.properties;
  if (typeof properties['id'] === 'string') properties['id'] = `${prefix}-${properties['id']}`;
  for (const [name, value] of Object.entries(properties)) {
    if (typeof value === 'string' && value.includes('url(#')) properties[name] = value.replaceAll('url(#', `url(#${prefix}-`);
  }
}

function clean(nodes: RootContent[] | ElementContent[], prefix: string): ElementContent[] {
  const kept: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'comment' || node.type === 'doctype') continue;
    if (node.type === 'text') {
      if (node.value.trim() !== '') kept.push(node);
      continue;
    }
    if (node.type !== 'element' || node.tagName === 'style') continue;
    roundProperties(node.properties);
    prefixIds(node, prefix);
    node.children = clean(node.children, prefix);
    kept.push(node);
  }
  return kept;
}

/** Draws `diagram` as an `<svg role="img">` named by its title and described in words. `id` must be unique on the page. */
export function drawDiagram(diagram: Diagram, id: string, direction = diagram.direction): DiagramDrawing {
  const source = direction === diagram.direction ? diagram.source : diagram.source.replace(/^(\s*(?:flowchart|graph)\s+)(LR|RL|TD|TB|BT)/m, `$1${direction}`);
  const tree: Root = fromHtml(renderMermaidSVG(source, { ...THEMED_COLOURS, ...SPACING }), { fragment: true });
  const svg = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'svg');
  if (!svg) throw new Error(`the diagram "${diagram.title}" was drawn without an <svg> element`);
  const width = Math.ceil(Number(svg.properties['width'] ?? 0));
  const height = Math.ceil(Number(svg.properties['height'] ?? 0));
  svg.children = clean(svg.children, id);
  svg.properties = {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: round(String(svg.properties['viewBox'] ?? `0 0 ${width} ${height}`)),
    width,
    height,
    role: 'img',
    ariaLabelledBy: [`${id}-title`],
    ariaDescribedBy: [`${id}-desc`],
    className: ['diagram-svg'],
  };
  svg.children.unshift(
    { type: 'element', tagName: 'title', properties: { id: `${id}-title` }, children: [{ type: 'text', value: diagram.title }] },
    { type: 'element', tagName: 'desc', properties: { id: `${id}-desc` }, children: [{ type: 'text', value: describeDiagram(diagram) }] },
  );
  return { svg, width };
}
