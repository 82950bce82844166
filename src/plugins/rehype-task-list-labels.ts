import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { propertyText } from '../lib/html.ts';

const classes = (node: Element): string[] => (propertyText(node, 'className') ?? '').split(' ');

/**
 * Parts of an item that are not its own words: a citation's preview card and notes link, and the
 * nested lists that hold other items.
 */
const isNotOwnText = (node: ElementContent): boolean =>
  node.type === 'element' && (['ul', 'ol'].includes(node.tagName) || classes(node).some((name) => name === 'citation-card' || name === 'citation-notes'));

/** The words a reader sees in an item, without citation previews and without nested items. */
function ownText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || isNotOwnText(node)) return '';
  return node.children.map(ownText).join('');
}

const isElement = (node: ElementContent, tagName: string): node is Element => node.type === 'element' && node.tagName === tagName;
const isList = (node: ElementContent): boolean => isElement(node, 'ul') || isElement(node, 'ol');

/** Takes the item's checkbox out of where GFM put it: the item itself, or its first paragraph when the list is loose. */
function takeCheckbox(item: Element): Element | undefined {
  for (const child of item.children) {
    const holder = isElement(child, 'p') ? child : item;
    const at = holder.children.findIndex((node) => isElement(node, 'input'));
    if (at !== -1) return holder.children.splice(at, 1)[0] as Element;
    if (child.type === 'element') return undefined;
  }
  return undefined;
}

/**
 * Lays the item out as its checkbox, its own words in one block, then its nested lists, so that the
 * page's progress script can place the status menu beside the words and style sheets can align them.
 */
function restructure(item: Element, checkbox: Element): void {
  const own = item.children.filter((node) => !isList(node));
  const nested = item.children.filter(isList);
  const words: Element = { type: 'element', tagName: 'div', properties: { className: ['task-text'] }, children: trimText(own) };
  item.children = [checkbox, words, ...nested];
}

/** Drops the line breaks and the space GFM leaves around an item's words. */
function trimText(nodes: ElementContent[]): ElementContent[] {
  const trimmed = nodes.filter((node) => node.type !== 'text' || node.value.trim() !== '');
  const first = trimmed[0];
  if (first?.type === 'text') trimmed[0] = { ...first, value: first.value.trimStart() };
  return trimmed;
}

/**
 * GitHub-flavoured task lists render a bare, disabled checkbox per item. Each one becomes a box a
 * reader can tick: it is named by its item's own words, and it gets the id and the progress key that
 * remark-task-items gave the item, which the page's progress script saves its state under.
 * An item without ids (rendered without remark-task-items) keeps its disabled box: nothing could save it.
 */
export function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li' || !classes(node).includes('task-list-item')) return;
      const checkbox = takeCheckbox(node);
      if (!checkbox) return;
      const name = node.children.map(ownText).join('').replace(/\s+/g, ' ').trim();
      checkbox.properties['ariaLabel'] = name;
      const { dataTaskId, dataTaskKey } = node.properties;
      delete node.properties['dataTaskId'];
      delete node.properties['dataTaskKey'];
      restructure(node, checkbox);
      if (typeof dataTaskId !== 'string' || typeof dataTaskKey !== 'string') return;
      checkbox.properties['id'] = dataTaskId;
      checkbox.properties['dataProgressKey'] = dataTaskKey;
      delete checkbox.properties['disabled'];
    });
  };
}
