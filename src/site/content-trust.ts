import { parse, type Node } from 'acorn';
import { posix } from 'node:path';
import { positionAt, type Position } from '../lib/position.ts';

/**
 * What a page from a stranger's pull request may contain beyond text, declared once. MDX runs its
 * imports, exports and `{…}` expressions while the site is built, and the browser runs scripts, styles
 * and frames of the published page; the check reports everything outside these allow-lists
 * (rules mdx-import, mdx-code, html-unsafe and head-unsafe).
 */

/** Package modules a page may import from. */
export const PAGE_PACKAGE_MODULES: readonly string[] = ['@astrojs/starlight/components'];
/**
 * The wiki's components made for pages: `src/components/<path>.astro`, imported as
 * `~/components/<path>.astro` or by a relative path.
 */
export const PAGE_COMPONENTS: readonly string[] = [
  'Glossary',
  'KpiExplorer',
  'OfflineCopy',
  'ToolsDirectory',
  'home/StartPaths',
  'progress/ProgressChecklist',
  'progress/ProgressOverview',
  'roadmap/MapEntries',
  'roadmap/RoadmapMap',
];
const COMPONENTS_DIR = 'src/components/';

/** The allowed modules as a contributor writes them, for messages. */
export const ALLOWED_IMPORTS_TEXT = `${PAGE_PACKAGE_MODULES.join(', ')} and ~/components/{${PAGE_COMPONENTS.join(',')}}.astro`;

/** Whether a page at `file` (repo-relative) may import `specifier`. */
export function isAllowedImport(specifier: string, file: string): boolean {
  if (PAGE_PACKAGE_MODULES.includes(specifier)) return true;
  let path: string | undefined;
  if (specifier.startsWith('~/')) path = `src/${specifier.slice(2)}`;
  else if (specifier.startsWith('/src/')) path = specifier.slice(1);
  else if (specifier.startsWith('./') || specifier.startsWith('../')) path = posix.normalize(posix.join(posix.dirname(file), specifier));
  if (path === undefined || !path.startsWith(COMPONENTS_DIR)) return false;
  const name = path.slice(COMPONENTS_DIR.length);
  return PAGE_COMPONENTS.some((component) => name === `${component}.astro`);
}

/** A fault found in code written in a page, with where it is. */
export interface CodeFault {
  rule: 'mdx-import' | 'mdx-code';
  position: Position;
  message: string;
}

/** The place of a node of code parsed from `code`, where `code` starts at `start` in its file. */
function placeOf(node: Node, code: string, start: Position, shift = 0): Position {
  return positionAt(code, Math.max(0, node.start - shift), start);
}

/** The imports and exports of an MDX ESM block (`import …` / `export …` lines) that a page may not have. */
export function esmFaults(code: string, file: string, start: Position): CodeFault[] {
  let program;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch (error) {
    return [{ rule: 'mdx-code', position: start, message: `this import or export cannot be read as JavaScript (${error instanceof Error ? error.message : String(error)}); a page may only import components: ${ALLOWED_IMPORTS_TEXT}` }];
  }
  const faults: CodeFault[] = [];
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      const specifier = String(statement.source.value);
      if (!isAllowedImport(specifier, file)) {
        faults.push({ rule: 'mdx-import', position: placeOf(statement.source, code, start), message: `"${specifier}" is not a component made for pages, and whatever a page imports runs during the build; import only from ${ALLOWED_IMPORTS_TEXT}` });
      }
    } else if (statement.type.startsWith('Export')) {
      faults.push({ rule: 'mdx-code', position: placeOf(statement, code, start), message: 'a page may not export anything: MDX runs exports while the site is built. Write the value in the text, or move the code into a component made for pages' });
    } else {
      faults.push({ rule: 'mdx-code', position: placeOf(statement, code, start), message: `a page may hold only imports of components here, not a ${statement.type}` });
    }
  }
  return faults;
}

/**
 * What an expression in `{…}` (or a spread `{...x}` of attributes) does beyond stating a value:
 * undefined when it only states one. Values are literals, templates, operators, lists and objects of
 * them, plain names, and fields of `frontmatter`; calls, property reads, functions, `new`, `import()`
 * and assignments run code.
 */
