import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Parts of a citation that describe it rather than name it: its preview card and its notes link. */
const isCitationExtra = (node: ElementContent): boolean =>
  node.type === 'element' && ['citation-card', 'citation-notes'].some((name) => String(node.properties['className'] ?? '').split(' ').includes(name));

/** The words a reader sees in an element, without citation previews. */
function ownText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || isCitationExtra(node)) return '';
  return node.children.map(ownText).join('');
}

/**
 * GitHub-flavoured task lists render a bare, disabled checkbox per item. Screen readers then announce an
 * unlabelled control, so each checkbox gets its item's own words as its accessible name.
 */
export function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li' || !String(node.properties['className'] ?? '').includes('task-list-item')) return;
      const checkbox = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'input');
      if (checkbox) checkbox.properties['ariaLabel'] = node.children.map(ownText).join('').replace(/\s+/g, ' ').trim();
    });
  };
}
