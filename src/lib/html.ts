import type { Element, Root } from 'hast';
import { htmlToHast } from 'satteri';

/** Parses an HTML document (or a fragment) into a hast tree with a real HTML parser. */
export function parseHtml(html: string, options: { fragment?: boolean } = {}): Root {
  return htmlToHast(html, { fragment: options.fragment ?? false }) as unknown as Root;
}

/**
 * Calls `visitor` for every element in document order (the tree itself first, when it is one), including
 * those inside `<template>` content, which is part of what a reader may reach once a script shows it.
 * A plain walk: unist-util-visit names a function for every node it passes, which made reading a built
 * site's pages cost more than parsing them.
 */
export function visitElements(tree: Root | Element, visitor: (element: Element) => void): void {
  if (tree.type === 'element') visitElement(tree, visitor);
  else visitChildren(tree, visitor);
}

function visitElement(element: Element, visitor: (element: Element) => void): void {
  visitor(element);
  const content = (element as Element & { content?: Root }).content;
  if (content) visitChildren(content, visitor);
  visitChildren(element, visitor);
}

function visitChildren(parent: Root | Element, visitor: (element: Element) => void): void {
  for (const child of parent.children) if (child.type === 'element') visitElement(child, visitor);
}

/** A property as the text of its attribute: token lists (class, http-equiv, rel) joined by spaces. */
export function propertyText(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (Array.isArray(value)) return value.join(' ');
  return value === undefined || value === null ? undefined : String(value);
}

/** A string property of an element, or undefined. */
export function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  return typeof value === 'string' ? value : undefined;
}
