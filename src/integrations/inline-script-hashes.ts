import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { toString } from 'hast-util-to-string';
import { listFiles } from '../lib/files.ts';
import { parseHtml, visitElements } from '../lib/html.ts';

/**
 * Astro's CSP hashes the scripts it bundles, but not `is:inline` scripts such as Starlight's theme and
 * sidebar bootstraps, which the browser would then block. These are the hashes of the inline scripts
 * that Starlight itself ships: the bodies of the `<script is:inline>` tags in its component sources,
 * which Astro renders word for word. The configuration hands them to Astro's CSP, which lists them in
 * every page's script-src as it renders the page; no page is read or written again after the build. Any
 * other inline script stays unhashed, so the browser refuses to run it and the CSP test fails: a new
 * inline script is a decision to make in review, not something that slips in.
 */
export function starlightInlineScriptHashes(): `sha256-${string}`[] {
  // The package exports its components folder without conditions, so require can locate it.
  const distDir = dirname(dirname(createRequire(import.meta.url).resolve('@astrojs/starlight/components/Page.astro')));
  const hashes = new Set<`sha256-${string}`>();
  for (const file of listFiles(distDir, '.', /\.astro$/, { all: true })) {
    visitElements(parseHtml(readFileSync(join(distDir, file), 'utf8'), { fragment: true }), (element) => {
      if (element.tagName === 'script' && 'is:inline' in element.properties) hashes.add(`sha256-${createHash('sha256').update(toString(element)).digest('base64')}`);
    });
  }
  return [...hashes].sort();
}
