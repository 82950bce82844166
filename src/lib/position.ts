/** A place in a source file, 1-based, as editors and compilers print it. */
export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}

/** The position of the character at `offset` in `text`, where `text` itself starts at `start`. */
export function positionAt(text: string, offset: number, start: Position = START): Position {
  if (offset <= 0) return start;
  let line = start.line;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return line === start.line ? { line, column: start.column + offset } : { line, column: offset - lineStart + 1 };
}

/** Whether a position names a real place in a text: a line that exists, a column at most one past its end. */
export function isInside(text: string, position: Position): boolean {
  const lines = text.split('\n');
  const line = lines[position.line - 1];
  return line !== undefined && position.column >= 1 && position.column <= line.length + 1;
}
