import { parseMermaid } from 'beautiful-mermaid';
import type { Position } from '../lib/position.ts';

/**
 * Diagrams written as text in a page: a fenced block in Mermaid's flowchart language,
 *
 *     ```mermaid title="An ML pipeline, end to end"
 *     flowchart LR
 *       data[Raw data] --> features[Feature pipeline] --> train[Training]
 *     ```
 *
 * read by one function, `readDiagram`, which the checker calls to report problems at their line and
 * column and the renderer calls to draw the diagram. The drawing library has a lenient parser that
 * drops what it cannot read; this one reads the same language strictly, and then compares its reading
 * with the library's, so that a diagram the check accepts is drawn with every node and arrow written.
 */

export const DIAGRAM_LANGUAGE = 'mermaid';

export type Direction = 'LR' | 'RL' | 'TD' | 'TB' | 'BT';

export interface DiagramNode {
  id: string;
  label: string;
  shape: string;
  /** The line (from 1, in the diagram's text) that first gave the node its label. */
  line: number;
}

export interface DiagramEdge {
  from: string;
  to: string;
  label?: string;
  style: 'solid' | 'dotted' | 'thick';
  /** Whether the line has an arrowhead, and at which ends. */
  arrow: 'none' | 'end' | 'both';
  line: number;
}

export interface DiagramGroup {
  id: string;
  label: string;
  nodeIds: string[];
  line: number;
}

export interface Diagram {
  title: string;
  direction: Direction;
  nodes: Map<string, DiagramNode>;
  edges: DiagramEdge[];
  groups: DiagramGroup[];
  /** The diagram's text as written, which the drawing library draws. */
  source: string;
}

export interface DiagramFault {
  position: Position;
  message: string;
}

export type DiagramReading = { ok: true; diagram: Diagram } | { ok: false; faults: DiagramFault[] };

/** A node's shape by its brackets, outermost first; longer brackets are tried before the shorter ones they start with. */
const SHAPES: readonly { open: string; close: string; shape: string }[] = [
  { open: '(((', close: ')))', shape: 'double circle' },
  { open: '([', close: '])', shape: 'stadium' },
  { open: '((', close: '))', shape: 'circle' },
  { open: '[[', close: ']]', shape: 'subroutine' },
  { open: '[(', close: ')]', shape: 'cylinder' },
  { open: '{{', close: '}}', shape: 'hexagon' },
  { open: '[', close: ']', shape: 'rectangle' },
  { open: '(', close: ')', shape: 'rounded' },
  { open: '{', close: '}', shape: 'diamond' },
];

const ARROWS: readonly { text: string; style: DiagramEdge['style']; head: boolean }[] = [
  { text: '-.->', style: 'dotted', head: true },
  { text: '-->', style: 'solid', head: true },
  { text: '==>', style: 'thick', head: true },
  { text: '-.-', style: 'dotted', head: false },
  { text: '---', style: 'solid', head: false },
  { text: '===', style: 'thick', head: false },
];

const ID = /^[A-Za-z][A-Za-z0-9_]*/;
const HEADER = /^(?:flowchart|graph)\s+(LR|RL|TD|TB|BT)$/;
const STYLING = /^(?:classDef|class|style|linkStyle)\b/;

/**
 * Where a fenced block's text starts: the line after its opening fence, at the fence's column (a block
 * indented in a list has its indent taken off every line of its text).
 */
export function diagramTextStart(fence: { line: number; column: number } | undefined): Position {
  return fence ? { line: fence.line + 1, column: fence.column } : { line: 2, column: 1 };
}

