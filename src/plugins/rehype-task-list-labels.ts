import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * GitHub-flavoured task lists render a bare, disabled checkbox per item. Screen readers then announce an
 * unlabelled control, so each checkbox gets its item's text as its accessible name.
 */
export function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li' || !String(node.properties['className'] ?? '').includes('task-list-item')) return;
      const checkbox = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'input');
      if (checkbox) checkbox.properties['ariaLabel'] = toString(node).trim();
    });
  };
}
