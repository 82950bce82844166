import { SECTION_FILTER } from '../../site/search.ts';
import type { PagefindFragment, SearchOutcome } from './engine.ts';
import { pageExcerpts, type Segment } from './excerpt.ts';
import type { RankedPage } from './rank.ts';

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** Excerpt text with the searched words in <mark>, built as nodes: nothing from the index is parsed as HTML. */
function excerptNode(tag: 'p' | 'span', className: string, segments: readonly Segment[]): HTMLElement {
  const node = element(tag, className);
  for (const segment of segments) node.append(segment.marked ? element('mark', undefined, segment.text) : document.createTextNode(segment.text));
  return node;
}

/**
 * One result of the dialog: the page's title linking to it, its section, an excerpt that reads as
 * sentences, the sections of the page that match, and the words of the question the page lacks.
 */
export function resultItem(page: RankedPage<unknown>, fragment: PagefindFragment, outcome: SearchOutcome): HTMLLIElement {
  const item = element('li', 'search-result');
  const link = element('a', 'search-result-link', fragment.meta['title'] ?? fragment.url);
  link.href = fragment.url;
  const section = fragment.filters?.[SECTION_FILTER]?.[0];
  const { excerpt, sections } = pageExcerpts(fragment, page.words);
  item.append(link);
  if (section) item.append(element('span', 'search-result-section', section));
  if (excerpt.length > 0) item.append(excerptNode('p', 'search-result-excerpt', excerpt));
  if (sections.length > 0) {
    const list = element('ul', 'search-result-sections');
    for (const part of sections) {
      const entry = element('li');
      const anchor = element('a', undefined, part.title);
      anchor.href = `${fragment.url}#${part.anchor}`;
      entry.append(anchor, excerptNode('span', 'search-result-excerpt', part.excerpt));
      list.append(entry);
    }
    item.append(list);
  }
  const missing = outcome.query.concepts.filter((_, index) => !page.matched.includes(index)).map((concept) => concept.text);
  if (missing.length > 0) {
    const note = element('p', 'search-result-missing', 'Missing: ');
    missing.forEach((word, index) => note.append(index > 0 ? ', ' : '', element('s', undefined, word)));
    item.append(note);
  }
  return item;
}

/** The offer, when no reader page matched, to show the contributor pages that did: a button that calls `show`. */
export function contributorsOffer(count: number, show: () => void): HTMLButtonElement {
  const button = element('button', 'search-show-contributors', `Show ${count} ${count === 1 ? 'page' : 'pages'} for contributors`);
  button.type = 'button';
  button.addEventListener('click', show);
  return button;
}
