import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToHast, type HastNode } from 'satteri';

export interface PageWeight {
  js: number;
  css: number;
}

/**
 * Static imports in bundled JavaScript (`import{a}from"./chunk.js"`, `import"./chunk.js"`,
 * `export{a}from"./chunk.js"`), which the browser fetches before the script runs. Dynamic `import()`
 * is left out: it loads on demand (the search index when the search box opens). The bundler writes
 * these forms only, so a pattern is enough here.
 */
const STATIC_IMPORT = /(?:^|[;\s}])(?:import\s*(?:[\w$*{},\s]+?from\s*)?|export\s*\{[^}]*\}\s*from\s*)["']([^"']+)["']/g;

/**
 * JavaScript and CSS bytes a built page loads: the files it references plus its inline code, and every
 * module those scripts import statically, each file counted once.
 */
export function pageWeight(siteDir: string, file: string): PageWeight {
  const weight: PageWeight = { js: 0, css: 0 };
  const counted = new Set<string>();
  const pathOf = (url: string) => join(siteDir, url.replace(/^\//, '').split(/[?#]/)[0]!);
  const countModule = (url: string): void => {
    const path = pathOf(url);
    if (counted.has(path) || !existsSync(path)) return;
    counted.add(path);
    weight.js += statSync(path).size;
    countImports(readFileSync(path, 'utf8'), url);
  };
  const countImports = (code: string, from: string): void => {
    for (const [, target] of code.matchAll(STATIC_IMPORT)) if (target) countModule(new URL(target, `http://site${from}`).pathname);
  };
  const textOf = (element: { children?: HastNode[] }) => (element.children ?? []).map((child) => ('value' in child ? String(child.value) : '')).join('');
  const visit = (node: HastNode): void => {
    const element = node as HastNode & { tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };
    const properties = element.properties ?? {};
    if (element.tagName === 'script' && isScript(properties)) {
      const src = properties['src'];
      if (typeof src === 'string') {
        if (properties['type'] === 'module') countModule(src);
        else weight.js += statSync(pathOf(src)).size;
      } else {
        const code = textOf(element);
        weight.js += Buffer.byteLength(code);
        if (properties['type'] === 'module') countImports(code, '/');
      }
    }
    if (element.tagName === 'style') weight.css += Buffer.byteLength(textOf(element));
    if (element.tagName === 'link' && ([] as unknown[]).concat(properties['rel']).includes('stylesheet')) weight.css += statSync(pathOf(String(properties['href']))).size;
    for (const child of element.children ?? []) visit(child);
  };
  visit(htmlToHast(readFileSync(join(siteDir, file), 'utf8')));
  return weight;
}

/** Script elements that hold code; data blocks (`type="application/json"`) do not run. */
const isScript = (properties: Record<string, unknown>): boolean => {
  const type = properties['type'];
  return type === undefined || type === '' || type === 'module' || type === 'text/javascript';
};