export function expressionFault(code: string, start: Position, kind: 'expression' | 'spread' = 'expression'): CodeFault | undefined {
  // An expression holding only a comment ({/* note */}) is allowed: it renders nothing.
  const prefix = kind === 'spread' ? '({' : '(';
  const wrapped = `${prefix}${code}\n${kind === 'spread' ? '})' : ')'}`;
  let expression: Node;
  try {
    const program = parse(wrapped, { ecmaVersion: 'latest', sourceType: 'module' });
    const statement = program.body[0];
    if (program.body.length !== 1 || statement?.type !== 'ExpressionStatement') throw new Error('not one expression');
    expression = statement.expression;
  } catch {
    if (isOnlyComments(code)) return undefined;
    return { rule: 'mdx-code', position: start, message: `{${code.length > 40 ? `${code.slice(0, 40)}…` : code}} is not a value the check can read; write text, a number or a list, or use a code span to show code` };
  }
  const offending = firstCodeNode(expression);
  if (!offending) return undefined;
  const what = DESCRIPTIONS[offending.type] ?? `a ${offending.type}`;
  return {
    rule: 'mdx-code',
    position: placeOf(offending, code, { line: start.line, column: start.column + 1 }, prefix.length),
    message: `this expression contains ${what}, which would run while the site is built; a page may state values only (text, numbers, lists). Move the logic into a component made for pages, or show it in a code span`,
  };
}

function isOnlyComments(code: string): boolean {
  try {
    return parse(code, { ecmaVersion: 'latest', sourceType: 'module' }).body.length === 0;
  } catch {
    return false;
  }
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  CallExpression: 'a function call',
  NewExpression: 'a constructor call (new)',
  ImportExpression: 'a dynamic import()',
  MemberExpression: 'a property read',
  ArrowFunctionExpression: 'a function',
  FunctionExpression: 'a function',
  ClassExpression: 'a class',
  AssignmentExpression: 'an assignment',
  UpdateExpression: 'an assignment (++ or --)',
  TaggedTemplateExpression: 'a tagged template, which is a function call',
  AwaitExpression: 'an await',
  YieldExpression: 'a yield',
  ChainExpression: 'a property read',
  ThisExpression: 'this',
  MetaProperty: 'import.meta',
};

/** Unary operators that only compute a value from their operand. */
const VALUE_UNARY = new Set(['-', '+', '!', '~', 'typeof']);

type AnyNode = Node & Record<string, unknown>;

/** The first node (in source order) of an expression that does more than state a value, or undefined. */
function firstCodeNode(root: Node): Node | undefined {
  const pending: AnyNode[] = [root as AnyNode];
  while (pending.length > 0) {
    const node = pending.shift()!;
    const children: unknown[] = [];
    switch (node.type) {
      case 'Literal':
      case 'Identifier':
      case 'TemplateElement':
        break;
      case 'TemplateLiteral':
        children.push(...(node['expressions'] as unknown[]));
        break;
      case 'UnaryExpression':
        if (!VALUE_UNARY.has(node['operator'] as string)) return node;
        children.push(node['argument']);
        break;
      case 'BinaryExpression':
      case 'LogicalExpression':
        children.push(node['left'], node['right']);
        break;
      case 'ConditionalExpression':
        children.push(node['test'], node['consequent'], node['alternate']);
        break;
      case 'SequenceExpression':
        children.push(...(node['expressions'] as unknown[]));
        break;
      case 'ArrayExpression':
        children.push(...(node['elements'] as unknown[]).filter((element) => element !== null));
        break;
      case 'SpreadElement':
        children.push(node['argument']);
        break;
      case 'ObjectExpression':
        for (const property of node['properties'] as AnyNode[]) {
          if (property.type === 'SpreadElement') children.push(property);
          else if (property['computed'] === true || property['kind'] !== 'init' || property['method'] === true) return property;
          else children.push(property['value']);
        }
        break;
      case 'MemberExpression':
        if (!isFrontmatterField(node)) return node;
        break;
      default:
        return node;
    }
    pending.push(...(children as AnyNode[]));
  }
  return undefined;
}

/** `frontmatter.title`: MDX's own reading of the page's fields, the one property read a page may make. */
function isFrontmatterField(node: AnyNode): boolean {
  let current: AnyNode = node;
  while (current.type === 'MemberExpression') {
    if (current['computed'] === true || current['optional'] === true) return false;
    current = current['object'] as AnyNode;
  }
  return current.type === 'Identifier' && current['name'] === 'frontmatter';
}

/**
 * Elements a page may not write, in MDX or as raw HTML: they run code, restyle the whole site, embed
 * other sites or redirect its links.
 */
export const UNSAFE_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'link', 'meta']);

/** Why an attribute of an HTML element is unsafe, or undefined: event handlers run code, and so do script URLs. */
export function unsafeAttribute(name: string, value: unknown): string | undefined {
  if (/^on/i.test(name)) return `the event attribute ${name} runs code in the reader's browser`;
  if (typeof value === 'string' && isScriptUrl(value)) return `${name}="${value.slice(0, 30)}" is a script URL, which runs code when followed`;
  return undefined;
}

/** The first letters of `javascript:`, `vbscript:` and `data:`, in either case. */
const SCRIPT_SCHEME_START: ReadonlySet<string> = new Set(['j', 'J', 'v', 'V', 'd', 'D']);

