import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
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

/** What a built page's scripts are: the script files it loads (modules with their static imports) and its inline code. */
interface PageScripts {
  /** Paths in the site directory, each once. */
  files: Set<string>;
  inlineBytes: number;
  css: number;
}

function readPage(siteDir: string, file: string): PageScripts {
  const scripts: PageScripts = { files: new Set(), inlineBytes: 0, css: 0 };
  const pathOf = (url: string) => join(siteDir, url.replace(/^\//, '').split(/[?#]/)[0]!);
  const addModule = (url: string): void => {
    const path = pathOf(url);
    if (scripts.files.has(path) || !existsSync(path)) return;
    scripts.files.add(path);
    addImports(readFileSync(path, 'utf8'), url);
  };
  const addImports = (code: string, from: string): void => {
    for (const [, target] of code.matchAll(STATIC_IMPORT)) if (target) addModule(new URL(target, `http://site${from}`).pathname);
  };
  const textOf = (element: { children?: HastNode[] }) => (element.children ?? []).map((child) => ('value' in child ? String(child.value) : '')).join('');
  const visit = (node: HastNode): void => {
    const element = node as HastNode & { tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };
    const properties = element.properties ?? {};
    if (element.tagName === 'script' && isScript(properties)) {
      const src = properties['src'];
      if (typeof src === 'string') {
        if (properties['type'] === 'module') addModule(src);
        else scripts.files.add(pathOf(src));
      } else {
        const code = textOf(element);
        scripts.inlineBytes += Buffer.byteLength(code);
        if (properties['type'] === 'module') addImports(code, '/');
      }
    }
    if (element.tagName === 'style') scripts.css += Buffer.byteLength(textOf(element));
    if (element.tagName === 'link' && ([] as unknown[]).concat(properties['rel']).includes('stylesheet')) scripts.css += statSync(pathOf(String(properties['href']))).size;
    for (const child of element.children ?? []) visit(child);
  };
  visit(htmlToHast(readFileSync(join(siteDir, file), 'utf8')));
  return scripts;
}

/**
 * JavaScript and CSS bytes a built page loads: the files it references plus its inline code, and every
 * module those scripts import statically, each file counted once.
 */
export function pageWeight(siteDir: string, file: string): PageWeight {
  const { files, inlineBytes, css } = readPage(siteDir, file);
  let js = inlineBytes;
  for (const path of files) js += statSync(path).size;
  return { js, css };
}

export interface AddedScripts {
  /** The script files the page loads that the baseline page does not. */
  files: string[];
  bytes: number;
  gzip: number;
  brotli: number;
}

/**
 * The JavaScript a component adds to a page: the files of the page's module graph whose names start with
 * `componentPrefix` (the bundle Astro makes of the component's script) and every module they import,
 * less the files a baseline page without the component loads anyway. Sizes are given raw and compressed
 * as a host serves them, each file compressed on its own as it is sent.
 */
export function addedScripts(siteDir: string, file: string, componentPrefix: string, baselineFile: string): AddedScripts {
  const page = readPage(siteDir, file).files;
  const baseline = readPage(siteDir, baselineFile).files;
  const roots = [...page].filter((path) => path.split('/').at(-1)!.startsWith(componentPrefix));
  const closure = new Set<string>(roots);
  // The component's own modules and what they import: walk the page's graph from the component's bundle.
  const walk = (path: string): void => {
    const code = readFileSync(path, 'utf8');
    for (const [, target] of code.matchAll(STATIC_IMPORT)) {
      if (!target) continue;
      const imported = join(path, '..', target);
      if (!closure.has(imported) && page.has(imported)) {
        closure.add(imported);
        walk(imported);
      }
    }
  };
  for (const root of roots) walk(root);
  const files = [...closure].filter((path) => !baseline.has(path)).sort();
  const sum = (size: (text: Buffer) => number) => files.reduce((total, path) => total + size(readFileSync(path)), 0);
  return { files, bytes: sum((text) => text.length), gzip: sum((text) => gzipSync(text, { level: 9 }).length), brotli: sum((text) => brotliCompressSync(text).length) };
}

/** Script elements that hold code; data blocks (`type="application/json"`) do not run. */
const isScript = (properties: Record<string, unknown>): boolean => {
  const type = properties['type'];
  return type === undefined || type === '' || type === 'module' || type === 'text/javascript';
};
