import { defineToolbarApp } from 'astro/toolbar';
import {
  PROBLEM_MARKER_ATTRIBUTE,
  PROBLEMS_EVENT,
  REQUEST_EVENT,
  SOURCE_POSITION_ATTRIBUTE,
  sourcePosition,
  type PageProblems,
  type ProblemsMessage,
  type ProblemView,
  type RequestMessage,
} from '../site/dev-check-protocol.ts';

/**
 * The dev toolbar app of the reference check (dev server only). It lists the problems of the page on
 * screen with their line, column and rule, and marks each broken link, image or citation in the page: an
 * outline and a wavy underline, which change no element's size or place, and the message as its title.
 * The renderer writes each reference's source position on its element in dev (`data-source-position`),
 * so a problem finds its element by the position it is reported at, whatever the link was rewritten to.
 */

const MARKER_STYLE = `
[${PROBLEM_MARKER_ATTRIBUTE}] {
  outline: 2px solid #e5484d !important;
  outline-offset: 1px;
  text-decoration: underline wavy #e5484d !important;
  text-decoration-skip-ink: none;
  cursor: help;
}`;

const PANEL_STYLE = `
ol { list-style: none; margin: 0; padding: 0; overflow-y: auto; }
li { padding: 8px 0; border-top: 1px solid #343841; line-height: 1.45; }
button { font: inherit; color: #fff; background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; font-variant-numeric: tabular-nums; }
a { color: #ff8a8f; }
code { color: #fff; }
p { margin: 0 0 12px; }
`;

export default defineToolbarApp({
  init(canvas, app, server) {
    document.head.append(Object.assign(document.createElement('style'), { textContent: MARKER_STYLE }));
    const panel = document.createElement('astro-dev-toolbar-window');
    canvas.append(panel);
    /** The page this is, once the server has said which page the URL shows. */
    let shown: PageProblems | undefined;
    let total = 0;

    const render = () => {
      const problems = shown?.problems ?? [];
      markElements(problems);
      renderPanel(panel, shown, total);
      app.toggleNotification(problems.length > 0 ? { state: true, level: 'error' } : { state: false });
    };

    server.on<ProblemsMessage>(PROBLEMS_EVENT, (message) => {
      total = message.total;
      const answer = message.answering === location.pathname;
      const page = message.pages.find((candidate) => (answer ? true : candidate.pageId === shown?.pageId));
      if (answer || page) shown = page;
      render();
    });
    server.send<RequestMessage>(REQUEST_EVENT, { path: location.pathname });
  },
});

/** The title each marked element had before it was marked, to restore once its problem is fixed. */
const titles = new WeakMap<Element, string | null>();

function markElements(problems: readonly ProblemView[]): void {
  for (const element of document.querySelectorAll(`[${PROBLEM_MARKER_ATTRIBUTE}]`)) {
    element.removeAttribute(PROBLEM_MARKER_ATTRIBUTE);
    const title = titles.get(element);
    if (title === null || title === undefined) element.removeAttribute('title');
    else element.setAttribute('title', title);
  }
  for (const problem of problems) {
    for (const element of elementsAt(problem)) {
      if (!titles.has(element)) titles.set(element, element.getAttribute('title'));
      element.setAttribute(PROBLEM_MARKER_ATTRIBUTE, problem.rule);
      element.setAttribute('title', `${problem.rule}: ${problem.message}`);
    }
  }
}

const elementsAt = (problem: ProblemView): NodeListOf<Element> => document.querySelectorAll(`[${SOURCE_POSITION_ATTRIBUTE}="${sourcePosition(problem)}"]`);

function renderPanel(panel: HTMLElement, shown: PageProblems | undefined, total: number): void {
  const problems = shown?.problems ?? [];
  const elsewhere = total - problems.length;
  const heading = element('h2', {}, problems.length === 0 ? 'No problems on this page' : `${problems.length} problem${problems.length === 1 ? '' : 's'} on this page`);
  const where =
    shown === undefined
      ? 'This address shows no page of the wiki.'
      : shown.file === undefined
        ? 'This page is generated from data files; they are checked with the rest of the project.'
        : `Checked as you save ${shown.file}.${elsewhere > 0 ? ` ${elsewhere} more in other files: see the terminal, or run npm run check.` : ''}`;
  const list = element('ol', {});
  for (const problem of problems) list.append(problemItem(problem));
  panel.replaceChildren(element('style', {}, PANEL_STYLE), heading, element('p', {}, where), list);
}

function problemItem(problem: ProblemView): HTMLElement {
  const position = element('button', { type: 'button', title: 'Show it in the page' }, `line ${problem.line}:${problem.column}`);
  position.addEventListener('click', () => {
    const target = elementsAt(problem)[0];
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
  const rule = element('a', { href: problem.rulePage, target: '_blank' }, problem.rule);
  const item = element('li', { 'data-rule': problem.rule }, position, '  ', rule, '  ', problem.message);
  if (problem.fix !== undefined) item.append(element('p', {}, 'npm run check -- --fix writes ', element('code', {}, problem.fix)));
  return item;
}

function element(tag: string, attributes: Record<string, string>, ...children: (string | Node)[]): HTMLElement {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  created.append(...children);
  return created;
}
