#!/usr/bin/env node
/**
 * npm run check:output [-- --dir dist --format text|json|github]
 * After `astro build`: every internal href/src in the built HTML must point to a file, every #fragment to
 * an id. Problems are reported at the source line that produced them.
 */
import './lib/fast-start.ts';
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBuiltSite, readBuiltPage } from '../src/checker/output-check.ts';
import { hasErrors } from '../src/rules/problem.ts';
import { reporterNamed } from '../src/checker/reporters/index.ts';
import { listFiles, toPosix } from '../src/lib/files.ts';
import { loadSite } from '../src/site/load.ts';
import { siteSettings } from '../src/site/settings.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, format: { type: 'string', default: 'text' } } });
const format = reporterNamed(values.format);
if (!format.ok) {
  console.error(format.message);
  process.exit(2);
}
const files = listFiles(values.dir, '.', /./, { all: true });
if (files.length === 0) {
  console.error(`No build output in ${values.dir}/. Run "npm run build" first.`);
  process.exit(2);
}
const settings = siteSettings(process.env);
const htmlFiles = files.filter((file) => file.endsWith('.html'));
// Read one page at a time, as the check goes: a large site's pages are not held in memory together.
const pages = htmlFiles.values().map((file) => readBuiltPage(file, readFileSync(join(values.dir, file), 'utf8')));
const emptyFiles = files.filter((file) => statSync(join(values.dir, file)).size === 0);
const outDir = toPosix(relative(process.cwd(), values.dir)) || '.';
const { index } = loadSite(process.cwd(), settings);
const problems = checkBuiltSite({ pages, files: new Set(files), basePath: settings.base, emptyFiles, outDir, index });
console.log(format.reporter(problems, { docsBase: process.env['SITE_URL'] ?? '', fileCount: htmlFiles.length }));
process.exitCode = hasErrors(problems) ? 1 : 0;
