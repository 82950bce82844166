import { htmlToHast, markdownToMdast, mdxToMdast, type HastNode, type MdastNode } from 'satteri';
import { START, positionAt, type Position } from '../lib/position.ts';
import { cutDeeperThan } from '../lib/tree-depth.ts';
import { parseYaml } from '../lib/yaml.ts';
import { problem, type Problem } from '../rules/problem.ts';
import { MAX_NESTING_DEPTH } from '../rules/table.ts';
import { esmFaults, expressionFault, headFaults, isScriptUrl, UNSAFE_ELEMENTS, unsafeAttribute } from './content-trust.ts';
import { assignHeadingIds, headingHast } from './heading-ids.ts';
import { LINK_ATTRIBUTES } from './links.ts';
import { leadText, pageText } from './lead-text.ts';
import { FrontmatterLinksSchema } from '../schemas/page.ts';
import { createTaskIds, isTaskItem, taskItemElementId, taskItemText } from './task-items.ts';
import { DIAGRAM_LANGUAGE, diagramTextStart, readDiagram } from './diagrams.ts';

/**
 * Where a reference was written. `related`, `sources`, `data-page` and `item-page` hold ids; every other
 * origin holds a URL, so it is resolved (and rewritten by the renderer) the same way wherever it stands.
 */
export type ReferenceOrigin =
  | 'markdown'
  | 'definition'
  | 'image'
  | 'jsx-prop'
  | 'html'
  | 'frontmatter-link'
  | 'related'
  | 'sources'
  /** A site link written in a data file (a glossary term's covering page). */
  | 'data-link'
  /** A page id written in a data file (the pages a resource is listed on). */
  | 'data-page'
  /** The page that teaches a checklist item: a page id with an optional `#heading`. */
  | 'item-page';

export interface Reference {
  url: string;
  origin: ReferenceOrigin;
  /** Where in its origin the value sits, for messages: "href of <LinkCard>", "hero.actions.0.link". */
  via?: string;
  /** Written inside a heading, where a citation renders without its notes link and preview. */
  inHeading?: boolean;
  /** The label of a reference definition (`[label]: url`), which reference-style links use. */
  identifier?: string;
  /**
   * The paragraph, heading or table row the reference is written in, numbered in document order: links
   * in the same block are read together (a link to a discontinued tool beside its successor's).
   */
  block?: number;
  file: string;
  position: Position;
}

export interface Heading {
  text: string;
  id: string;
  depth: number;
  position: Position;
}

/** An MDX component used on the page, with its string props: components may render link targets. */
export interface ComponentUse {
  name: string;
  props: Readonly<Record<string, string>>;
  position: Position;
}

/** Everything the site model knows about one Markdown or MDX page, read from its source. */
export interface PageDocument {
  file: string;
  /** The parsed YAML frontmatter, or undefined when it is missing or malformed. */
  frontmatter: Record<string, unknown> | undefined;
  /** Finds where a frontmatter field (or list item) was written, for messages. */
  frontmatterPosition: (path: readonly (string | number)[]) => Position;
  headings: Heading[];
  /** Ids set explicitly in JSX or HTML (`<div id="x">`), which are link targets too. */
  explicitIds: string[];
  /** Element ids of the checkboxes of task list items (`- [ ] item`), in document order. */
  taskIds: string[];
  components: ComponentUse[];
  references: Reference[];
  /**
   * The page's opening words as plain text, for link previews (see `leadText`). Worked out when first
   * read, by parsing the page again: only the renderer reads it, and the checker need not pay for it.
   */
  readonly lead: string;
  /** Every word of the page as plain text (see `pageText`), worked out when first read, like `lead`. */
  readonly text: string;
  /** Reference-style links and images (`[text][label]`), by the label they use: each renders its definition's link. */
  definitionUses: { identifier: string; inHeading: boolean; image: boolean }[];
  /** The titles of the diagrams drawn on the page (```mermaid blocks that read without a fault), in order. */
  diagrams: string[];
  problems: Problem[];
}

