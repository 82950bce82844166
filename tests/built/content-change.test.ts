import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/checker/check.ts';
import { pageHrefs } from '../../src/checker/published.ts';
import { parseHtml, stringProperty, visitElements } from '../../src/lib/html.ts';
import { TOOLS_PAGE_ID, termPageId, toolAnchor } from '../../src/site/generated-pages.ts';
import { loadSite } from '../../src/site/load.ts';
import { siteSettings } from '../../src/site/settings.ts';
import { CONTRIBUTION_PAGE_ID, CONTRIBUTION_TERM, CONTRIBUTION_TOOL } from '../helpers/contribution.ts';
import { runScript } from '../helpers/run-script.ts';
import { BUILDS, isBuilt } from './build-site.ts';

/**
 * The promise CONTRIBUTING makes, end to end: a content-only change that passes `npm run check` passes
 * the build and the tests of the built site. The global set-up writes a first-time contributor's change
 * (a new guide with links, a tool, a term, two cited moments with notes, resources, a link from a
 * neighbour) into a copy of the wiki and builds it under a base path (the `base` build); here it must
 * pass the check, the output check, and
 * the content-facing assertions the site tests make of every page (valid HTML, safe external links).
 */

const { project, outDir, base } = BUILDS.base;
const built = isBuilt('base');
const html = (pageId: string) => readFileSync(join(outDir, pageId, 'index.html'), 'utf8');

/** The `href`s (and image `src`s) of a built page's elements, with the elements' `rel`. */
function anchors(text: string): { href: string; rel: string }[] {
  const found: { href: string; rel: string }[] = [];
  visitElements(parseHtml(text), (element) => {
    const href = element.tagName === 'a' ? stringProperty(element, 'href') : undefined;
    if (href !== undefined) found.push({ href, rel: ([] as string[]).concat((element.properties['rel'] as string[] | string | undefined) ?? []).join(' ') });
  });
  return found;
}

describe.skipIf(!built)("a first-time contributor's change, built", () => {
  const { index } = built ? loadSite(project, siteSettings({ BASE_PATH: base })) : { index: undefined };

  it('passes the check', () => {
    expect(checkSite(index!).problems.map((p) => `${p.file}:${p.position.line}:${p.position.column} ${p.rule} ${p.message}`)).toEqual([]);
  });

  it('passes the output check', () => {
    const { status, stdout } = runScript('check-output.ts', ['--dir', outDir], { BASE_PATH: base }, project);
    expect(stdout).toMatch(/no problems/);
    expect(status).toBe(0);
  });

  it('ships the new guide with every link the checker predicts, its citations and its learning resources', () => {
    const page = html(CONTRIBUTION_PAGE_ID);
    const hrefs = new Set(anchors(page).map((anchor) => anchor.href));
    const document = index!.documents.find((candidate) => candidate.pageId === CONTRIBUTION_PAGE_ID)!;
    expect(pageHrefs(document, index!.data, base).filter((href) => !hrefs.has(href))).toEqual([]);
    expect(hrefs).toContain(`${base}${TOOLS_PAGE_ID}/#${toolAnchor(CONTRIBUTION_TOOL)}`);
    expect(hrefs).toContain(`${base}${termPageId(CONTRIBUTION_TERM)}/`);
    expect([...hrefs].filter((href) => /^https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}&t=\d+s$/.test(href))).toHaveLength(2);
    expect([...hrefs].filter((href) => href.startsWith('https://example.org/first-contribution-resource-'))).toHaveLength(2);
  });

  it('links the guide from its neighbour, the tool row and the term page', () => {
    const linkedFrom = (pageId: string) => anchors(html(pageId)).some((anchor) => anchor.href.startsWith(`${base}${CONTRIBUTION_PAGE_ID}/`));
    expect(linkedFrom('guides')).toBe(true);
    expect(linkedFrom(termPageId(CONTRIBUTION_TERM))).toBe(true);
    expect(html(TOOLS_PAGE_ID)).toContain(`id="${toolAnchor(CONTRIBUTION_TOOL)}"`);
  });

  it('opens every external link of the new pages safely, and they are valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard'], rules: { 'valid-id': ['error', { relaxed: true }] } });
    for (const pageId of [CONTRIBUTION_PAGE_ID, termPageId(CONTRIBUTION_TERM)]) {
      const text = html(pageId);
      expect(anchors(text).filter((anchor) => /^https?:/.test(anchor.href) && !(anchor.rel.includes('noopener') && anchor.rel.includes('noreferrer')))).toEqual([]);
      const report = await validator.validateString(text, pageId);
      expect(report.results.flatMap((result) => result.messages.map((message) => `${pageId}:${message.line}:${message.column} ${message.ruleId} ${message.message}`))).toEqual([]);
    }
  });
});
