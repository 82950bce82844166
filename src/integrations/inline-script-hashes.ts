import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { toString } from 'hast-util-to-string';
import { listFiles } from '../lib/files.ts';
import { parseHtml, propertyText, visitElements } from '../lib/html.ts';

/**
 * Astro's CSP hashes the scripts it bundles, but not `is:inline` scripts such as Starlight's theme and
 * sidebar bootstraps, which the browser would then block. After the build, this adds to each page's
 * script-src the hashes of the inline scripts that Starlight itself ships (each equal, word for word, to
 * the body of a `<script is:inline>` in its component sources). Any other inline script stays unhashed,
 * so the browser refuses to run it and the CSP test fails: a new inline script is a decision to make in
 * review, not something that slips in.
 */
export function inlineScriptHashes(): AstroIntegration {
  return {
    name: 'mle-wiki:inline-script-hashes',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const starlightScripts = readStarlightInlineScripts();
        const trusted = (script: string) => starlightScripts.has(script.trim());
        let pages = 0;
        for (const page of listFiles(root, '.', /\.html$/, { all: true })) {
          const file = join(root, page);
          const html = readFileSync(file, 'utf8');
          const patched = addInlineScriptHashes(html, trusted);
          if (patched !== html) {
            writeFileSync(file, patched);
            pages += 1;
          }
        }
        logger.info(`added inline script hashes to the CSP of ${pages} pages`);
      },
    },
  };
}

export function addInlineScriptHashes(html: string, trusted: (script: string) => boolean): string {
  const { csp, scripts: all } = readPage(html);
  const scripts = all.filter(trusted);
  if (csp === undefined) return html;
  const directives = csp.split(';').map((directive) => directive.trim());
  const index = directives.findIndex((directive) => directive.startsWith('script-src'));
  if (index === -1) return html;
  const present = new Set(directives[index]!.split(/\s+/));
  const missing = [...new Set(scripts.map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`))].filter((hash) => !present.has(hash));
  if (missing.length === 0) return html;
  directives[index] = `${directives[index]} ${missing.join(' ')}`;
  const updated = directives.filter(Boolean).join('; ');
  // The attribute value as written (Astro does not escape anything in it) is replaced once, in place.
  return html.replace(`content="${csp}"`, `content="${updated}"`);
}

/**
 * The bodies of the `<script is:inline>` tags in Starlight's components, read with the HTML parser; a
 * page's inline script is trusted only when it is one of them, word for word.
 */
function readStarlightInlineScripts(): Set<string> {
  // The package exports its components folder without conditions, so require can locate it.
  const distDir = dirname(dirname(createRequire(import.meta.url).resolve('@astrojs/starlight/components/Page.astro')));
  const scripts = new Set<string>();
  for (const file of listFiles(distDir, '.', /\.astro$/, { all: true })) {
    visitElements(parseHtml(readFileSync(join(distDir, file), 'utf8'), { fragment: true }), (element) => {
      if (element.tagName === 'script' && 'is:inline' in element.properties) scripts.add(toString(element).trim());
    });
  }
  return scripts;
}

function readPage(html: string): { csp: string | undefined; scripts: string[] } {
  let csp: string | undefined;
  const scripts: string[] = [];
  visitElements(parseHtml(html), (element) => {
    if (element.tagName === 'meta' && (propertyText(element, 'httpEquiv') ?? '').toLowerCase() === 'content-security-policy') {
      csp = propertyText(element, 'content') ?? '';
    }
    if (element.tagName === 'script' && element.properties['src'] === undefined) {
      const type = propertyText(element, 'type') ?? '';
      // Module scripts are Astro's own bundles, which Astro hashes itself.
      if (type === '' || type.includes('javascript')) scripts.push(toString(element));
    }
  });
  return { csp, scripts };
}