/** Frontmatter fields that hold links, as Starlight reads them: hero action links and prev/next links. */
function frontmatterLinks(data: Record<string, unknown>): { path: (string | number)[]; url: string }[] {
  // Most pages have none of these fields; validating them all would cost every page a schema run.
  if (data['hero'] === undefined && data['prev'] === undefined && data['next'] === undefined) return [];
  const fields = FrontmatterLinksSchema.safeParse(data);
  if (!fields.success) return [];
  const { hero, prev, next } = fields.data;
  const links = (hero?.actions ?? []).map((action, index) => ({ path: ['hero', 'actions', index, 'link'], url: action.link }));
  if (prev?.link !== undefined) links.push({ path: ['prev', 'link'], url: prev.link });
  if (next?.link !== undefined) links.push({ path: ['next', 'link'], url: next.link });
  return links.filter((link) => link.url !== '');
}

interface WalkState {
  file: string;
  problems: Problem[];
  inHeading: boolean;
  taskId: (text: string) => string;
  document: Pick<PageDocument, 'explicitIds' | 'taskIds' | 'components' | 'references' | 'definitionUses' | 'diagrams'>;
  /** The enclosing block's number, and the counter that numbers blocks. */
  block: number;
  blocks: { count: number };
  /** What the heading ids are computed from once the whole page is read (see `readHeadings`). */
  page: PageParts;
}

/** The parts of a page its heading ids depend on, gathered in document order. */
interface PageParts {
  headings: Extract<MdastNode, { type: 'heading' }>[];
  /** Reference definitions by label; the first of a label wins, as in CommonMark. */
  definitions: Map<string, string>;
  /** Footnote labels (upper case, as the renderer keys them) in order of their first call. */
  footnotes: Map<string, number>;
}

/**
 * The page's syntax tree, cut at MAX_NESTING_DEPTH so that every recursive walk over it is safe; the
 * first element that was too deep is returned with it.
 */
function parseTree(file: string, source: string): { tree: MdastNode; tooDeep: MdastNode | undefined } {
  const tree = file.endsWith('.mdx') ? mdxToMdast(source) : markdownToMdast(source);
  return { tree, tooDeep: cutDeeperThan(tree, MAX_NESTING_DEPTH) };
}

export function parseDocument(file: string, source: string): PageDocument {
  const problems: Problem[] = [];
  let tree: MdastNode | undefined;
  try {
    const parsed = parseTree(file, source);
    tree = parsed.tree;
    if (parsed.tooDeep) problems.push(tooDeepProblem(file, positionOf(parsed.tooDeep)));
  } catch (error) {
    problems.push(syntaxProblem(file, error));
  }
  const found: WalkState['document'] = { explicitIds: [], taskIds: [], components: [], references: [], definitionUses: [], diagrams: [] };
  const children = tree && 'children' in tree ? (tree.children as MdastNode[]) : [];
  const yamlNode = children.find((node): node is Extract<MdastNode, { type: 'yaml' }> => node.type === 'yaml');
  const frontmatter = readFrontmatter(file, yamlNode, tree !== undefined, problems);
  const page: PageParts = { headings: [], definitions: new Map(), footnotes: new Map() };
  if (tree) walk(tree, { file, problems, inHeading: false, taskId: createTaskIds(), document: found, block: 0, blocks: { count: 0 }, page });
  const parsed = tree !== undefined;
  let lead: string | undefined;
  let text: string | undefined;
  return {
    file,
    frontmatter: frontmatter.data,
    frontmatterPosition: frontmatter.locate,
    ...found,
    headings: readHeadings(page),
    references: [...frontmatter.references, ...found.references],
    get lead() {
      lead ??= parsed ? leadText(parseTree(file, source).tree) : '';
      return lead;
    },
    get text() {
      text ??= parsed ? pageText(parseTree(file, source).tree) : '';
      return text;
    },
    problems,
  };
}

