import { placeLabels } from './graph-labels.ts';
import { GRAPH_LABEL_PX, insideView, labelBox } from './graph-view.ts';
import { safeDecode } from '../lib/uri.ts';
import { findNodes } from './graph-find.ts';

/**
 * The site graph's explorer: pick a node (pointer, keyboard or its name) to light up its neighbours and
 * list them, zoom and pan, and show only some sections. The picture itself is drawn at build time; this
 * script moves the view box, toggles classes and places labels so that none overlap.
 */

interface GraphNodeView {
  element: SVGAElement;
  text: SVGTextElement;
  x: number;
  y: number;
  radius: number;
  group: string;
  neighbours: number[];
  name: string;
  /** The label's width on screen at its constant size. */
  labelWidth: number;
}

interface View {
  x: number;
  y: number;
  width: number;
}

const MAX_ZOOM = 8;

function setIfChanged(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
const ZOOM_STEP = 1.6;
/** A pointer that moves further than this between press and release pans instead of picking a node. */
const DRAG_PX = 6;
/** How far from a node's edge a tap still picks it: half of a 44 px target. */
const TAP_REACH_PX = 22;
/** Suggestions shown under the find field. */
const MAX_SUGGESTIONS = 8;

export function startGraphExplorer(root: HTMLElement): void {
  const svg = root.querySelector<SVGSVGElement>('.graph-svg')!;
  const width = Number(svg.dataset['width']);
  const height = Number(svg.dataset['height']);
  const findInput = root.querySelector<HTMLInputElement>('[data-graph-find]')!;
  const status = root.querySelector<HTMLElement>('[data-graph-status]')!;
  const neighbourList = root.querySelector<HTMLElement>('[data-graph-neighbours]')!;
  const edgePaths = [...svg.querySelectorAll<SVGPathElement>('.graph-edges path')];
  const highlight = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  highlight.classList.add('graph-highlight');
  highlight.setAttribute('aria-hidden', 'true');
  svg.querySelector('.graph-nodes')!.before(highlight);

  const labels = [...svg.querySelectorAll<SVGTextElement>('.graph-labels text')];
  const nodes: GraphNodeView[] = [...svg.querySelectorAll<SVGAElement>('.graph-node')].map((element, index) => {
    const circle = element.querySelector('circle')!;
    return {
      element,
      text: labels[index]!,
      x: circle.cx.baseVal.value,
      y: circle.cy.baseVal.value,
      radius: circle.r.baseVal.value,
      group: element.dataset['group'] ?? '',
      neighbours: (element.dataset['neighbours'] ?? '').split(' ').filter(Boolean).map(Number),
      name: labels[index]!.textContent ?? '',
      labelWidth: 0,
    };
  });
  const sectionNames = new Map([...root.querySelectorAll<HTMLInputElement>('[data-graph-filter]')].map((input) => [input.value, input.parentElement?.textContent?.trim() ?? input.value]));

  // Labels are measured at their on-screen size with a canvas, on the first drawing: measuring the
  // picture's own text would lay out every label at once, a long task on a slow phone.
  let measured = false;
  const measureLabels = () => {
    measured = true;
    const measure = document.createElement('canvas').getContext('2d');
    if (!measure) return;
    measure.font = `${GRAPH_LABEL_PX}px ${getComputedStyle(svg).fontFamily}`;
    for (const node of nodes) node.labelWidth = measure.measureText(node.name).width;
  };

  let view: View = { x: 0, y: 0, width };
  let selected = -1;
  let hovered = -1;
  let current = 0;
  const hiddenGroups = new Set<string>();
  let frame = 0;

  const visible = (index: number) => !hiddenGroups.has(nodes[index]!.group);
  const zoom = () => width / view.width;
  const pixelsPerUnit = () => svg.clientWidth / view.width;

  function clampView(next: View): View {
    const w = Math.min(width, Math.max(width / MAX_ZOOM, next.width));
    const h = (w * height) / width;
    return { x: Math.min(width - w, Math.max(0, next.x)), y: Math.min(height - h, Math.max(0, next.y)), width: w };
  }

  /** Zooms by `factor` keeping the graph point under (px, py) on screen where it is. */
  function zoomAt(factor: number, px = svg.clientWidth / 2, py = svg.clientHeight / 2): void {
    const scale = pixelsPerUnit();
    const ux = view.x + px / scale;
    const uy = view.y + py / scale;
    const w = view.width / factor;
    const s = svg.clientWidth / w;
    view = clampView({ x: ux - px / s, y: uy - py / s, width: w });
    schedule();
  }

  /** Brings a node into view, zooming in to at least `minZoom`, with it in the middle. */
  function centreOn(index: number, minZoom = zoom()): void {
    const node = nodes[index]!;
    const w = width / Math.max(zoom(), minZoom);
    const h = (w * height) / width;
    view = clampView({ x: node.x - w / 2, y: node.y - h / 2, width: w });
  }

  function inView(index: number): boolean {
    const node = nodes[index]!;
    const h = (view.width * height) / width;
    return node.x >= view.x && node.x <= view.x + view.width && node.y >= view.y && node.y <= view.y + h;
  }

  function schedule(): void {
    if (!frame) frame = requestAnimationFrame(render);
  }

  function render(): void {
    frame = 0;
    if (!measured) measureLabels();
    const scale = pixelsPerUnit();
    // Attributes are written only when they change: each write makes the browser restyle the picture.
    setIfChanged(svg, 'viewBox', `${view.x} ${view.y} ${view.width} ${(view.width * height) / width}`);
    const unitsPerPixel = String(Math.round((1 / scale) * 1000) / 1000);
    if (svg.style.getPropertyValue('--u') !== unitsPerPixel) svg.style.setProperty('--u', unitsPerPixel);
    svg.classList.toggle('is-zoomed', zoom() > 1.01);
    const focus = hovered >= 0 ? hovered : selected;
    const lit = new Set(focus >= 0 ? nodes[focus]!.neighbours.filter(visible) : []);
    svg.classList.toggle('has-selection', focus >= 0);
    nodes.forEach((node, index) => {
      setIfChanged(node.element, 'tabindex', index === current ? '0' : '-1');
      node.element.classList.toggle('is-selected', index === focus);
      node.text.classList.toggle('is-selected', index === focus);
      node.text.classList.toggle('is-filtered', !visible(index));
      node.element.classList.toggle('is-neighbour', lit.has(index));
      node.element.classList.toggle('is-filtered', !visible(index));
    });
    for (const path of edgePaths) path.classList.toggle('is-filtered', (path.dataset['groups'] ?? '').split(' ').some((group) => hiddenGroups.has(group)));
    setIfChanged(highlight, 'd', focus >= 0 ? [...lit].map((i) => `M${nodes[focus]!.x} ${nodes[focus]!.y}L${nodes[i]!.x} ${nodes[i]!.y}`).join('') : 'M0 0');
    // Labels: the picked node first, then its neighbours, then the most connected; none may overlap.
    const order = focus >= 0 ? [focus, ...lit, ...nodes.keys()] : [...nodes.keys()];
    const screenHeight = svg.clientHeight;
    const boxes = order.map((index) => {
      const node = nodes[index]!;
      if (!visible(index) || (focus >= 0 && index !== focus && !lit.has(index))) return undefined;
      const box = labelBox({ x: (node.x - view.x) * scale, y: (node.y - view.y) * scale, radius: node.radius * scale, labelWidth: node.labelWidth });
      return insideView(box, { width: svg.clientWidth, height: screenHeight }) ? box : undefined;
    });
    const svgBox = svg.getBoundingClientRect();
    const obstacles = [...root.querySelectorAll('.graph-zoom')].map((element) => {
      const box = element.getBoundingClientRect();
      return { x: box.left - svgBox.left, y: box.top - svgBox.top, width: box.width, height: box.height };
    });
    const placed = placeLabels(boxes, obstacles);
    const shown = new Set(order.filter((_, k) => placed[k]));
    nodes.forEach((node, index) => node.text.classList.toggle('is-labelled', shown.has(index)));
  }

  function select(index: number, options: { focus?: boolean; zoomTo?: number } = {}): void {
    if (index >= 0 && (options.zoomTo || !inView(index))) centreOn(index, options.zoomTo);
    if (index !== selected) {
      selected = index;
      if (index >= 0) current = index;
      describeSelection();
      const id = index >= 0 ? nodes[index]!.element.id : '';
      history.replaceState(history.state, '', id ? `#${id}` : location.pathname + location.search);
    }
    if (options.focus && index >= 0) {
      // Drawn now, so a node whose section was just shown again can take focus; the focus event it
      // fires finds the node already picked.
      cancelAnimationFrame(frame);
      render();
      nodes[index]!.element.focus({ preventScroll: true });
    } else schedule();
  }

  function describeSelection(): void {
    neighbourList.replaceChildren();
    if (selected < 0) {
      status.replaceChildren();
      return;
    }
    const node = nodes[selected]!;
    const shown = node.neighbours.filter(visible).sort((a, b) => nodes[a]!.name.localeCompare(nodes[b]!.name));
    const open = document.createElement('a');
    open.href = node.element.getAttribute('href') ?? '';
    open.textContent = node.name;
    status.replaceChildren(open, ` (${sectionNames.get(node.group) ?? node.group}): ${shown.length} ${shown.length === 1 ? 'neighbour' : 'neighbours'} shown`);
    status.title = `Open ${node.name}`;
    for (const index of shown) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = nodes[index]!.name;
      button.classList.add(`group-${nodes[index]!.group}`);
      button.addEventListener('click', () => select(index));
      const item = document.createElement('li');
      item.append(button);
      neighbourList.append(item);
    }
  }

  const indexOf = (target: EventTarget | null): number => {
    const element = target instanceof Element ? target.closest('.graph-node') : null;
    return element ? nodes.findIndex((node) => node.element === element) : -1;
  };

  /** The nearest visible node from `from` in the direction of an arrow key. */
  function neighbourInDirection(from: number, dx: number, dy: number): number {
    const origin = nodes[from]!;
    let best = -1;
    let bestScore = Infinity;
    nodes.forEach((node, index) => {
      if (index === from || !visible(index)) return;
      const along = (node.x - origin.x) * dx + (node.y - origin.y) * dy;
      const across = Math.abs((node.x - origin.x) * dy - (node.y - origin.y) * dx);
      if (along <= 0 || across > along * 2) return;
      const score = along + across * 2;
      if (score < bestScore) [best, bestScore] = [index, score];
    });
    return best;
  }

  /** The visible node drawn nearest to a point on screen, within `reach` pixels, or -1. */
  function nearestNode(clientX: number, clientY: number, reach: number): number {
    const box = svg.getBoundingClientRect();
    const scale = pixelsPerUnit();
    let best = -1;
    let bestDistance = reach;
    nodes.forEach((node, index) => {
      if (!visible(index)) return;
      const distance = Math.hypot(box.left + (node.x - view.x) * scale - clientX, box.top + (node.y - view.y) * scale - clientY) - node.radius * scale;
      if (distance < bestDistance) [best, bestDistance] = [index, distance];
    });
    return best;
  }

  const pointers = new Map<number, { x: number; y: number }>();
  /** Whether the coming click follows a press; a click without one comes from the keyboard. */
  let pressed = false;
  const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

  svg.addEventListener('keydown', (event) => {
    pressed = false;
    const arrow = ARROWS[event.key];
    if (arrow) {
      event.preventDefault();
      const next = neighbourInDirection(current, ...arrow);
      if (next >= 0) select(next, { focus: true });
    } else if (event.key === '+' || event.key === '=') zoomAt(ZOOM_STEP);
    else if (event.key === '-') zoomAt(1 / ZOOM_STEP);
    else if (event.key === 'Escape') select(-1);
    else return;
    event.stopPropagation();
  });

  // Focus from the keyboard picks the node; focus from a press or a tap waits for the click, which decides.
  svg.addEventListener('focusin', (event) => {
    const index = indexOf(event.target);
    if (index >= 0 && !pressed) select(index);
  });

  // Pointer: press and release in place picks a node (a second pick opens it); a drag pans; two fingers pinch.
  let travelled = 0;
  let pinch = 0;
  svg.addEventListener('pointerdown', (event) => {
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    travelled = 0;
    pressed = true;
  });
  svg.addEventListener('pointermove', (event) => {
    const last = pointers.get(event.pointerId);
    if (event.pointerType === 'mouse') {
      const index = indexOf(event.target);
      if (index !== hovered && !last) {
        hovered = index;
        schedule();
      }
    }
    if (!last) return;
    const dx = event.clientX - last.x;
    const dy = event.clientY - last.y;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    travelled += Math.hypot(dx, dy);
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const distance = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      const box = svg.getBoundingClientRect();
      if (pinch) zoomAt(distance / pinch, (a!.x + b!.x) / 2 - box.left, (a!.y + b!.y) / 2 - box.top);
      pinch = distance;
    } else if (travelled > DRAG_PX) {
      if (!svg.hasPointerCapture(event.pointerId)) svg.setPointerCapture(event.pointerId);
      const scale = pixelsPerUnit();
      view = clampView({ ...view, x: view.x - dx / scale, y: view.y - dy / scale });
      schedule();
    }
  });
  const release = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = 0;
  };
  svg.addEventListener('pointerup', release);
  svg.addEventListener('pointercancel', release);
  svg.addEventListener('pointerleave', () => {
    if (hovered >= 0) {
      hovered = -1;
      schedule();
    }
  });
  svg.addEventListener('click', (event) => {
    const fromPointer = pressed;
    pressed = false;
    if (fromPointer && travelled > DRAG_PX) {
      event.preventDefault();
      return;
    }
    let index = indexOf(event.target);
    // Enter on a focused node, and a second pick of the picked node, follow the link.
    if (index >= 0 && (!fromPointer || index === selected)) return;
    event.preventDefault();
    // A finger is wider than a dot: a tap beside a node picks the nearest one within reach.
    if (index < 0 && fromPointer) index = nearestNode(event.clientX, event.clientY, TAP_REACH_PX);
    hovered = -1;
    select(index, { focus: index >= 0 });
  });
  // A node is a link, which the browser would otherwise start dragging instead of panning the graph.
  svg.addEventListener('dragstart', (event) => event.preventDefault());
  svg.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const box = svg.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)), event.clientX - box.left, event.clientY - box.top);
    },
    { passive: false },
  );

  root.querySelectorAll<HTMLButtonElement>('[data-graph-zoom]').forEach((button) =>
    button.addEventListener('click', () => {
      const action = button.dataset['graphZoom'];
      if (action === 'fit') {
        view = { x: 0, y: 0, width };
        schedule();
      } else if (selected >= 0 && action === 'in') {
        centreOn(selected, zoom() * ZOOM_STEP);
        schedule();
      } else zoomAt(action === 'in' ? ZOOM_STEP : 1 / ZOOM_STEP);
    }),
  );

  root.querySelectorAll<HTMLInputElement>('[data-graph-filter]').forEach((input) =>
    input.addEventListener('change', () => {
      if (input.checked) hiddenGroups.delete(input.value);
      else hiddenGroups.add(input.value);
      if (selected >= 0 && !visible(selected)) select(-1);
      else describeSelection();
      if (!visible(current)) current = nodes.findIndex((_, index) => visible(index));
      schedule();
    }),
  );

  const pick = (index: number, focus: boolean) => {
    if (index < 0) return;
    if (!visible(index)) {
      hiddenGroups.delete(nodes[index]!.group);
      root.querySelectorAll<HTMLInputElement>('[data-graph-filter]').forEach((input) => (input.checked = !hiddenGroups.has(input.value)));
    }
    select(index, { focus, zoomTo: 2.5 });
  };

  // Find as you type: a combobox whose suggestions match every word typed, also part of a word.
  const suggestions = root.querySelector<HTMLUListElement>('[data-graph-suggestions]')!;
  let matches: number[] = [];
  let active = -1;
  const showSuggestions = (next: number[]) => {
    matches = next;
    active = -1;
    suggestions.replaceChildren(
      ...matches.map((index, position) => {
        const option = document.createElement('li');
        option.id = `graph-option-${position}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.append(nodes[index]!.name);
        const group = document.createElement('span');
        group.className = 'graph-option-group';
        group.textContent = sectionNames.get(nodes[index]!.group) ?? nodes[index]!.group;
        option.append(group);
        // Pressing an option must not take the focus from the field before the click picks it.
        option.addEventListener('pointerdown', (event) => event.preventDefault());
        option.addEventListener('click', () => choose(index, false));
        return option;
      }),
    );
    suggestions.hidden = matches.length === 0;
    findInput.setAttribute('aria-expanded', String(matches.length > 0));
    findInput.removeAttribute('aria-activedescendant');
  };
  const setActive = (position: number) => {
    active = position;
    suggestions.querySelectorAll('[role="option"]').forEach((option, at) => option.setAttribute('aria-selected', String(at === position)));
    if (position >= 0) {
      findInput.setAttribute('aria-activedescendant', `graph-option-${position}`);
      suggestions.children[position]?.scrollIntoView({ block: 'nearest' });
    } else findInput.removeAttribute('aria-activedescendant');
  };
  const choose = (index: number, focus: boolean) => {
    findInput.value = nodes[index]!.name;
    showSuggestions([]);
    pick(index, focus);
  };
  findInput.addEventListener('input', () => {
    const found = findNodes(nodes.map((node) => node.name), findInput.value, MAX_SUGGESTIONS);
    showSuggestions(found);
    // A name typed in full picks its node at once.
    const exact = found.find((index) => nodes[index]!.name.toLowerCase() === findInput.value.trim().toLowerCase());
    if (exact !== undefined) {
      // The list closes so that it covers nothing; typing on opens it again.
      showSuggestions([]);
      pick(exact, false);
    }
  });
  findInput.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (matches.length === 0) showSuggestions(findNodes(nodes.map((node) => node.name), findInput.value, MAX_SUGGESTIONS));
      if (matches.length === 0) return;
      setActive(event.key === 'ArrowDown' ? (active + 1) % matches.length : (active - 1 + matches.length) % matches.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const index = matches[active >= 0 ? active : 0] ?? findNodes(nodes.map((node) => node.name), findInput.value, 1)[0];
      if (index !== undefined) choose(index, true);
    } else if (event.key === 'Escape') {
      if (matches.length > 0) {
        event.preventDefault();
        showSuggestions([]);
      }
    }
  });
  findInput.addEventListener('blur', () => showSuggestions([]));

  new ResizeObserver(schedule).observe(svg);
  // An address ending in a node's id (from a page's "Explore it in the site graph") opens on that node.
  const selectFromAddress = () => {
    const index = nodes.findIndex((node) => `#${node.element.id}` === safeDecode(location.hash));
    if (index >= 0) select(index, { zoomTo: 2.5 });
  };
  window.addEventListener('hashchange', selectFromAddress);
  // The first drawing for this screen comes from the resize observer, in the frame after this script.
  selectFromAddress();
}
