import type { Element, Root } from 'hast';
import { htmlToHast } from 'satteri';
import { visit } from 'unist-util-visit';

/** Parses an HTML document (or a fragment) into a hast tree with a real HTML parser. */
export function parseHtml(html: string, options: { fragment?: boolean } = {}): Root {
  return htmlToHast(html, { fragment: options.fragment ?? false }) as unknown as Root;
}

/**
 * Calls `visitor` for every element, including those inside `<template>` content, which is part of what
 * a reader may reach once a script shows it.
 */
export function visitElements(tree: Root | Element, visitor: (element: Element) => void): void {
  visit(tree, 'element', (element: Element) => {
    visitor(element);
    const content = (element as Element & { content?: Root }).content;
    if (content) visitElements(content, visitor);
  });
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
