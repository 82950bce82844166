/**
 * What the dev server's reference check and its toolbar app say to each other, declared once for both
 * sides. The app asks for the problems of the page it shows, by its URL path; the server answers, and
 * after every save sends the problems of each page whose problems changed. This module runs in the
 * browser too, so it imports nothing.
 */

export const CHECK_APP_ID = 'mle-wiki-check';
/** Sent by the app: a `RequestMessage`. */
export const REQUEST_EVENT = 'mle-wiki:check:request';
/** Sent by the server: a `ProblemsMessage`. */
export const PROBLEMS_EVENT = 'mle-wiki:check:problems';

/** The attribute the renderer writes in dev on links, images and citations, holding their `line:column` in the source. */
export const SOURCE_POSITION_ATTRIBUTE = 'data-source-position';
/** The attribute the app sets on an element with a problem; its value is the rule id. */
export const PROBLEM_MARKER_ATTRIBUTE = 'data-check-problem';

/** `line:column`, as the renderer writes it and a problem names it. */
export const sourcePosition = (position: { line: number; column: number }): string => `${position.line}:${position.column}`;

export interface RequestMessage {
  /** The URL path of the page the app is on. */
  path: string;
}

export interface ProblemView {
  line: number;
  column: number;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  /** The rule's page on the dev site. */
  rulePage: string;
  /** The correction `npm run check -- --fix` would write, if it knows one. */
  fix?: string;
}

export interface PageProblems {
  pageId: string;
  /** The page's source file, repo-relative; undefined for pages generated from data, which have no source to check. */
  file: string | undefined;
  problems: ProblemView[];
}

export interface ProblemsMessage {
  pages: PageProblems[];
  /** How many problems the whole project has. */
  total: number;
  /** The URL path this message answers a request for, if it does. */
  answering?: string;
}
