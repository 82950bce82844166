import { LineCounter, parseDocument, type Document } from 'yaml';
import { START, type Position } from './position.ts';

/** A YAML fault with where it is, for a message. */
export interface YamlFault {
  position: Position;
  reason: string;
}

export type YamlParse =
  | { ok: true; data: unknown; locate: (path: readonly (string | number)[]) => Position }
  | { ok: false; faults: YamlFault[] };

/**
 * Parses YAML (or JSON, which is YAML) with the `yaml` library, keeping source ranges so that any field
 * can be located for a message. `start` is where the text begins in its file (frontmatter starts on
 * line 2, after the opening `---`).
 */
export function parseYaml(text: string, start: Position = START): YamlParse {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return line === 1 ? { line: start.line, column: start.column + col - 1 } : { line: start.line + line - 1, column: col };
  };
  if (document.errors.length > 0) {
    return { ok: false, faults: document.errors.map((fault) => ({ position: at(fault.pos[0]), reason: fault.message.split('\n')[0] ?? fault.message })) };
  }
  return { ok: true, data: document.toJS(), locate: (path) => at(offsetOf(document, path)) };
}

/** The offset of the deepest node on `path` that exists, so a missing field points at its parent. */
function offsetOf(document: Document, path: readonly (string | number)[]): number {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const node = document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
  }
  const root = document.contents as { range?: [number, number, number] } | null;
  return root?.range?.[0] ?? 0;
}
