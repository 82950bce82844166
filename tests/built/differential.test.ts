import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/checker/check.ts';
import { checkBuiltSite, readBuiltPage } from '../../src/checker/output-check.ts';
import type { Problem } from '../../src/rules/problem.ts';
import { pageHrefs } from '../../src/checker/published.ts';
import { listFiles } from '../../src/lib/files.ts';
import { parseHtml, stringProperty, visitElements } from '../../src/lib/html.ts';
import { UNLINKED_PAGE_IDS } from '../../src/site/generated-pages.ts';
import { loadSite } from '../../src/site/load.ts';
import { siteSettings } from '../../src/site/settings.ts';
import type { IndexedDocument, SiteIndex } from '../../src/site/site-index.ts';
import { BUILDS, isBuilt, type BuildName } from './build-site.ts';

/**
 * The differential test: for every written page, the heading ids and the internal hrefs the checker's
 * model predicts are the ones the real pipeline shipped. On the generated corpus (no component makes
 * links of its own) they must be equal; on the real site, where components add links and headings, the
 * predictions must all be there and every other heading id must be an anchor the model knows.
 */

interface BuiltContent {
  headingIds: string[];
  hrefs: string[];
}

const INTERNAL = (url: string) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url);
const hasClass = (element: Element, name: string) => String(element.properties['className'] ?? '').split(' ').includes(name);

/** Heading ids and internal link targets inside the page's Markdown content, as a browser would read them. */
function builtContent(html: string): BuiltContent {
  const headingIds: string[] = [];
  const hrefs: string[] = [];
  visitElements(parseHtml(html), (element) => {
    if (!hasClass(element, 'sl-markdown-content')) return;
    visitElements(element, (inner) => {
      const id = stringProperty(inner, 'id');
      // An empty id is an id too: a heading of nothing but an MDX expression gets one.
      if (/^h[1-6]$/.test(inner.tagName) && id !== undefined) headingIds.push(id);
      // Starlight's own links from a heading to itself are not written in the page.
      if (hasClass(inner, 'sl-anchor-link')) return;
      const url = inner.tagName === 'a' ? stringProperty(inner, 'href') : inner.tagName === 'img' ? stringProperty(inner, 'src') : undefined;
      if (url !== undefined && INTERNAL(url)) hrefs.push(url);
    });
  });
  return { headingIds, hrefs };
}

function predicted(document: IndexedDocument, index: SiteIndex, base: string): BuiltContent {
  return {
    headingIds: document.headings.map((heading) => heading.id),
    hrefs: pageHrefs(document, index.data, base).filter(INTERNAL),
  };
}

function builtFile(outDir: string, pageId: string): string {
  return join(outDir, pageId === '' ? 'index.html' : `${pageId}/index.html`);
}

/** The Markdown renderer percent-encodes non-ASCII characters in URLs and browsers decode them, so hrefs are compared decoded. */
function decoded(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

const sorted = (values: string[]) => values.map(decoded).sort();

function pagesOf(build: BuildName) {
  const { project, base, outDir } = BUILDS[build];
  const { index } = loadSite(project, siteSettings({ BASE_PATH: base }));
  const documents = index.documents.filter((document) => !index.pages.get(document.pageId)?.draft && !UNLINKED_PAGE_IDS.has(document.pageId));
  return { index, base, outDir, documents };
}

describe.each(['corpus-root', 'corpus-base'] as const)('the differential corpus built as %s', (build) => {
  const { index, base, outDir, documents } = isBuilt(build) ? pagesOf(build) : { index: undefined, base: '/', outDir: '', documents: [] };

  it('has pages to compare', () => {
    expect(isBuilt(build), `the global set-up builds ${build}`).toBe(true);
    expect(documents.length).toBeGreaterThan(30);
  });

  it.each(documents.map((document) => [document.pageId || '(home)', document] as const))('%s: ids and internal hrefs equal the predictions', (_id, document) => {
    const built = builtContent(readFileSync(builtFile(outDir, document.pageId), 'utf8'));
    const expected = predicted(document, index!, base);
    expect(built.headingIds).toEqual(expected.headingIds);
    expect(sorted(built.hrefs)).toEqual(sorted(expected.hrefs));
  });

  // The corpus holds broken links on purpose; whatever the output check finds, the source check found first, at the same place.
  it('ships no broken link that the source check let pass', () => {
    const at = (found: Problem) => `${found.file}:${found.position.line}:${found.position.column}`;
    const reported = new Set(checkSite(index!).problems.filter((found) => found.severity === 'error').map(at));
    const files = listFiles(outDir, '.', /./, { all: true });
    const pages = files.filter((file) => file.endsWith('.html')).map((file) => readBuiltPage(file, readFileSync(join(outDir, file), 'utf8')));
    const shipped = checkBuiltSite({ pages, files: new Set(files), basePath: base, outDir, index: index! });
    expect(shipped.length).toBeGreaterThan(0);
    expect(shipped.filter((found) => !reported.has(at(found))).map((found) => `${at(found)} ${found.rule} ${found.message}`)).toEqual([]);
  });
});

describe.each(['root', 'base'] as const)('the real site built as %s', (build) => {
  const { index, base, outDir, documents } = isBuilt(build) ? pagesOf(build) : { index: undefined, base: '/', outDir: '', documents: [] };

  it('has pages to compare', () => {
    expect(isBuilt(build), `the global set-up builds ${build}`).toBe(true);
    expect(documents.length).toBeGreaterThan(60);
  });

  it.each(documents.map((document) => [document.pageId || '(home)', document] as const))('%s: every prediction is shipped and every heading id is known', (_id, document) => {
    const file = builtFile(outDir, document.pageId);
    expect(existsSync(file), file).toBe(true);
    const built = builtContent(readFileSync(file, 'utf8'));
    const expected = predicted(document, index!, base);
    const page = index!.pages.get(document.pageId)!;
    // The written headings come first and in order; components may add headings of their own after.
    expect(built.headingIds.filter((id) => expected.headingIds.includes(id))).toEqual(expected.headingIds);
    expect(built.headingIds.filter((id) => !page.anchors.has(id))).toEqual([]);
    const shipped = new Set(built.hrefs.map(decoded));
    expect(expected.hrefs.map(decoded).filter((href) => !shipped.has(href))).toEqual([]);
  });
});
