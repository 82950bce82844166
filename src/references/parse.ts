import { htmlToHast, markdownToMdast, mdxToMdast, type MdastNode, type HastNode } from 'satteri';
import { toString } from 'mdast-util-to-string';
import { load as loadYaml, YAMLException } from 'js-yaml';
import { LineCounter, parseDocument as parseYaml, type Document } from 'yaml';
import { createHeadingIds } from './anchors.ts';
import type { Heading, Position, Problem, Reference } from './model.ts';
import { severityOf } from './rules.ts';

/** Everything the checker and the site need to know about one Markdown or MDX page. */
export interface ParsedDocument {
  file: string;
  /** The parsed YAML frontmatter, or undefined when it is missing or malformed. */
  frontmatter: Record<string, unknown> | undefined;
  /** Finds where a frontmatter field (or list item) was written, for messages. */
  frontmatterPosition: (path: readonly (string | number)[]) => Position;
  headings: Heading[];
  /** Ids set explicitly in JSX or HTML (`<div id="x">`), which are link targets too. */
  explicitIds: string[];
  references: Reference[];
  problems: Problem[];
}

const LINK_ATTRIBUTES = new Set(['href', 'link', 'src']);
const START: Position = { line: 1, column: 1 };

interface WalkState {
  file: string;
  headingId: (text: string) => string;
  headings: Heading[];
  explicitIds: string[];
  references: Reference[];
}

export function parseDocument(file: string, source: string): ParsedDocument {
  const isMdx = file.endsWith('.mdx');
  const problems: Problem[] = [];
  let tree: MdastNode | undefined;
  try {
    tree = isMdx ? mdxToMdast(source) : markdownToMdast(source);
  } catch (error) {
    problems.push(syntaxProblem(file, error));
  }
  const state: WalkState = { file, headingId: createHeadingIds(), headings: [], explicitIds: [], references: [] };
  const root = tree as { children?: MdastNode[] } | undefined;
  const yamlNode = root?.children?.find((node) => node.type === 'yaml') as
    | { value: string; position?: { start: Position } | undefined }
    | undefined;
  const frontmatter = readFrontmatter(file, yamlNode, tree !== undefined, problems);
  if (tree) walk(tree, state);
  return {
    file,
    frontmatter: frontmatter.data,
    frontmatterPosition: frontmatter.positionOf,
    headings: state.headings,
    explicitIds: state.explicitIds,
    references: [...frontmatter.references(file), ...state.references],
    problems,
  };
}

function syntaxProblem(file: string, error: unknown): Problem {
  const text = error instanceof Error ? error.message : String(error);
  // Satteri prefixes its messages with the 1-based "line:column" of the fault.
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(text);
  const position = match ? { line: Number(match[1]), column: Number(match[2]) } : START;
  const message = (match ? text.slice(match[0].length) : text).replace(/\s*\([a-z-]+:[a-z-]+\)$/, '');
  return {
    file,
    position,
    rule: 'syntax-error',
    severity: severityOf('syntax-error'),
    message: `${message}. Fix the syntax here; until then no link on this page can be checked`,
  };
}

function walk(node: MdastNode, state: WalkState): void {
  const current = node as MdastNode & { children?: MdastNode[] };
  switch (current.type) {
    case 'code':
    case 'inlineCode':
    case 'yaml':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return;
    case 'heading': {
      const text = toString(current, { includeImageAlt: false });
      state.headings.push({
        text,
        id: state.headingId(text),
        depth: (current as { depth: number }).depth,
        position: positionOf(current),
      });
      break;
    }
    case 'link':
    case 'image':
    case 'definition': {
      const origin = current.type === 'link' ? 'markdown' : current.type;
      state.references.push({ url: (current as { url: string }).url, origin, file: state.file, position: positionOf(current) });
      break;
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      readJsxAttributes(current as JsxElement, state);
      break;
    case 'html':
      readHtml(current as MdastNode & { value: string }, state);
      return;
  }
  for (const child of current.children ?? []) walk(child, state);
}

interface JsxElement {
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  position?: { start: Position };
}

function readJsxAttributes(element: JsxElement, state: WalkState): void {
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string' || !attribute.name) continue;
    if (attribute.name === 'id') state.explicitIds.push(attribute.value);
    if (LINK_ATTRIBUTES.has(attribute.name)) {
      state.references.push({
        url: attribute.value,
        origin: 'jsx-prop',
        via: `${attribute.name} of <${element.name ?? 'fragment'}>`,
        file: state.file,
        position: positionOf(element),
      });
    }
  }
}

