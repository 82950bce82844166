#!/usr/bin/env node
/**
 * npm run check:output [-- --dir dist --format text|json|github]
 * After `astro build`: every internal href/src in the built HTML must point to a file, every #fragment to an id.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBuiltSite, readBuiltPage } from '../src/references/output-check.ts';
import { formatGithub } from '../src/references/reporters/github.ts';
import { formatJson } from '../src/references/reporters/json.ts';
import { formatText } from '../src/references/reporters/text.ts';
import { siteSettings } from '../src/site-settings.ts';

const FORMATS = { text: formatText, json: formatJson, github: formatGithub } as const;
const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, format: { type: 'string', default: 'text' } } });
const format = values.format as keyof typeof FORMATS;
if (!(format in FORMATS)) {
  console.error(`Unknown --format "${values.format}"; use one of: ${Object.keys(FORMATS).join(', ')}`);
  process.exit(2);
}

let entries;
try {
  entries = readdirSync(values.dir, { recursive: true, withFileTypes: true });
} catch {
  console.error(`No build output in ${values.dir}/. Run "npm run build" first.`);
  process.exit(2);
}
const files = entries.filter((entry) => entry.isFile()).map((entry) => relative(values.dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
const pages = files.filter((file) => file.endsWith('.html')).map((file) => readBuiltPage(file, readFileSync(join(values.dir, file), 'utf8')));
const emptyFiles = files.filter((file) => statSync(join(values.dir, file)).size === 0);
const outDirLabel = relative(process.cwd(), values.dir).split('\\').join('/') || '.';
const problems = checkBuiltSite(pages, new Set(files), siteSettings(process.env).base, outDirLabel, emptyFiles);
console.log(FORMATS[format](problems, { docsBase: process.env['SITE_URL'] ?? '', fileCount: pages.length }));
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