/** The first character of a URL above U+0020, the first a browser reads of its scheme; '' when there is none. */
function firstVisibleCharacter(url: string): string {
  for (let at = 0; at < url.length; at += 1) if (url.charCodeAt(at) > 0x20) return url[at]!;
  return '';
}

/** A `javascript:` or `vbscript:` URL, or an HTML `data:` URL, however its scheme is spaced or cased. */
export function isScriptUrl(url: string): boolean {
  // Almost every URL of a page (`/role/`, `#x`, `podcast:…`) starts with a character none of the three
  // schemes starts with, even once control characters and spaces are dropped; only the others are read
  // closely, so that a check of thousands of links does not copy each one twice.
  if (!SCRIPT_SCHEME_START.has(firstVisibleCharacter(url))) return false;
  // Browsers drop tabs, newlines and leading control characters or spaces before reading the scheme.
  // eslint-disable-next-line no-control-regex
  const scheme = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return scheme.startsWith('javascript:') || scheme.startsWith('vbscript:') || scheme.startsWith('data:text/html');
}

/** Link relations a page's head may declare: they describe the page and load nothing. */
export const SAFE_LINK_RELS: ReadonlySet<string> = new Set(['alternate', 'author', 'canonical', 'help', 'license', 'me', 'next', 'prev']);
const META_ATTRIBUTES = new Set(['name', 'property', 'content', 'itemprop', 'lang']);
const LINK_ATTRIBUTES_IN_HEAD = new Set(['rel', 'href', 'hreflang', 'type', 'title', 'lang']);

/** A fault of one entry of the frontmatter `head` list: the key path inside the entry, and what is wrong. */
export interface HeadFault {
  path: (string | number)[];
  message: string;
}

/** What is not harmless in the frontmatter `head` list (Starlight's `{ tag, attrs, content }` entries). */
export function headFaults(head: unknown): HeadFault[] {
  if (!Array.isArray(head)) return [];
  const faults: HeadFault[] = [];
  head.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) return;
    const { tag, attrs, content } = entry as { tag?: unknown; attrs?: unknown; content?: unknown };
    const attributes = typeof attrs === 'object' && attrs !== null ? Object.entries(attrs as Record<string, unknown>) : [];
    const at = (...path: (string | number)[]) => ['head', index, ...path];
    const allowed = 'a page may add a <title>, a <meta> with name or property, or a <link> whose rel is one of ' + [...SAFE_LINK_RELS].join(', ');
    if (tag !== 'title' && tag !== 'meta' && tag !== 'link') {
      faults.push({ path: at('tag'), message: `head entry ${index + 1} is a <${String(tag)}>, which ${tag === 'script' ? 'would run before the content security policy applies' : 'changes the whole page'}; ${allowed}` });
      return;
    }
    for (const [name, value] of attributes) {
      const unsafe = unsafeAttribute(name, value);
      if (unsafe) faults.push({ path: at('attrs', name), message: `head entry ${index + 1}: ${unsafe}` });
    }
    if (tag === 'meta') {
      for (const [name] of attributes) {
        if (/^on/i.test(name)) continue;
        if (!META_ATTRIBUTES.has(name.toLowerCase())) {
          const reason = name.toLowerCase() === 'http-equiv' ? 'http-equiv acts like an HTTP header (refresh sends readers elsewhere)' : `"${name}" is not an attribute of a describing <meta>`;
          faults.push({ path: at('attrs', name), message: `head entry ${index + 1}: ${reason}; use name or property with content` });
        }
      }
    }
    if (tag === 'link') {
      const rel = attributes.find(([name]) => name === 'rel')?.[1];
      const rels = typeof rel === 'string' ? rel.toLowerCase().split(/\s+/).filter(Boolean) : [];
      if (rels.length === 0 || rels.some((token) => !SAFE_LINK_RELS.has(token))) {
        faults.push({ path: at('attrs', 'rel'), message: `head entry ${index + 1}: a <link rel="${String(rel ?? '')}"> may load or run something; ${allowed}` });
      }
      const href = attributes.find(([name]) => name === 'href')?.[1];
      if (typeof href === 'string' && !isScriptUrl(href) && !/^(https?:\/\/|\/(?!\/))/i.test(href)) {
        faults.push({ path: at('attrs', 'href'), message: `head entry ${index + 1}: href "${href}" is neither an http(s) address nor a path from the site root` });
      }
      for (const [name] of attributes) {
        if (!/^on/i.test(name) && !LINK_ATTRIBUTES_IN_HEAD.has(name.toLowerCase())) faults.push({ path: at('attrs', name), message: `head entry ${index + 1}: "${name}" is not an attribute a describing <link> needs` });
      }
    }
    if (content !== undefined && tag !== 'title') faults.push({ path: at('content'), message: `head entry ${index + 1}: only a <title> has content` });
  });
  return faults;
}
