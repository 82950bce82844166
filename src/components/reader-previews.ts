/**
 * Previews for a reader, on every page:
 * - a link to another page of the wiki shows that page's title, description and first lines on hover
 *   and on keyboard focus, read from one JSON file built with the site and fetched on first use;
 * - on a touch screen, the first tap on a citation opens a panel with its note, a "Play at 17:04" link
 *   and the episode notes (a second tap on the citation plays it);
 * - Escape closes any preview, of a link or of a citation.
 * Without this script every link still works: citations play, and links open their pages.
 */

interface LinkPreview {
  title: string;
  kind: string;
  description?: string;
  lead?: string;
}

const LINKS = '.sl-markdown-content a[href], .page-connections a[href]';
const HOVER_DELAY_MS = 300;
const MARGIN_PX = 12;

const source = document.querySelector<HTMLElement>('[data-link-previews]')?.dataset['linkPreviews'];
let previews: Promise<Record<string, LinkPreview>> | undefined;
const loadPreviews = (): Promise<Record<string, LinkPreview>> =>
  (previews ??= fetch(source ?? '').then(
    (response): Promise<Record<string, LinkPreview>> => (response.ok ? response.json() : Promise.resolve({})),
    () => ({}),
  ));

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.className = className;
  created.textContent = text;
  return created;
}

/** Previews float above the page, but belong to its main content, like the links they describe. */
const landmark = (): HTMLElement => document.querySelector('main') ?? document.body;

// Link previews.

/** A link of the page: an HTML `<a>` or an SVG `<a>` (a node of a drawing), whose `href` is no string. */
type Link = HTMLAnchorElement | SVGAElement;

let card: HTMLElement | undefined;
let shownFor: Link | undefined;
let timer = 0;

/**
 * Where a link leads, read from its written `href` against the page's address, the way the browser
 * follows it; undefined for an address no browser could follow. SVG links have no string `href`
 * property, so the attribute is read for every link alike.
 */
function destination(link: Link): URL | undefined {
  const href = link.getAttribute('href');
  if (href === null) return undefined;
  try {
    return new URL(href, document.baseURI);
  } catch {
    return undefined;
  }
}

function previewCard(): HTMLElement {
  if (!card) {
    card = element('div', 'link-preview');
    card.id = 'link-preview';
    card.setAttribute('role', 'tooltip');
    card.dataset['pagefindIgnore'] = '';
    card.hidden = true;
    landmark().append(card);
  }
  return card;
}

function previewedLink(target: EventTarget | null): Link | undefined {
  const link = target instanceof Element ? target.closest<Link>('a[href]') : null;
  if (!link || !link.matches(LINKS) || link.closest('.citation')) return undefined;
  const url = destination(link);
  if (!url || url.origin !== location.origin || (url.pathname === location.pathname && url.hash !== '')) return undefined;
  return link;
}

async function showPreview(link: Link): Promise<void> {
  shownFor = link;
  const url = destination(link);
  if (!url) return;
  const all = await loadPreviews();
  const preview = all[url.pathname + url.hash] ?? all[url.pathname];
  if (!preview || shownFor !== link) return;
  const box = previewCard();
  box.replaceChildren(
    element('span', 'link-preview-kind', preview.kind),
    element('span', 'link-preview-title', preview.title),
    ...(preview.description ? [element('span', 'link-preview-description', preview.description)] : []),
    ...(preview.lead ? [element('span', 'link-preview-lead', preview.lead)] : []),
  );
  box.hidden = false;
  place(box, link.getBoundingClientRect());
  link.setAttribute('aria-describedby', box.id);
}

/** Below the link, or above it when the space below is too short; always inside the window. */
function place(box: HTMLElement, target: DOMRect): void {
  const { width, height } = box.getBoundingClientRect();
  const left = Math.min(Math.max(MARGIN_PX, target.left), window.innerWidth - width - MARGIN_PX);
  const below = target.bottom + 6;
  const top = below + height + MARGIN_PX > window.innerHeight && target.top - height - 6 > MARGIN_PX ? target.top - height - 6 : below;
  box.style.left = `${Math.max(MARGIN_PX, left)}px`;
  box.style.top = `${top}px`;
}