function tooDeepProblem(file: string, position: Position): Problem {
  return problem('nesting-too-deep', file, position, `elements are nested more than ${MAX_NESTING_DEPTH} levels deep here (quotes, lists, components or HTML inside each other); the renderer cannot build such a page. Flatten the nesting: end the quote or list, or split it`);
}

function syntaxProblem(file: string, error: unknown): Problem {
  const text = error instanceof Error ? error.message : String(error);
  // Satteri prefixes its messages with the 1-based "line:column" of the fault.
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(text);
  const position = match ? { line: Number(match[1]), column: Number(match[2]) } : START;
  const message = (match ? text.slice(match[0].length) : text).replace(/\s*\([a-z-]+:[a-z-]+\)$/, '');
  return problem('syntax-error', file, position, `${message}. Fix the syntax here; until then no link on this page can be checked`);
}

const BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'tableRow']);

/**
 * Reads one node and its descendants. The state is one object for the whole page: what holds only
 * inside a node (the enclosing block's number, being inside a heading) is set on it for the node's
 * descendants and put back after them, rather than copied for every block of every page.
 */
function walk(node: MdastNode, state: WalkState): void {
  if (!BLOCKS.has(node.type)) {
    readNode(node, state);
    return;
  }
  const outer = state.block;
  state.block = state.blocks.count += 1;
  readNode(node, state);
  state.block = outer;
}

function readNode(node: MdastNode, state: WalkState): void {
  const { document } = state;
  switch (node.type) {
    case 'code':
      if (node.lang === DIAGRAM_LANGUAGE) readDiagramBlock(node, state);
      return;
    case 'inlineCode':
    case 'yaml':
      return;
    case 'mdxjsEsm':
      for (const fault of esmFaults(node.value, state.file, positionOf(node))) state.problems.push(problem(fault.rule, state.file, fault.position, fault.message));
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const fault = expressionFault(node.value, positionOf(node));
      if (fault) state.problems.push(problem(fault.rule, state.file, fault.position, fault.message));
      return;
    }
    case 'heading': {
      state.page.headings.push(node);
      const outer = state.inHeading;
      state.inHeading = true;
      for (const child of node.children as MdastNode[]) walk(child, state);
      state.inHeading = outer;
      return;
    }
    case 'listItem':
      if (isTaskItem(node)) document.taskIds.push(taskItemElementId(state.taskId(taskItemText(node))));
      break;
    case 'link': {
      const reference = new WrittenReference(kept(node.url), 'markdown', state.file, node);
      reference.block = state.block;
      if (state.inHeading) reference.inHeading = true;
      reportScriptUrl(reference, state);
      document.references.push(reference);
      break;
    }
    case 'image': {
      const reference = new WrittenReference(kept(node.url), 'image', state.file, node);
      reportScriptUrl(reference, state);
      document.references.push(reference);
      break;
    }
    case 'definition': {
      const reference = new WrittenReference(kept(node.url), 'definition', state.file, node);
      reference.identifier = kept(node.identifier);
      reportScriptUrl(reference, state);
      if (!state.page.definitions.has(node.identifier)) state.page.definitions.set(node.identifier, node.url);
      document.references.push(reference);
      break;
    }
    case 'footnoteReference': {
      const label = node.identifier.toUpperCase();
      if (!state.page.footnotes.has(label)) state.page.footnotes.set(label, state.page.footnotes.size + 1);
      break;
    }
    case 'linkReference':
    case 'imageReference':
      document.definitionUses.push({ identifier: kept(node.identifier), inHeading: state.inHeading, image: node.type === 'imageReference' });
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      readJsxElement(node, state);
      break;
    case 'html':
      readHtml(node.value, positionOf(node), state);
      return;
  }
  if ('children' in node) for (const child of node.children as MdastNode[]) walk(child, state);
}

