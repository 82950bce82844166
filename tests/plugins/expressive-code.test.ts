import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { languageLabel, makePhrasingValid } from '../../src/plugins/expressive-code.ts';

const el = (tagName: string, children: Element['children'] = []): Element => ({ type: 'element', tagName, properties: {}, children });
const tags = (node: Element | Root): string[] => node.children.flatMap((child) => (child.type === 'element' ? [child.tagName, ...tags(child)] : []));

describe('Expressive Code output made valid', () => {
  it('turns every <div> inside <code> or <button> into a <span>, and leaves the frame alone', () => {
    const tree: Root = {
      type: 'root',
      children: [el('div', [el('figure', [el('pre', [el('code', [el('div', [el('div', [el('span')])])])]), el('div', [el('button', [el('div')]), el('div')])])])],
    };
    makePhrasingValid(tree);
    expect(tags(tree)).toEqual(['div', 'figure', 'pre', 'code', 'span', 'span', 'span', 'div', 'button', 'span', 'div']);
  });
});

describe('languageLabel', () => {
  it.each([
    ['python', 'Python'],
    ['sh', 'Shell'],
    ['YAML', 'YAML'],
    ['mdx', 'MDX'],
    ['hcl', 'HCL'],
    ['zig', 'zig'],
  ])('names %s as %s', (language, label) => {
    expect(languageLabel(language)).toBe(label);
  });

  it.each(['', 'text', 'plaintext'])('gives plain text (%j) no label', (language) => {
    expect(languageLabel(language)).toBeUndefined();
  });
});
