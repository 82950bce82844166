import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { htmlToHast, type HastNode } from 'satteri';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { BUILDS, isBuilt } from './build-site.ts';
import { pageWeight } from '../../scripts/lib/page-weight.ts';

const ROOT_BUILD = BUILDS.root.outDir;
const built = isBuilt('root');

interface Element {
  tagName: string;
  properties: Record<string, unknown>;
  text: string;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

const parsed = new Map<string, Element[]>();

/** Every element of a built page, read with a real HTML parser, once per page for all the tests here. */
function elementsOf(file: string): Element[] {
  let elements = parsed.get(file);
  if (!elements) {
    elements = readElements(file);
    parsed.set(file, elements);
  }
  return elements;
}

function readElements(file: string): Element[] {
  const found: Element[] = [];
  const visit = (node: HastNode): void => {
    const element = node as HastNode & { tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };
    if (element.tagName) {
      const text = (element.children ?? []).map((child) => ('value' in child ? String(child.value) : '')).join('');
      found.push({ tagName: element.tagName, properties: element.properties ?? {}, text });
    }
    for (const child of element.children ?? []) visit(child);
  };
  visit(htmlToHast(readFileSync(join(ROOT_BUILD, file), 'utf8')));
  return found;
}

const htmlFiles = built ? listFiles(ROOT_BUILD).filter((file) => file.endsWith('.html')) : [];
const PAGE_KINDS: Record<string, string> = {
  home: 'index.html',
  'role page': 'role/skills/index.html',
  'roadmap overview': 'roadmap/index.html',
  'roadmap stage': 'roadmap/learning-sequence/index.html',
  'MLOps phase': 'mlops/intermediate/index.html',
  'KPI tables': 'kpis/index.html',
  guide: 'guides/model-monitoring/index.html',
  'task list guide': 'guides/production-ml-checklist/index.html',
  'single KPI': 'kpis/change-failure-rate/index.html',
  episode: 'podcast/data-team-roles/index.html',
  'episode list': 'podcast/index.html',
  'section page': 'ai-engineering/index.html',
  'page with code': 'guides/ml-pipelines-in-practice/index.html',
  graph: 'graph/index.html',
  'graph as a list': 'graph/list/index.html',
};

describe.skipIf(!built)('security of the built pages', () => {
  const cspOf = (elements: Element[]) =>
    String(elements.find((e) => e.tagName === 'meta' && String(e.properties['httpEquiv']).toLowerCase() === 'content-security-policy')?.properties['content'] ?? '');

  it.each(htmlFiles)('%s: CSP allows only this origin and hashed inline scripts', (file) => {
    const elements = elementsOf(file);
    const csp = cspOf(elements);
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc, 'the page has a script-src directive').not.toBe('');
    expect(scriptSrc).not.toMatch(/https?:|'unsafe-inline'|'unsafe-eval'|\*/);
    for (const script of elements.filter((e) => e.tagName === 'script' && !e.properties['src'])) {
      const hash = createHash('sha256').update(script.text).digest('base64');
      expect(scriptSrc, `inline script ${script.text.slice(0, 60)}…`).toContain(`'sha256-${hash}'`);
    }
    for (const script of elements.filter((e) => e.tagName === 'script' && e.properties['src'])) {
      expect(String(script.properties['src'])).toMatch(/^\//);
    }
  });

  it('opens external links with rel="noopener noreferrer"', () => {
    const offenders = htmlFiles.flatMap((file) =>
      elementsOf(file)
        .filter((e) => e.tagName === 'a' && /^https?:/.test(String(e.properties['href'] ?? '')))
        .filter((e) => {
          const rel = ([] as string[]).concat(e.properties['rel'] as string[] | string ?? []).join(' ');
          return !(rel.includes('noopener') && rel.includes('noreferrer'));
        })
        .map((e) => `${file}: ${String(e.properties['href'])}`),
    );
    expect(offenders).toEqual([]);
  });

  it('gives every image an alt attribute', () => {
    const missing = htmlFiles.flatMap((file) =>
      elementsOf(file).filter((e) => e.tagName === 'img' && typeof e.properties['alt'] !== 'string').map((e) => `${file}: ${String(e.properties['src'])}`),
    );
    expect(missing).toEqual([]);
  });

  it('requests nothing from another origin', () => {
    const foreign = htmlFiles.flatMap((file) =>
      elementsOf(file)
        .filter((e) => ['script', 'link', 'img', 'iframe', 'source'].includes(e.tagName))
        .map((e) => String(e.properties['src'] ?? e.properties['href'] ?? ''))
        .filter((url) => /^(https?:)?\/\//.test(url) && !(url.startsWith('http') && url.includes('localhost')))
        .map((url) => `${file}: ${url}`),
    );
    // <link rel="canonical"> and sitemap references name the site's own public URL, which is not fetched.
    expect(foreign.filter((entry) => !/localhost:4321|sitemap/.test(entry))).toEqual([]);
  });
});

describe.skipIf(!built || !isBuilt('bare'))('size budgets', () => {
  /**
   * Every page may load at most 20 KB of JavaScript more than a page of bare Starlight (same Astro and
   * Starlight versions, built alongside), counting every module its scripts import. The CSS budget sits
   * a little above today's figures (printed below), so a regression shows up as a failure. Pages with a
   * code block also load Expressive Code's stylesheet (18 KB), and pages with a learning map the map's (7 KB).
   */
  const bare = pageWeight(BUILDS.bare.outDir, 'guide/page/index.html');
  const BUDGET = { js: bare.js + 20 * 1024, css: 86_000, codeCss: 20_000, mapCss: 8_000 };

  it.each(Object.entries(PAGE_KINDS))('%s stays within the JavaScript and CSS budget', (kind, file) => {
    const weight = pageWeight(ROOT_BUILD, file);
    const html = readFileSync(join(ROOT_BUILD, file), 'utf8');
    const hasCode = html.includes('class="expressive-code"');
    const hasMap = html.includes('data-roadmap-map=');
    console.log(`budget ${kind.padEnd(16)} js ${String(weight.js).padStart(7)} B (bare Starlight ${bare.js} B)   css ${String(weight.css).padStart(7)} B`);
    expect(weight.js).toBeLessThanOrEqual(BUDGET.js);
    expect(weight.css).toBeLessThanOrEqual(BUDGET.css + (hasCode ? BUDGET.codeCss : 0) + (hasMap ? BUDGET.mapCss : 0));
  });
});

describe.skipIf(!built)('link previews', () => {
  const previewFiles = built ? listFiles(ROOT_BUILD).filter((file) => /^link-previews\.[0-9a-f]{12}\.json$/.test(file)) : [];

  it('are one fingerprinted JSON file that every page names and the service worker installs with the shell', () => {
    expect(previewFiles).toHaveLength(1);
    const [file] = previewFiles;
    const previews = JSON.parse(readFileSync(join(ROOT_BUILD, file!), 'utf8')) as Record<string, { title: string }>;
    expect(previews['/role/skills/']?.title).toBe('Skills');
    for (const page of Object.values(PAGE_KINDS)) {
      const named = elementsOf(page).find((e) => e.properties['dataLinkPreviews'] !== undefined)?.properties['dataLinkPreviews'];
      expect(named, page).toBe(`/${file}`);
    }
    const manifest = JSON.parse(readFileSync(join(ROOT_BUILD, 'offline.json'), 'utf8')) as { files: [string, number, string, string][] };
    expect(manifest.files.find(([url]) => url === `/${file}`)?.[3]).toBe('shell');
  });

});

describe.skipIf(!built)('HTML validity', () => {
  const validator = new HtmlValidate({
    // The standard preset checks validity (content models, attributes, ids); style rules are left out.
    extends: ['html-validate:standard'],
    rules: {
      // HTML allows any id without spaces; Starlight's "_top" is one.
      'valid-id': ['error', { relaxed: true }],
    },
  });

  /**
   * The page kinds are validated whole; on every other page, the page's own content: the frame around
   * it (head, header, sidebar, table of contents) comes from the same templates as on the page kinds,
   * and is most of each page's bytes.
   */
  const wholePages = new Set(Object.values(PAGE_KINDS));
  const validated = (file: string): string => {
    const html = readFileSync(join(ROOT_BUILD, file), 'utf8');
    const [start, end] = [html.indexOf('<main'), html.lastIndexOf('</main>')];
    return wholePages.has(file) || start === -1 || end === -1 ? html : html.slice(start, end + '</main>'.length);
  };

  it.each(htmlFiles)('%s is valid HTML', async (file) => {
    const report = await validator.validateString(validated(file), file);
    const errors = report.results.flatMap((result) => result.messages.map((message) => `${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`));
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!isBuilt('corpus-root') || !isBuilt('corpus-repeat'))('reproducible builds', () => {
  /**
   * Justified exceptions: Pagefind writes its filter map in hash-map order, so the filter and meta files
   * hold the same data in a different byte order from run to run, and their names are hashes of those
   * bytes; pagefind-entry.json names the meta file, and offline.json lists every file with its hash.
   * Every page, script, style, data file and search fragment must be identical, and so must sw.js: its
   * cache version leaves those files out, so a rebuild makes no reader download the site again.
   */
  const VARIES: RegExp[] = [/^pagefind\/filter\/.+\.pf_filter$/, /^pagefind\/pagefind\..+\.pf_meta$/, /^pagefind\/pagefind-entry\.json$/, /^offline\.json$/];
  const stable = (files: string[]) => files.filter((file) => !VARIES.some((pattern) => pattern.test(file)));

  it('a second build of the same commit produces identical files', () => {
    const [firstDir, secondDir] = [BUILDS['corpus-root'].outDir, BUILDS['corpus-repeat'].outDir];
    const first = listFiles(firstDir);
    expect(stable(listFiles(secondDir))).toEqual(stable(first));
    expect(listFiles(secondDir).length).toBe(first.length);
    const digest = (dir: string, file: string) => createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
    const differing = stable(first).filter((file) => digest(firstDir, file) !== digest(secondDir, file));
    expect(differing).toEqual([]);
  });
});