/** A ```mermaid block is drawn at build time: one that does not read is a problem at its line and column. */
function readDiagramBlock(node: Extract<MdastNode, { type: 'code' }>, state: WalkState): void {
  const reading = readDiagram(node.value, node.meta, diagramTextStart(node.position?.start));
  if (reading.ok) state.document.diagrams.push(reading.diagram.title);
  else for (const fault of reading.faults) state.problems.push(problem('diagram-invalid', state.file, fault.position, fault.message));
}

function reportScriptUrl(reference: { url: string; position: Position }, state: WalkState): void {
  const { url } = reference;
  if (isScriptUrl(url)) state.problems.push(problem('html-unsafe', state.file, reference.position, `"${url.slice(0, 30)}" is a script URL, which runs code in the reader's browser when followed; link to a page or an https address`));
}

/** The page's headings with their ids: the renderer's id plugin, run once over the hast they render as. */
function readHeadings({ headings, definitions, footnotes }: PageParts): Heading[] {
  const context = { definition: (label: string) => definitions.get(label), footnoteNumber: (label: string) => footnotes.get(label.toUpperCase()) };
  const ids = assignHeadingIds(headings.map((node) => headingHast(node, context)));
  return headings.map((node, i) => ({ id: kept(ids[i]!.id), text: kept(ids[i]!.text), depth: node.depth, position: positionOf(node) }));
}

function readJsxElement(element: Extract<MdastNode, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>, state: WalkState): void {
  const props: Record<string, string> = {};
  const name = element.name ?? 'fragment';
  const position = positionOf(element);
  // An `id` on an HTML element (lowercase name) is rendered as written; a component's `id` prop is its
  // own business, and the ids a component renders are declared in component-anchors.ts.
  const isHtmlElement = /^[a-z]/.test(name);
  if (isHtmlElement && UNSAFE_ELEMENTS.has(name.toLowerCase())) state.problems.push(unsafeElementProblem(name, state.file, position));
  for (const attribute of element.attributes) {
    const expression = attribute.type === 'mdxJsxExpressionAttribute' ? attribute.value : typeof attribute.value === 'object' && attribute.value !== null ? attribute.value.value : undefined;
    if (expression !== undefined) {
      const fault = expressionFault(expression, position, attribute.type === 'mdxJsxExpressionAttribute' ? 'spread' : 'expression');
      // The attribute's own place is not known: the fault is reported at the element.
      if (fault) state.problems.push(problem(fault.rule, state.file, position, fault.message));
    }
    if (attribute.type !== 'mdxJsxAttribute') continue;
    if (isHtmlElement) {
      const unsafe = unsafeAttribute(attribute.name, attribute.value);
      if (unsafe) state.problems.push(problem('html-unsafe', state.file, position, `${unsafe}; remove it`));
    }
    if (typeof attribute.value !== 'string') continue;
    // A component renders its link props as links: a script URL there runs code as well.
    if (!isHtmlElement && LINK_ATTRIBUTES.has(attribute.name)) reportScriptUrl({ url: attribute.value, position }, state);
    const value = kept(attribute.value);
    props[attribute.name] = value;
    if (attribute.name === 'id' && isHtmlElement) state.document.explicitIds.push(value);
    if (LINK_ATTRIBUTES.has(attribute.name)) {
      const reference = new WrittenReference(value, 'jsx-prop', state.file, element);
      reference.via = kept(`${attribute.name} of <${name}>`);
      reference.block = state.block;
      state.document.references.push(reference);
    }
  }
  state.document.components.push({ name, props, position: positionOf(element) });
}

function unsafeElementProblem(name: string, file: string, position: Position): Problem {
  return problem('html-unsafe', file, position, `<${name}> is not allowed in a page: it could run code, restyle the whole site, embed another site or redirect links. Remove it; use a component made for pages, or a code block to show code`);
}

/**
 * Raw HTML (in Markdown pages): ids, links, and elements or attributes a page may not have. Each
 * element is located by its start tag in the HTML text, and each link at its attribute's value.
 */