function readHtml(node: { value: string; position?: { start: Position } | undefined }, state: WalkState): void {
  const start = positionOf(node);
  const visit = (hast: HastNode): void => {
    const element = hast as HastNode & { tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };
    for (const [name, value] of Object.entries(element.properties ?? {})) {
      if (typeof value !== 'string') continue;
      if (name === 'id') state.explicitIds.push(value);
      if (LINK_ATTRIBUTES.has(name)) {
        state.references.push({
          url: value,
          origin: 'html',
          via: `${name} of <${element.tagName ?? 'element'}>`,
          file: state.file,
          position: offsetPosition(start, node.value, node.value.indexOf(value)),
        });
      }
    }
    for (const child of element.children ?? []) visit(child);
  };
  visit(htmlToHast(node.value, { fragment: true }));
}

/** The position of the character at `offset` in `text`, which itself starts at `start`. */
function offsetPosition(start: Position, text: string, offset: number): Position {
  if (offset < 0) return start;
  const before = text.slice(0, offset);
  const newlines = before.split('\n');
  const line = start.line + newlines.length - 1;
  const column = newlines.length === 1 ? start.column + offset : (newlines.at(-1)?.length ?? 0) + 1;
  return { line, column };
}

function positionOf(node: { position?: { start: Position } | undefined }): Position {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : START;
}

interface FrontmatterResult {
  data: Record<string, unknown> | undefined;
  positionOf: (path: readonly (string | number)[]) => Position;
  references: (file: string) => Reference[];
}

/**
 * Reads the frontmatter with js-yaml, which is fast, and locates fields with the `yaml` parser's source
 * ranges only when a position is actually asked for (for a message), which is rare.
 */
function readFrontmatter(
  file: string,
  yamlNode: { value: string; position?: { start: Position } | undefined } | undefined,
  parsed: boolean,
  problems: Problem[],
): FrontmatterResult {
  const none: FrontmatterResult = { data: undefined, positionOf: () => START, references: () => [] };
  const problem = (position: Position, message: string) =>
    problems.push({ file, position, rule: 'frontmatter-invalid', severity: severityOf('frontmatter-invalid'), message });
  if (!yamlNode) {
    if (parsed) problem(START, 'the page has no frontmatter; start it with a --- block holding title, description, section, related and sources');
    return none;
  }
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (yamlNode.position?.start.line ?? 1) + 1;
  let data: unknown;
  try {
    data = loadYaml(yamlNode.value);
  } catch (error) {
    // Rare, so the slower parser that knows exact source ranges may locate the fault.
    for (const fault of yamlFaults(yamlNode.value, firstLine, error)) problem(fault.position, `the frontmatter is not valid YAML: ${fault.reason}`);
    return none;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problem({ line: firstLine, column: 1 }, 'the frontmatter must be a set of "key: value" fields');
    return none;
  }
  const positionOf = lazyPositions(yamlNode.value, firstLine);
  const record = data as Record<string, unknown>;
  return { data: record, positionOf, references: (referencingFile) => frontmatterReferences(record, referencingFile, positionOf) };
}

function yamlFaults(text: string, firstLine: number, error: unknown): { position: Position; reason: string }[] {
  const lineCounter = new LineCounter();
  const document = parseYaml(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return document.errors.map((fault) => {
      const { line, col } = lineCounter.linePos(fault.pos[0]);
      return { position: { line: firstLine + line - 1, column: col }, reason: fault.message.split('\n')[0] ?? fault.message };
    });
  }
  const mark = error instanceof YAMLException ? error.mark : undefined;
  return [{ position: mark ? { line: firstLine + mark.line, column: mark.column + 1 } : { line: firstLine, column: 1 }, reason: error instanceof YAMLException ? error.reason : String(error) }];
}

function lazyPositions(text: string, firstLine: number): (path: readonly (string | number)[]) => Position {
  let located: { document: Document; lineCounter: LineCounter } | undefined;
  return (path) => {
    if (!located) {
      const lineCounter = new LineCounter();
      located = { document: parseYaml(text, { lineCounter, prettyErrors: false }), lineCounter };
    }
    const { document, lineCounter } = located;
    for (let depth = path.length; depth > 0; depth -= 1) {
      const node = document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line: firstLine + line - 1, column: col };
      }
    }
    return { line: firstLine, column: 1 };
  };
}

function frontmatterReferences(
  data: Record<string, unknown>,
  file: string,
  positionOf: (path: readonly (string | number)[]) => Position,
): Reference[] {
  const references: Reference[] = [];
  for (const field of ['related', 'sources'] as const) {
    const list = data[field];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      if (typeof item !== 'string') return;
      references.push({
        url: item,
        origin: 'frontmatter',
        via: field,
        file,
        get position() {
          return positionOf([field, index]);
        },
      });
    });
  }
  return references;
}
