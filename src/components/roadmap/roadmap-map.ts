import { onProgressChange, readProgress, writeProgress } from '../progress/progress-client.ts';
import { describeSummary, STATUS_LABELS, statusOf, summarise, withStatus, type ItemStatus } from '../progress/progress-store.ts';

/**
 * The map in the browser. Everything is drawn at build time; this script only
 * - shows the reader's saved state on each node (`data-state`, its icon and its words) and each stage's
 *   count, now and whenever progress changes (on this page, on a stage page, in another tab);
 * - opens a node's panel in place on click, Enter or tap, with `#node-<id>` in the address so the panel
 *   can be shared, and closes it with its Close link, Escape, a second click or the Back button;
 * - adds the state menu to an open panel, which saves to the same store as the checklists.
 */

const STATES = Object.keys(STATUS_LABELS) as ItemStatus[];

interface OpenPanel {
  node: HTMLAnchorElement;
  panel: HTMLElement;
}

function showState(node: HTMLAnchorElement, status: ItemStatus): void {
  node.dataset['state'] = status;
  const words = node.querySelector('[data-map-state-text]');
  if (words) words.textContent = `, ${STATUS_LABELS[status].toLowerCase()}`;
}

/** The radio buttons that set an item's state, built the first time its panel opens. */
function stateMenu(slot: HTMLElement, key: string): HTMLFieldSetElement {
  const existing = slot.querySelector('fieldset');
  if (existing) return existing;
  const menu = document.createElement('fieldset');
  menu.className = 'map-state-menu';
  const legend = document.createElement('legend');
  legend.textContent = 'Your progress';
  menu.append(legend);
  const name = `state-${key}`;
  for (const status of STATES) {
    const label = document.createElement('label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = name;
    radio.value = status;
    radio.addEventListener('change', () => {
      if (radio.checked) writeProgress(withStatus(readProgress(), key, status));
    });
    label.append(radio, ` ${STATUS_LABELS[status]}`);
    label.dataset['state'] = status;
    menu.append(label);
  }
  slot.append(menu);
  return menu;
}

function checkState(panel: HTMLElement, status: ItemStatus): void {
  const radio = panel.querySelector<HTMLInputElement>(`.map-state-menu input[value="${status}"]`);
  if (radio) radio.checked = true;
}

export function enhanceMap(root: HTMLElement): void {
  const nodes = [...root.querySelectorAll<HTMLAnchorElement>('a[data-roadmap-node]')];
  const byAnchor = new Map(nodes.map((node) => [node.getAttribute('aria-controls') ?? '', node]));
  const stages = [...root.querySelectorAll<HTMLElement>('[data-map-stage]')].map((stage) => ({
    count: stage.querySelector<HTMLElement>('[data-map-stage-count]'),
    keys: [...stage.querySelectorAll<HTMLElement>('a[data-roadmap-node]')].map((node) => node.dataset['progressKey'] ?? ''),
  }));
  const keyOf = (node: HTMLElement) => node.dataset['progressKey'] ?? '';
  let open: OpenPanel | undefined;
  // From here on the script decides which panel is open; the style sheet stops following the address's target.
  root.dataset['enhanced'] = '';

  onProgressChange(() => {
    const progress = readProgress();
    for (const node of nodes) showState(node, statusOf(progress, keyOf(node)));
    for (const { count, keys } of stages) if (count) count.textContent = describeSummary(summarise(progress, keys));
    if (open) checkState(open.panel, statusOf(progress, keyOf(open.node)));
  });

  const close = (options: { restoreFocus: boolean; updateAddress: boolean }): void => {
    if (!open) return;
    const { node, panel } = open;
    delete panel.dataset['roadmapPanel'];
    node.setAttribute('aria-expanded', 'false');
    open = undefined;
    if (options.updateAddress && byAnchor.has(location.hash.slice(1))) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    if (options.restoreFocus) node.focus({ preventScroll: true });
  };

  const show = (node: HTMLAnchorElement, options: { updateAddress: boolean; focus: boolean }): void => {
    const anchor = node.getAttribute('aria-controls') ?? '';
    const panel = document.getElementById(anchor);
    if (!panel) return;
    if (open?.node === node) return;
    close({ restoreFocus: false, updateAddress: false });
    const slot = panel.querySelector<HTMLElement>('[data-map-state-slot]');
    if (slot) stateMenu(slot, keyOf(node));
    checkState(panel, statusOf(readProgress(), keyOf(node)));
    panel.dataset['roadmapPanel'] = '';
    node.setAttribute('aria-expanded', 'true');
    open = { node, panel };
    if (options.updateAddress && location.hash !== `#${anchor}`) history.pushState(history.state, '', `#${anchor}`);
    // The node stays in view (on a phone its panel opens right below it); the panel takes the focus, so
    // a screen reader reads it and Tab moves through it before the next node.
    node.scrollIntoView({ block: 'nearest' });
    if (options.focus) panel.focus({ preventScroll: true });
  };

  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const node = target?.closest<HTMLAnchorElement>('a[data-roadmap-node]');
    if (node && root.contains(node)) {
      event.preventDefault();
      if (open?.node === node) close({ restoreFocus: true, updateAddress: true });
      else show(node, { updateAddress: true, focus: true });
      return;
    }
    if (target?.closest('[data-map-close]')) {
      event.preventDefault();
      close({ restoreFocus: true, updateAddress: true });
    }
  });

  // Captured on the window, so it runs before the previews' own Escape handler: a citation's touch panel
  // open over the map closes first (reader-previews.ts), and only the next Escape closes the map's panel.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !open) return;
      if (document.querySelector('.citation-sheet:not([hidden])')) return;
      close({ restoreFocus: true, updateAddress: true });
    },
    true,
  );

  // The address names the open panel: on load, after Back and Forward, and when a link elsewhere on the page points at a node.
  const follow = (): void => {
    const node = byAnchor.get(decodeURIComponent(location.hash.slice(1)));
    if (node) show(node, { updateAddress: false, focus: true });
    else close({ restoreFocus: false, updateAddress: false });
  };
  window.addEventListener('popstate', follow);
  window.addEventListener('hashchange', follow);
  follow();
}