function readHtml(html: string, start: Position, state: WalkState): void {
  const root = htmlToHast(html, { fragment: true });
  const tooDeep = cutDeeperThan(root, MAX_NESTING_DEPTH);
  if (tooDeep) state.problems.push(tooDeepProblem(state.file, start));
  const tags = startTags(html);
  let next = 0;
  const pending: HastNode[] = [root];
  while (pending.length > 0) {
    const node = pending.shift()!;
    if (node.type === 'element') {
      // Elements come in document order, as their start tags do.
      const tag = tags.findIndex((candidate, index) => index >= next && candidate.name === node.tagName.toLowerCase());
      const tagAt = tag === -1 ? undefined : tags[tag];
      if (tag !== -1) next = tag + 1;
      const elementStart = tagAt === undefined ? start : positionAt(html, tagAt.offset, start);
      if (UNSAFE_ELEMENTS.has(node.tagName)) state.problems.push(unsafeElementProblem(node.tagName, state.file, elementStart));
      for (const [name, value] of Object.entries(node.properties)) {
        const attribute = tagAt?.attributes.find((candidate) => candidate.name === name.toLowerCase() || candidate.name === hastAttributeName(name));
        const unsafe = unsafeAttribute(attribute?.name ?? name, typeof value === 'string' ? value : undefined);
        if (unsafe) state.problems.push(problem('html-unsafe', state.file, elementStart, `${unsafe}; remove it`));
        if (typeof value !== 'string') continue;
        if (name === 'id') state.document.explicitIds.push(value);
        if (LINK_ATTRIBUTES.has(name)) {
          const position = attribute ? positionAt(html, attribute.valueOffset, start) : elementStart;
          state.document.references.push({ url: value, origin: 'html', via: `${name} of <${node.tagName}>`, file: state.file, position });
        }
      }
    }
    // Children in document order, ahead of what follows their parent.
    if ('children' in node) pending.unshift(...(node.children as HastNode[]));
  }
}

/** hast names attributes in camelCase (`onClick`, `httpEquiv`); HTML writes them in lower case with dashes. */
const hastAttributeName = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

interface StartTag {
  name: string;
  offset: number;
  attributes: { name: string; valueOffset: number }[];
}

/**
 * The start tags of an HTML fragment with where each attribute's value begins, read from the text:
 * the parser says which elements there are, not where their attributes were written.
 */
function startTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  const tagPattern = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  for (const match of html.matchAll(tagPattern)) {
    const offset = match.index;
    const attributesText = match[2] ?? '';
    const attributesStart = offset + 1 + (match[1]?.length ?? 0);
    const attributes: StartTag['attributes'] = [];
    const attributePattern = /([^\s"'>\/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
    for (const attribute of attributesText.matchAll(attributePattern)) {
      const value = attribute[2];
      const valueStart = value === undefined ? attribute.index : attribute.index + attribute[0].length - value.length + (value.startsWith('"') || value.startsWith("'") ? 1 : 0);
      attributes.push({ name: (attribute[1] ?? '').toLowerCase(), valueOffset: attributesStart + valueStart });
    }
    tags.push({ name: (match[1] ?? '').toLowerCase(), offset, attributes });
  }
  return tags;
}

/**
 * A copy of a string from the parser's tree that holds only its own characters. Satteri decodes each
 * page's strings at once and hands out slices of that decoded text, and a slice keeps the whole text
 * alive: a check keeps each page's links and ids until every page is read, so without copies it would
 * also keep every page's text a second time, which the garbage collector copies and scans over and over.
 * (Concatenating flattens the string into a new one; slicing that copy keeps only the copy.)
 */
const kept = (value: string): string => ` ${value}`.slice(1);

function positionOf(node: { position?: { start: { line: number; column: number } } | undefined }): Position {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : START;
}

interface FrontmatterResult {
  data: Record<string, unknown> | undefined;
  locate: (path: readonly (string | number)[]) => Position;
  references: Reference[];
}

function readFrontmatter(file: string, yamlNode: { value: string; position?: { start: Position } | undefined } | undefined, parsed: boolean, problems: Problem[]): FrontmatterResult {
  const none: FrontmatterResult = { data: undefined, locate: () => START, references: [] };
  if (!yamlNode) {
    if (parsed) problems.push(problem('frontmatter-invalid', file, START, 'the page has no frontmatter; start it with a --- block holding title, description, section, related and sources'));
    return none;
  }
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (yamlNode.position?.start.line ?? 1) + 1;
  const yaml = parseYaml(kept(yamlNode.value), { line: firstLine, column: 1 });
  if (!yaml.ok) {
    for (const fault of yaml.faults) problems.push(problem('frontmatter-invalid', file, fault.position, `the frontmatter is not valid YAML: ${fault.reason}`));
    return none;
  }
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    problems.push(problem('frontmatter-invalid', file, { line: firstLine, column: 1 }, 'the frontmatter must be a set of "key: value" fields'));
    return none;
  }
  const data = yaml.data as Record<string, unknown>;
  for (const fault of headFaults(data['head'])) problems.push(problem('head-unsafe', file, yaml.locate(fault.path), fault.message));
  for (const { path, url } of frontmatterLinks(data)) {
    if (isScriptUrl(url)) problems.push(problem('html-unsafe', file, yaml.locate(path), `"${url.slice(0, 30)}" in ${path.join('.')} is a script URL, which runs code in the reader's browser when followed; link to a page or an https address`));
  }
  return { data, locate: yaml.locate, references: frontmatterReferences(data, file, yaml.locate) };
}

