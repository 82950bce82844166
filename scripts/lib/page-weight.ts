import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { htmlToHast, type HastNode } from 'satteri';

export interface PageWeight {
  js: number;
  css: number;
}

/** Static imports of a bundled script (`import{a}from"./chunk.js"`, `import"./x.js"`); dynamic import() loads later, on demand. */
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+\s*from\s*)?["']([^"']+\.js)["']/g;

/**
 * JavaScript and CSS bytes a built page loads: the files it references, the chunks those scripts import
 * statically (each counted once), and its inline code.
 */
export function pageWeight(siteDir: string, file: string): PageWeight {
  const weight: PageWeight = { js: 0, css: 0 };
  const counted = new Set<string>();
  const size = (path: string) => statSync(join(siteDir, path.replace(/^\//, ''))).size;
  const addScript = (path: string): void => {
    if (counted.has(path)) return;
    counted.add(path);
    weight.js += size(path);
    addImports(readFileSync(join(siteDir, path.replace(/^\//, '')), 'utf8'), posix.dirname(path));
  };
  const addImports = (code: string, from: string): void => {
    for (const [, target] of code.matchAll(STATIC_IMPORT)) if (target!.startsWith('.') || target!.startsWith('/')) addScript(posix.resolve(from, target!));
  };
  const textOf = (element: { children?: HastNode[] }) => (element.children ?? []).map((child) => ('value' in child ? String(child.value) : '')).join('');
  const visit = (node: HastNode): void => {
    const element = node as HastNode & { tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };
    const properties = element.properties ?? {};
    if (element.tagName === 'script') {
      if (properties['src']) addScript(String(properties['src']));
      else {
        weight.js += Buffer.byteLength(textOf(element));
        addImports(textOf(element), posix.dirname(`/${file}`));
      }
    }
    if (element.tagName === 'style') weight.css += Buffer.byteLength(textOf(element));
    if (element.tagName === 'link' && ([] as unknown[]).concat(properties['rel']).includes('stylesheet')) weight.css += size(String(properties['href']));
    for (const child of element.children ?? []) visit(child);
  };
  visit(htmlToHast(readFileSync(join(siteDir, file), 'utf8')));
  return weight;
}
