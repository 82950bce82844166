import type { z } from 'astro/zod';
import { LineCounter, parseDocument } from 'yaml';
import type { Position, Problem } from './model.ts';
import { severityOf } from './rules.ts';
import { describeIssue } from './zod-issues.ts';

export type DataFileResult<T> = { ok: true; data: T } | { ok: false; problems: Problem[] };

/**
 * Parses a JSON or YAML data file and validates it against its schema. JSON is read with the YAML
 * parser (JSON is YAML) so that every schema issue can be reported at the line and column of its field.
 */
export function parseDataFile<S extends z.ZodType>(file: string, text: string, schema: S): DataFileResult<z.output<S>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problem = (position: Position, message: string): Problem => ({
    file,
    position,
    rule: 'data-invalid',
    severity: severityOf('data-invalid'),
    message,
  });
  if (document.errors.length > 0) {
    return { ok: false, problems: document.errors.map((e) => problem(at(e.pos[0]), `the file cannot be parsed: ${e.message.split('\n')[0]}`)) };
  }
  const result = schema.safeParse(document.toJS());
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
      return problem(fieldPosition(document, path, at), describeIssue(issue));
    }),
  };
}

function fieldPosition(
  document: ReturnType<typeof parseDocument>,
  path: (string | number)[],
  at: (offset: number) => Position,
): Position {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const node = document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return at(node.range[0]);
  }
  const root = document.contents as { range?: [number, number, number] } | null;
  return at(root?.range?.[0] ?? 0);
}
