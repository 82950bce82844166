import { load, YAMLException } from 'js-yaml';
import { START, positionAt, type Position } from './position.ts';

/**
 * The one YAML library of the project is js-yaml: it reads a page's frontmatter several times faster
 * than the alternatives, which matters when thousands of pages are checked on every save. Source
 * positions are only needed for messages, so they are worked out on demand, by parsing again with
 * js-yaml's event listener, which reports where each node opens and closes.
 */

/** A YAML fault with where it is, for a message. */
export interface YamlFault {
  position: Position;
  reason: string;
}

export type YamlParse =
  | { ok: true; data: unknown; locate: (path: readonly (string | number)[]) => Position }
  | { ok: false; faults: YamlFault[] };

/**
 * Parses YAML (or JSON, which is YAML). `start` is where the text begins in its file (frontmatter
 * starts on line 2, after the opening `---`).
 */
export function parseYaml(text: string, start: Position = START): YamlParse {
  let data: unknown;
  try {
    // An anchor (`&name`) is the only way to an alias; a text without "&" has none, and skips the listener's cost.
    data = text.includes('&') ? load(text, { listener: refuseAnchors }) : load(text);
  } catch (error) {
    return { ok: false, faults: [faultOf(error, text, start)] };
  }
  let tree: YamlNode | undefined;
  const locate = (path: readonly (string | number)[]) => {
    tree ??= nodeTree(text);
    return positionAt(text, offsetOf(tree, path, text), start);
  };
  return { ok: true, data, locate };
}

/**
 * Anchors and aliases (`&name`, `*name`, `<<: *name`) are refused: an alias repeats a node wherever it
 * is written, so a few lines of aliases of aliases stand for billions of nodes, which every reader of
 * the value (a schema, the build) then walks. No data of the wiki needs them.
 */
class AnchorRefused extends Error {
  readonly offset: number;

  constructor(offset: number, anchor: string) {
    super(`YAML anchors and aliases (&${anchor}, *${anchor}) are not allowed: write each value out in full`);
    this.offset = offset;
  }
}

function refuseAnchors(event: 'open' | 'close', state: ListenerState & { anchor?: string | null; input?: string }): void {
  if (event !== 'close' || typeof state.anchor !== 'string') return;
  const input = state.input ?? '';
  const offset = input.lastIndexOf(`&${state.anchor}`, state.position);
  throw new AnchorRefused(Math.max(0, offset), state.anchor);
}

function faultOf(error: unknown, text: string, start: Position): YamlFault {
  if (error instanceof AnchorRefused) return { position: positionAt(text, Math.min(error.offset, text.length), start), reason: error.message };
  if (error instanceof RangeError) return { position: start, reason: 'the YAML is nested too deeply to read; flatten it' };
  if (error instanceof YAMLException) {
    const offset = error.mark?.position ?? 0;
    return { position: positionAt(text, Math.min(offset, text.length), start), reason: error.reason };
  }
  return { position: start, reason: error instanceof Error ? error.message : String(error) };
}

/** A node as js-yaml composed it: where it starts, its value, and its child nodes in source order. */
interface YamlNode {
  start: number;
  result: unknown;
  children: YamlNode[];
}

interface ListenerState {
  position: number;
  result: unknown;
}

/** Rebuilds the tree of nodes from js-yaml's open and close events; a mapping's children alternate key and value. */
function nodeTree(text: string): YamlNode {
  const stack: YamlNode[] = [{ start: 0, result: undefined, children: [] }];
  load(text, {
    listener(event: 'open' | 'close', state: ListenerState) {
      if (event === 'open') {
        stack.push({ start: state.position, result: undefined, children: [] });
        return;
      }
      const node = stack.pop();
      if (!node) return;
      node.result = state.result;
      stack.at(-1)?.children.push(node);
    },
  });
  // The document is opened once more around its root node; both hold the same value.
  let root = stack[0]?.children[0] ?? { start: 0, result: undefined, children: [] };
  let inner = root.children[0];
  while (root.children.length === 1 && inner !== undefined && inner.result === root.result) {
    root = inner;
    inner = root.children[0];
  }
  return root;
}

/** The child of a node at a key or index, if the node is a mapping or a sequence. */
function childAt(node: YamlNode, key: string | number): YamlNode | undefined {
  if (Array.isArray(node.result)) return typeof key === 'number' ? node.children[key] : undefined;
  if (node.result === null || typeof node.result !== 'object') return undefined;
  for (let i = 0; i + 1 < node.children.length; i += 2) {
    if (String(node.children[i]?.result) === String(key)) return node.children[i + 1];
  }
  return undefined;
}

/** The offset of the deepest node on `path` that exists, so a missing field points at its parent. */
function offsetOf(tree: YamlNode, path: readonly (string | number)[], text: string): number {
  let node = tree;
  for (const key of path) {
    const child = childAt(node, key);
    if (!child) break;
    node = child;
  }
  return contentStart(node, text);
}

/** Where a node's own text begins: js-yaml opens a node before the spaces that precede it, and a block collection on the next line. */
function contentStart(node: YamlNode, text: string): number {
  let offset = node.start;
  while (offset < text.length && (text[offset] === ' ' || text[offset] === '\t')) offset += 1;
  const first = node.children[0];
  if ((text[offset] === '\n' || text[offset] === '\r') && first) return contentStart(first, text);
  return offset;
}
