/** The shapes that travel from the parser to the reporters. Positions are 1-based, of the reference itself. */

export interface Position {
  line: number;
  column: number;
}

/** Where a reference was written, so messages can say "in the href of <LinkCard>" rather than just "link". */
export type ReferenceOrigin = 'markdown' | 'definition' | 'image' | 'jsx-prop' | 'html' | 'frontmatter';

export interface Reference {
  /** The field the value came from: `related` / `sources` for frontmatter, the attribute name for JSX and HTML. */
  via?: string;
  url: string;
  origin: ReferenceOrigin;
  file: string;
  position: Position;
}

export interface Heading {
  text: string;
  id: string;
  depth: number;
  position: Position;
}

export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  position: Position;
  rule: string;
  severity: Severity;
  message: string;
}

/** A page the site routes, whether written in MDX or generated from data. */
export interface PageEntry {
  id: string;
  title: string;
  /** The file it is written in (repo-relative), absent for generated pages. */
  file?: string;
  section?: string;
  anchors: Set<string>;
  related: string[];
  sources: string[];
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}

export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return comparePositions(a.position, b.position) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