function frontmatterReferences(data: Record<string, unknown>, file: string, locate: (path: readonly (string | number)[]) => Position): Reference[] {
  const references: Reference[] = [];
  for (const field of ['related', 'sources'] as const) {
    const list = data[field];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      if (typeof item === 'string') references.push(locatedLater({ url: item, origin: field, via: field, file }, () => locate([field, index])));
    });
  }
  for (const { path, url } of frontmatterLinks(data)) {
    references.push(locatedLater({ url, origin: 'frontmatter-link', via: path.join('.'), file }, () => locate(path)));
  }
  return references;
}

/**
 * A reference written in a page's text. A check keeps every page's references until all pages are read,
 * so each is one object of one shape, with its place as two numbers; the Position is made when asked for
 * (a message needs it for the few references that fail).
 */
class WrittenReference implements Reference {
  readonly url: string;
  readonly origin: ReferenceOrigin;
  via?: string;
  inHeading?: boolean;
  identifier?: string;
  block?: number;
  readonly file: string;
  readonly #line: number;
  readonly #column: number;

  constructor(url: string, origin: ReferenceOrigin, file: string, node: { position?: { start: { line: number; column: number } } | undefined }) {
    this.url = url;
    this.origin = origin;
    this.file = file;
    const start = node.position?.start ?? START;
    this.#line = start.line;
    this.#column = start.column;
  }

  get position(): Position {
    return { line: this.#line, column: this.#column };
  }
}

/**
 * A frontmatter reference whose position is worked out only if a message needs it: locating a field
 * parses the YAML a second time, and almost every reference resolves without a message.
 */
export function locatedLater(reference: Omit<Reference, 'position'>, locate: () => Position): Reference {
  return new LocatedLater(reference, locate);
}

/** A reference whose `position` is a getter on the class, so that every such reference has one shape. */
class LocatedLater implements Reference {
  readonly url: string;
  readonly origin: ReferenceOrigin;
  readonly via?: string;
  readonly file: string;
  #position: Position | undefined;
  readonly #locate: () => Position;

  constructor(reference: Omit<Reference, 'position'>, locate: () => Position) {
    this.url = reference.url;
    this.origin = reference.origin;
    if (reference.via !== undefined) this.via = reference.via;
    this.file = reference.file;
    this.#locate = locate;
  }

  get position(): Position {
    return (this.#position ??= this.#locate());
  }
}