/** The options written after the language name: `title="…"`, the only one there is, and required. */
export function readDiagramOptions(meta: string | null | undefined): { title?: string; unknown: string[] } {
  const options = [...(meta ?? '').matchAll(/([A-Za-z-]+)=(?:"([^"]*)"|'([^']*)')/g)];
  const title = options.find((option) => option[1] === 'title');
  const rest = (meta ?? '').replace(/([A-Za-z-]+)=(?:"[^"]*"|'[^']*')/g, '').trim();
  return {
    ...(title ? { title: (title[2] ?? title[3] ?? '').trim() } : {}),
    unknown: [...options.filter((option) => option[1] !== 'title').map((option) => option[1]!), ...(rest ? [rest] : [])],
  };
}

/**
 * Reads a diagram block. `start` is where the block's first line of text is in the page (the line after
 * the opening fence, and the column its text starts at), so every fault is reported where it was written.
 */
export function readDiagram(source: string, meta: string | null | undefined, start: Position): DiagramReading {
  const faults: DiagramFault[] = [];
  const at = (line: number, column: number, message: string) => faults.push({ position: { line: start.line + line - 1, column: start.column + column - 1 }, message });
  const options = readDiagramOptions(meta);
  const fence = { line: start.line - 1, column: Math.max(1, start.column) };
  if (!options.title) faults.push({ position: fence, message: 'the diagram has no title: write it after the language, as ```mermaid title="What the diagram shows"; it names the picture for screen readers and under the drawing' });
  for (const option of options.unknown) faults.push({ position: fence, message: `"${option}" is not an option of a diagram; the only one is title="…"` });

  const lines = source.split('\n');
  const statements = lines
    .map((text, index) => ({ text: text.trim(), line: index + 1, column: text.length - text.trimStart().length + 1 }))
    .filter((statement) => statement.text !== '' && !statement.text.startsWith('%%'));
  const [header, ...body] = statements;
  const headerMatch = header ? HEADER.exec(header.text.replace(/\s+/g, ' ')) : null;
  if (!header || !headerMatch) {
    const where = header ?? { line: 1, column: 1, text: '' };
    at(where.line, where.column, `a diagram starts with "flowchart" and a direction (LR, RL, TD or BT), as in "flowchart LR"; found "${where.text}". Only flowcharts are drawn`);
    return { ok: false, faults };
  }

  const diagram: Diagram = { title: options.title ?? '', direction: headerMatch[1] as Direction, nodes: new Map(), edges: [], groups: [], source };
  const open: { group: DiagramGroup; column: number }[] = [];
  for (const statement of body) {
    const { text, line, column } = statement;
    const fault = (offset: number, message: string) => at(line, column + offset, message);
    if (STYLING.test(text)) {
      fault(0, 'colours and classes are set by the site, so that the diagram reads in the light and the dark theme; remove this line');
      continue;
    }
    const direction = /^direction\s+(\S+)$/.exec(text);
    if (direction) {
      if (open.length === 0) fault(0, 'a "direction" line belongs inside a subgraph; the whole diagram\'s direction is on its first line');
      else if (!/^(LR|RL|TD|TB|BT)$/.test(direction[1]!)) fault(10, `"${direction[1]}" is not a direction; write LR, RL, TD or BT`);
      continue;
    }
    const subgraph = /^subgraph\s+(.+)$/.exec(text);
    if (subgraph) {
      const group = readGroup(subgraph[1]!.trim(), line);
      if (!group) fault(9, 'write a subgraph as "subgraph id [Label]" or "subgraph Label"');
      else {
        diagram.groups.push(group);
        open.push({ group, column });
      }
      continue;
    }
    if (text === 'end') {
      if (!open.pop()) fault(0, '"end" closes no subgraph; remove it or open the subgraph before it');
      continue;
    }
    const chainFault = readChain(text, line, diagram, open.at(-1)?.group);
    if (chainFault) fault(chainFault.offset, chainFault.message);
  }
  for (const { group, column } of open) at(group.line, column, `the subgraph "${group.label}" is never closed; end it with a line "end"`);
  if (faults.length === 0 && diagram.nodes.size === 0) at(header.line, header.column, 'the diagram has no nodes; add at least one line such as "a[First step] --> b[Second step]"');
  if (faults.length === 0) faults.push(...compareWithRenderer(diagram, start));
  return faults.length > 0 ? { ok: false, faults } : { ok: true, diagram };
}

function readGroup(text: string, line: number): DiagramGroup | undefined {
  const withLabel = /^([A-Za-z][A-Za-z0-9_-]*)\s*\[([^\]]+)\]$/.exec(text);
  if (withLabel) return { id: withLabel[1]!, label: withLabel[2]!.trim(), nodeIds: [], line };
  if (/[[\]"]/.test(text)) return undefined;
  return { id: text.replace(/\s+/g, '_').replace(/[^\w]/g, ''), label: text, nodeIds: [], line };
}

interface ChainFault {
  /** From the start of the statement. */
  offset: number;
  message: string;
}

/** Reads `a[Label] --> b & c -->|label| d`: nodes joined by arrows, with `&` between nodes that share an arrow. */
function readChain(text: string, line: number, diagram: Diagram, group: DiagramGroup | undefined): ChainFault | undefined {
  let at = 0;
  const skipSpace = () => {
    while (text[at] === ' ' || text[at] === '\t') at += 1;
  };
  const readNodes = (): string[] | ChainFault => {
    const ids: string[] = [];
    for (;;) {
      const node = readNode(text, at, line);
      if ('message' in node) return node;
      at = node.end;
      const known = diagram.nodes.get(node.id);
      if (node.label !== undefined) {
        if (known && known.label !== node.label) return { offset: node.start, message: `the node "${node.id}" is already labelled "${known.label}" (line ${known.line}); write its label once and refer to it by its id alone` };
        if (!known) diagram.nodes.set(node.id, { id: node.id, label: node.label, shape: node.shape, line });
      } else if (!known) diagram.nodes.set(node.id, { id: node.id, label: node.id, shape: 'rectangle', line });
      // A node belongs to the group it first appears in, as the drawing places it.
      if (group && !known && !group.nodeIds.includes(node.id)) group.nodeIds.push(node.id);
      ids.push(node.id);
      skipSpace();
      if (text[at] !== '&') return ids;
      at += 1;
      skipSpace();
    }
  };
  let from = readNodes();
  if (!Array.isArray(from)) return from;
  skipSpace();
  while (at < text.length) {
    const arrow = readArrow(text, at);
    if ('message' in arrow) return arrow;
    at = arrow.end;
    skipSpace();
    if (at >= text.length) return { offset: arrow.start, message: 'this arrow points at nothing; write the node it leads to after it' };
    const to = readNodes();
    if (!Array.isArray(to)) return to;
    for (const source of from) for (const target of to) diagram.edges.push({ from: source, to: target, ...(arrow.label ? { label: arrow.label } : {}), style: arrow.style, arrow: arrow.arrow, line });
    from = to;
    skipSpace();
  }
  return undefined;
}

function readNode(text: string, start: number, line: number): { id: string; label?: string; shape: string; start: number; end: number } | ChainFault {
  void line;
  const id = ID.exec(text.slice(start));
  if (!id) return { offset: start, message: `expected a node id (a letter, then letters, digits or _) but found "${text.slice(start, start + 12)}"` };
  let at = start + id[0].length;
  if (text[at] === '-' && !text.startsWith('-->', at) && !text.startsWith('---', at) && !text.startsWith('-.', at)) {
    return { offset: at, message: 'a node id has only letters, digits and _; write "-" only in an arrow' };
  }
  if (/^[-=<]/.test(text.slice(at)) && at > start) {
    return { offset: at, message: 'put a space between a node and its arrow, as in "a --> b"' };
  }
  const shape = SHAPES.find((candidate) => text.startsWith(candidate.open, at));
  if (!shape) return { id: id[0], shape: 'rectangle', start, end: at };
  const labelStart = at + shape.open.length;
  const close = text.indexOf(shape.close, labelStart);
  if (close < 0) return { offset: at, message: `the label of "${id[0]}" opens with ${shape.open} but is never closed with ${shape.close}` };
  const label = text.slice(labelStart, close);
  const stray = /[[\](){}|"]/.exec(label);
  if (stray) {
    return {
      offset: labelStart + stray.index,
      message: stray[0] === '"' ? 'quotes are drawn as written; leave them out of the label' : `"${stray[0]}" inside a label ends it early or is drawn as written; reword the label without brackets, braces or |`,
    };
  }
  if (label.trim() === '') return { offset: labelStart, message: `the label of "${id[0]}" is empty; write what the step is, or drop the brackets` };
  return { id: id[0], label: label.trim(), shape: shape.shape, start, end: close + shape.close.length };
}

function readArrow(text: string, start: number): { style: DiagramEdge['style']; arrow: DiagramEdge['arrow']; label?: string; start: number; end: number } | ChainFault {
  let at = start;
  const both = text[at] === '<';
  if (both) at += 1;
  const plain = ARROWS.find((candidate) => text.startsWith(candidate.text, at));
  if (plain) {
    at += plain.text.length;
    if (both && !plain.head) return { offset: start, message: `"<${plain.text}" points one way only; write "<-->" for an arrow at both ends` };
    let label: string | undefined;
    if (text[at] === '|') {
      const close = text.indexOf('|', at + 1);
      if (close < 0) return { offset: at, message: 'the arrow\'s label opens with | but is never closed with |' };
      label = text.slice(at + 1, close).trim();
      if (label === '') return { offset: at, message: 'the arrow\'s label is empty; write it between the bars, or drop them' };
      if (/["[\](){}]/.test(label)) return { offset: at + 1, message: 'an arrow\'s label is drawn as written; leave quotes and brackets out of it' };
      at = close + 1;
    }
    return { style: plain.style, arrow: plain.head ? (both ? 'both' : 'end') : 'none', ...(label ? { label } : {}), start, end: at };
  }
  return { offset: start, message: `expected an arrow (-->, ---, -.->, -.-, ==> or ===) but found "${text.slice(start, start + 12)}"; write a label on an arrow as -->|label|` };
}

/**
 * The drawing library's reading of the same text, which must match: same nodes with the same labels,
 * same arrows in the same order, same groups. A difference would be a picture that leaves out or
 * changes what the page's text says; it is reported at the line whose reading differs.
 */
function compareWithRenderer(diagram: Diagram, start: Position): DiagramFault[] {
  const fault = (line: number, message: string): DiagramFault[] => [{ position: { line: start.line + line - 1, column: start.column }, message }];
  let drawn: ReturnType<typeof parseMermaid>;
  try {
    drawn = parseMermaid(diagram.source);
  } catch (error) {
    return fault(1, `the diagram cannot be drawn: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const node of diagram.nodes.values()) {
    const other = drawn.nodes.get(node.id);
    if (!other || other.label !== node.label) return fault(node.line, `the drawing reads the node "${node.id}" as ${other ? `"${other.label}"` : 'missing'}; simplify its label`);
  }
  for (const id of drawn.nodes.keys()) {
    if (!diagram.nodes.has(id)) return fault(1, `the drawing finds a node "${id}" that is not written as one; check the line that mentions it`);
  }
  const edges = diagram.edges;
  for (let i = 0; i < Math.max(edges.length, drawn.edges.length); i += 1) {
    const mine = edges[i];
    const theirs = drawn.edges[i];
    if (!mine || !theirs || mine.from !== theirs.source || mine.to !== theirs.target || (mine.label ?? '') !== (theirs.label ?? '')) {
      const line = mine?.line ?? edges.at(-1)?.line ?? 1;
      return fault(line, `the drawing reads the arrows of this line differently${theirs ? ` (it sees ${theirs.source} → ${theirs.target})` : ''}; write one arrow between two nodes, with its label as -->|label|`);
    }
  }
  const drawnGroups = flattenGroups(drawn.subgraphs);
  for (const group of diagram.groups) {
    const other = drawnGroups.find((candidate) => candidate.id === group.id);
    if (!other || other.label !== group.label) return fault(group.line, `the drawing reads the subgraph "${group.label}" differently; write it as "subgraph id [Label]"`);
  }
  return [];
}

function flattenGroups(groups: ReturnType<typeof parseMermaid>['subgraphs']): { id: string; label: string }[] {
  return groups.flatMap((group) => [{ id: group.id, label: group.label }, ...flattenGroups(group.children)]);
}

const DIRECTION_WORDS: Record<Direction, string> = { LR: 'left to right', RL: 'right to left', TD: 'top to bottom', TB: 'top to bottom', BT: 'bottom to top' };

const joinWords = (parts: readonly string[]): string => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`);

/**
 * The diagram in words, for screen readers: every step and where it leads, read from the same reading
 * the drawing is checked against, so the words and the picture cannot tell different stories.
 */
export function describeDiagram(diagram: Diagram): string {
  const label = (id: string) => diagram.nodes.get(id)?.label ?? id;
  const sentences = [`A flowchart drawn ${DIRECTION_WORDS[diagram.direction]} with ${diagram.nodes.size} ${diagram.nodes.size === 1 ? 'step' : 'steps'}.`];
  for (const group of diagram.groups) {
    if (group.nodeIds.length > 0) sentences.push(`${group.label} groups ${joinWords(group.nodeIds.map(label))}.`);
  }
  for (const node of diagram.nodes.values()) {
    const out = diagram.edges.filter((edge) => edge.from === node.id);
    if (out.length === 0) continue;
    const targets = out.map((edge) => `${label(edge.to)}${edge.label ? ` (${edge.label})` : ''}`);
    const verb = out.every((edge) => edge.arrow === 'none') ? 'is joined to' : out.every((edge) => edge.arrow === 'both') ? 'and back again with' : 'leads to';
    sentences.push(verb === 'and back again with' ? `${node.label} leads to and back from ${joinWords(targets)}.` : `${node.label} ${verb} ${joinWords(targets)}.`);
  }
  return sentences.join(' ');
}
