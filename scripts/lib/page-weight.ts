import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToHast, type HastNode } from 'satteri';

export interface PageWeight {
  js: number;
  css: number;
}

/** JavaScript and CSS bytes a built page loads: the files it references plus its inline code. */
export function pageWeight(siteDir: string, file: string): PageWeight {
  const weight: PageWeight = { js: 0, css: 0 };
  const size = (path: string) => statSync(join(siteDir, path.replace(/^\//, ''))).size;
  const textOf = (element: { children?: HastNode[] }) => (element.children ?? []).map((child) => ('value' in child ? String(child.value) : '')).join('');
  const visit = (node: HastNode): void => {
    const element = node as HastNode & { tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };
    const properties = element.properties ?? {};
    if (element.tagName === 'script') weight.js += properties['src'] ? size(String(properties['src'])) : Buffer.byteLength(textOf(element));
    if (element.tagName === 'style') weight.css += Buffer.byteLength(textOf(element));
    if (element.tagName === 'link' && ([] as unknown[]).concat(properties['rel']).includes('stylesheet')) weight.css += size(String(properties['href']));
    for (const child of element.children ?? []) visit(child);
  };
  visit(htmlToHast(readFileSync(join(siteDir, file), 'utf8')));
  return weight;
}