function hidePreview(): void {
  clearTimeout(timer);
  if (shownFor?.getAttribute('aria-describedby') === 'link-preview') shownFor.removeAttribute('aria-describedby');
  shownFor = undefined;
  if (card) card.hidden = true;
}

document.addEventListener('pointerover', (event) => {
  if (event.pointerType !== 'mouse') return;
  const link = previewedLink(event.target);
  if (!link || link === shownFor) return;
  hidePreview();
  timer = window.setTimeout(() => void showPreview(link), HOVER_DELAY_MS);
});
document.addEventListener('pointerout', (event) => {
  const link = previewedLink(event.target);
  if (link && !(event.relatedTarget instanceof Node && link.contains(event.relatedTarget))) hidePreview();
});
document.addEventListener('focusin', (event) => {
  const link = previewedLink(event.target);
  if (link && link.matches(':focus-visible')) void showPreview(link);
});
document.addEventListener('focusout', hidePreview);
window.addEventListener('scroll', hidePreview, { passive: true });

// Citations on a touch screen.

let lastPointer = '';
let sheet: HTMLElement | undefined;
let sheetFor: Element | undefined;

function citationSheet(): HTMLElement {
  if (!sheet) {
    sheet = element('div', 'citation-sheet');
    sheet.setAttribute('role', 'dialog');
    sheet.setAttribute('aria-labelledby', 'citation-sheet-title');
    sheet.dataset['pagefindIgnore'] = '';
    sheet.hidden = true;
    landmark().append(sheet);
  }
  return sheet;
}

function openSheet(citation: Element): void {
  const play = citation.querySelector<HTMLAnchorElement>('.citation-link')!;
  const notes = citation.querySelector<HTMLAnchorElement>('.citation-notes');
  const text = (selector: string) => citation.querySelector(selector)?.textContent ?? '';
  const panel = citationSheet();
  const title = element('p', 'citation-sheet-title', text('.citation-card-title'));
  title.id = 'citation-sheet-title';
  const playLink = element('a', 'citation-sheet-play', citation.classList.contains('citation-episode') ? '▶ Play the episode' : `▶ Play at ${play.textContent?.trim()}`);
  playLink.setAttribute('href', play.getAttribute('href') ?? '');
  playLink.target = '_blank';
  playLink.rel = 'noopener noreferrer';
  const actions = element('div', 'citation-sheet-actions');
  actions.append(playLink);
  if (notes) {
    const notesLink = element('a', 'citation-sheet-notes', 'Episode notes');
    notesLink.setAttribute('href', notes.getAttribute('href') ?? '');
    actions.append(notesLink);
  }
  const close = element('button', 'citation-sheet-close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', closeSheet);
  panel.replaceChildren(
    close,
    title,
    element('p', 'citation-sheet-meta', text('.citation-card-meta')),
    ...(text('.citation-card-note') ? [element('p', 'citation-sheet-note', text('.citation-card-note'))] : []),
    actions,
  );
  panel.hidden = false;
  sheetFor = citation;
  document.documentElement.classList.add('has-citation-sheet');
}

function closeSheet(): void {
  if (sheet) sheet.hidden = true;
  sheetFor = undefined;
  document.documentElement.classList.remove('has-citation-sheet');
}

document.addEventListener(
  'pointerdown',
  (event) => {
    lastPointer = event.pointerType;
    if (sheetFor && event.target instanceof Node && !sheet?.contains(event.target) && !sheetFor.contains(event.target)) closeSheet();
  },
  { capture: true, passive: true },
);
document.addEventListener('click', (event) => {
  const play = event.target instanceof Element ? event.target.closest('.citation .citation-link') : null;
  const citation = play?.closest('.citation');
  // The first tap opens the panel; a tap on the citation whose panel is open plays it.
  if (!citation || lastPointer !== 'touch' || citation === sheetFor) return;
  event.preventDefault();
  openSheet(citation);
});

// Escape closes every preview; a citation's card stays closed until the pointer or focus leaves it.

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  hidePreview();
  closeSheet();
  for (const citation of document.querySelectorAll('.citation:hover, .citation:focus-within')) {
    citation.classList.add('is-dismissed');
    const reopen = () => citation.classList.remove('is-dismissed');
    citation.addEventListener('pointerleave', reopen, { once: true });
    citation.addEventListener('focusout', reopen, { once: true });
  }
});
