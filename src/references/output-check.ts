import { htmlToHast, type HastNode } from 'satteri';
import { isFrameId } from './anchors.ts';
import { compareProblems, type Problem } from './model.ts';
import { normaliseBase } from './routes.ts';
import { severityOf } from './rules.ts';

/** What the output check needs to know about one built HTML file. */
export interface BuiltPage {
  /** Path inside the output directory, with forward slashes, e.g. `role/skills/index.html`. */
  file: string;
  ids: Set<string>;
  links: { url: string; attribute: string; tag: string }[];
}

const LINK_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  iframe: ['src'],
};

/** Reads ids and internal link targets from a built HTML document, with a real HTML parser. */
export function readBuiltPage(file: string, html: string): BuiltPage {
  const ids = new Set<string>();
  const links: BuiltPage['links'] = [];
  const visit = (node: HastNode): void => {
    const element = node as HastNode & { tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };
    const properties = element.properties ?? {};
    const id = properties['id'];
    if (typeof id === 'string' && id !== '') ids.add(id);
    for (const attribute of LINK_ATTRIBUTES[element.tagName ?? ''] ?? []) {
      const value = properties[attribute];
      if (typeof value === 'string') links.push({ url: value, attribute, tag: element.tagName ?? '' });
    }
    // <template> content and <noscript> are still part of what a reader may reach.
    for (const child of element.children ?? []) visit(child);
    const content = (element as { content?: HastNode }).content;
    if (content) visit(content);
  };
  visit(htmlToHast(html));
  return { file, ids, links };
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Checks that every internal link of every built page points to a file in the output and, when it has a
 * fragment, to an id in that file. `files` holds every output path (HTML or not).
 */
export function checkBuiltSite(
  pages: readonly BuiltPage[],
  files: ReadonlySet<string>,
  basePath: string,
  outDir = 'dist',
  emptyFiles: readonly string[] = [],
): Problem[] {
  const base = normaliseBase(basePath);
  const byFile = new Map(pages.map((page) => [page.file, page]));
  const problems: Problem[] = emptyFiles.map((file) => ({
    file: `${outDir}/${file}`,
    position: { line: 1, column: 1 },
    rule: 'output-file-empty',
    severity: severityOf('output-file-empty'),
    message: 'the file is empty; a build step that writes it was cut short',
  }));
  for (const page of pages) {
    const pageUrl = `https://site${base}${page.file.replace(/index\.html$/, '')}`;
    for (const link of page.links) {
      if (EXTERNAL.test(link.url) || link.url.startsWith('data:')) continue;
      const url = new URL(link.url, pageUrl);
      const problem = checkLink(url, base, files, byFile);
      if (problem) {
        problems.push({
          file: `${outDir}/${page.file}`,
          position: { line: 1, column: 1 },
          rule: problem.rule,
          severity: severityOf(problem.rule),
          message: `<${link.tag} ${link.attribute}="${link.url}">: ${problem.message}`,
        });
      }
    }
  }
  return dedupe(problems).sort(compareProblems);
}

function checkLink(
  url: URL,
  base: string,
  files: ReadonlySet<string>,
  byFile: ReadonlyMap<string, BuiltPage>,
): { rule: 'output-link-broken' | 'output-anchor-broken'; message: string } | undefined {
  const path = decodeURIComponent(url.pathname);
  if (!path.startsWith(base)) return { rule: 'output-link-broken', message: `the path is outside the base path ${base}` };
  const inside = path.slice(base.length);
  const target = [inside, `${inside}${inside.endsWith('/') || inside === '' ? '' : '/'}index.html`].find((candidate) => files.has(candidate));
  if (target === undefined) return { rule: 'output-link-broken', message: `no file ${path} in the output` };
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment === '' || isFrameId(fragment)) return undefined;
  const page = byFile.get(target);
  if (page && !page.ids.has(fragment)) return { rule: 'output-anchor-broken', message: `${path} has no element with id "${fragment}"` };
  return undefined;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
