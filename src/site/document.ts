import { htmlToHast, markdownToMdast, mdxToMdast, type HastNode, type MdastNode } from 'satteri';
import { START, positionAt, type Position } from '../lib/position.ts';
import { parseYaml } from '../lib/yaml.ts';
import { problem, type Problem } from '../rules/problem.ts';
import { assignHeadingIds, headingHast } from './heading-ids.ts';
import { LINK_ATTRIBUTES } from './links.ts';
import { leadText } from './lead-text.ts';
import { FrontmatterLinksSchema } from '../schemas/page.ts';
import { createTaskIds, isTaskItem, taskItemElementId, taskItemText } from './task-items.ts';

/**
 * Where a reference was written. `related`, `sources` and `data-page` are lists of ids; every other
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
  | 'data-page';

export interface Reference {
  url: string;
  origin: ReferenceOrigin;
  /** Where in its origin the value sits, for messages: "href of <LinkCard>", "hero.actions.0.link". */
  via?: string;
  /** Written inside a heading, where a citation renders without its notes link and preview. */
  inHeading?: boolean;
  /** The label of a reference definition (`[label]: url`), which reference-style links use. */
  identifier?: string;
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
  /** Reference-style links and images (`[text][label]`), by the label they use: each renders its definition's link. */
  definitionUses: { identifier: string; inHeading: boolean; image: boolean }[];
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
  inHeading: boolean;
  taskId: (text: string) => string;
  document: Pick<PageDocument, 'explicitIds' | 'taskIds' | 'components' | 'references' | 'definitionUses'>;
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

export function parseDocument(file: string, source: string): PageDocument {
  const problems: Problem[] = [];
  let tree: MdastNode | undefined;
  try {
    tree = file.endsWith('.mdx') ? mdxToMdast(source) : markdownToMdast(source);
  } catch (error) {
    problems.push(syntaxProblem(file, error));
  }
  const found: WalkState['document'] = { explicitIds: [], taskIds: [], components: [], references: [], definitionUses: [] };
  const page: PageParts = { headings: [], definitions: new Map(), footnotes: new Map() };
  const children = tree && 'children' in tree ? (tree.children as MdastNode[]) : [];
  const yamlNode = children.find((node): node is Extract<MdastNode, { type: 'yaml' }> => node.type === 'yaml');
  const frontmatter = readFrontmatter(file, yamlNode, tree !== undefined, problems);
  if (tree) walk(tree, { file, inHeading: false, taskId: createTaskIds(), document: found, page });
  const parsed = tree !== undefined;
  let lead: string | undefined;
  return {
    file,
    frontmatter: frontmatter.data,
    frontmatterPosition: frontmatter.locate,
    ...found,
    headings: readHeadings(page),
    references: [...frontmatter.references, ...found.references],
    get lead() {
      lead ??= parsed ? leadText(file.endsWith('.mdx') ? mdxToMdast(source) : markdownToMdast(source)) : '';
      return lead;
    },
    problems,
  };
}

function syntaxProblem(file: string, error: unknown): Problem {
  const text = error instanceof Error ? error.message : String(error);
  // Satteri prefixes its messages with the 1-based "line:column" of the fault.
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(text);
  const position = match ? { line: Number(match[1]), column: Number(match[2]) } : START;
  const message = (match ? text.slice(match[0].length) : text).replace(/\s*\([a-z-]+:[a-z-]+\)$/, '');
  return problem('syntax-error', file, position, `${message}. Fix the syntax here; until then no link on this page can be checked`);
}

function walk(node: MdastNode, state: WalkState): void {
  const { document } = state;
  switch (node.type) {
    case 'code':
    case 'inlineCode':
    case 'yaml':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return;
    case 'heading': {
      state.page.headings.push(node);
      for (const child of node.children as MdastNode[]) walk(child, { ...state, inHeading: true });
      return;
    }
    case 'listItem':
      if (isTaskItem(node)) document.taskIds.push(taskItemElementId(state.taskId(taskItemText(node))));
      break;
    case 'link':
      document.references.push({ url: node.url, origin: 'markdown', file: state.file, position: positionOf(node), ...(state.inHeading ? { inHeading: true } : {}) });
      break;
    case 'image':
      document.references.push({ url: node.url, origin: 'image', file: state.file, position: positionOf(node) });
      break;
    case 'definition':
      if (!state.page.definitions.has(node.identifier)) state.page.definitions.set(node.identifier, node.url);
      document.references.push({ url: node.url, origin: 'definition', identifier: node.identifier, file: state.file, position: positionOf(node) });
      break;
    case 'footnoteReference': {
      const label = node.identifier.toUpperCase();
      if (!state.page.footnotes.has(label)) state.page.footnotes.set(label, state.page.footnotes.size + 1);
      break;
    }
    case 'linkReference':
    case 'imageReference':
      document.definitionUses.push({ identifier: node.identifier, inHeading: state.inHeading, image: node.type === 'imageReference' });
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

/** The page's headings with their ids: the renderer's id plugin, run once over the hast they render as. */
function readHeadings({ headings, definitions, footnotes }: PageParts): Heading[] {
  const context = { definition: (label: string) => definitions.get(label), footnoteNumber: (label: string) => footnotes.get(label.toUpperCase()) };
  const ids = assignHeadingIds(headings.map((node) => headingHast(node, context)));
  return headings.map((node, i) => ({ ...ids[i]!, depth: node.depth, position: positionOf(node) }));
}

function readJsxElement(element: Extract<MdastNode, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>, state: WalkState): void {
  const props: Record<string, string> = {};
  const name = element.name ?? 'fragment';
  // An `id` on an HTML element (lowercase name) is rendered as written; a component's `id` prop is its
  // own business, and the ids a component renders are declared in component-anchors.ts.
  const isHtmlElement = /^[a-z]/.test(name);
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
    props[attribute.name] = attribute.value;
    if (attribute.name === 'id' && isHtmlElement) state.document.explicitIds.push(attribute.value);
    if (LINK_ATTRIBUTES.has(attribute.name)) {
      state.document.references.push({ url: attribute.value, origin: 'jsx-prop', via: `${attribute.name} of <${name}>`, file: state.file, position: positionOf(element) });
    }
  }
  state.document.components.push({ name, props, position: positionOf(element) });
}

function readHtml(html: string, start: Position, state: WalkState): void {
  const visit = (node: HastNode): void => {
    if (node.type === 'element') {
      for (const [name, value] of Object.entries(node.properties)) {
        if (typeof value !== 'string') continue;
        if (name === 'id') state.document.explicitIds.push(value);
        if (LINK_ATTRIBUTES.has(name)) {
          const offset = html.indexOf(value);
          state.document.references.push({ url: value, origin: 'html', via: `${name} of <${node.tagName}>`, file: state.file, position: positionAt(html, offset, start) });
        }
      }
    }
    if ('children' in node) for (const child of node.children as HastNode[]) visit(child);
  };
  visit(htmlToHast(html, { fragment: true }));
}

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
  const yaml = parseYaml(yamlNode.value, { line: firstLine, column: 1 });
  if (!yaml.ok) {
    for (const fault of yaml.faults) problems.push(problem('frontmatter-invalid', file, fault.position, `the frontmatter is not valid YAML: ${fault.reason}`));
    return none;
  }
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    problems.push(problem('frontmatter-invalid', file, { line: firstLine, column: 1 }, 'the frontmatter must be a set of "key: value" fields'));
    return none;
  }
  const data = yaml.data as Record<string, unknown>;
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
