import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlToHast, type HastNode } from 'satteri';

/**
 * Astro's CSP hashes the scripts it bundles, but not `is:inline` scripts such as Starlight's theme and
 * sidebar bootstraps, which the browser would then block. After the build, this adds the hash of every
 * inline script of a page to that page's own script-src, so every inline script runs and nothing else.
 */
export function inlineScriptHashes(): AstroIntegration {
  return {
    name: 'mle-wiki:inline-script-hashes',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        let pages = 0;
        for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const file = join(entry.parentPath, entry.name);
          const html = readFileSync(file, 'utf8');
          const patched = addInlineScriptHashes(html);
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

export function addInlineScriptHashes(html: string): string {
  const { csp, scripts } = readPage(html);
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

function readPage(html: string): { csp: string | undefined; scripts: string[] } {
  let csp: string | undefined;
  const scripts: string[] = [];
  const visit = (node: HastNode): void => {
    const element = node as HastNode & { tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };
    const properties = element.properties ?? {};
    if (element.tagName === 'meta' && String(properties['httpEquiv'] ?? '').toLowerCase() === 'content-security-policy') {
      csp = String(properties['content'] ?? '');
    }
    if (element.tagName === 'script' && properties['src'] === undefined) {
      const type = String(properties['type'] ?? '');
      if (type === '' || type === 'module' || type.includes('javascript')) {
        scripts.push((element.children ?? []).map((child) => ('value' in child ? String(child.value) : '')).join(''));
      }
    }
    for (const child of element.children ?? []) visit(child);
  };
  visit(htmlToHast(html));
  return { csp, scripts };
}
