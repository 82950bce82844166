#!/usr/bin/env node
/**
 * npm run check:output [-- --dir dist --format text|json|github --output <file>]
 * After `astro build`: every internal href/src in the built HTML must point to a file, every #fragment to
 * an id. Problems are reported at the source line that produced them.
 */
import './lib/fast-start.ts';
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkBuiltSite, NavigationMemo, readBuiltPage } from '../src/checker/output-check.ts';
import { hasErrors } from '../src/rules/problem.ts';
import { reporterNamed, REPORTERS } from '../src/checker/reporters/index.ts';
import { docsBaseOf } from '../src/checker/reporters/docs-url.ts';
import { summarise } from '../src/checker/reporters/summary.ts';
import { listFiles, toPosix } from '../src/lib/files.ts';
import { loadSite } from '../src/site/load.ts';
import { siteSettings } from '../src/site/settings.ts';
import { deliver, fail, failUsage, parseCommandLine, USAGE_EXIT } from './lib/cli.ts';

const USAGE = `Usage: npm run check:output -- [options]

After a build: checks every internal href, src and #fragment of the built HTML, and reports each broken
one at the source line that produced it. Exits with 1 on any error.

Options:
  --dir <folder>    the build output to check (default: dist)
  --format <name>   how to print problems: ${Object.keys(REPORTERS).join(', ')} (default: text)
  --output <file>   write the report to <file>; the terminal gets one summary line
  -h, --help        show this help`;

const { values } = parseCommandLine({
  usage: USAGE,
  options: { dir: { type: 'string', default: 'dist' }, format: { type: 'string', default: 'text' }, output: { type: 'string' } },
});
const format = reporterNamed(values.format);
if (!format.ok) failUsage(format.message, USAGE);
const files = listFiles(values.dir, '.', /./, { all: true });
if (files.length === 0) fail(`No build output in ${values.dir}/. Run "npm run build" first.`, USAGE_EXIT);
const settings = siteSettings(process.env);
const htmlFiles = files.filter((file) => file.endsWith('.html'));
// Read one page at a time, as the check goes: a large site's pages are not held in memory together.
// Their sidebars are read once for all pages that share one (see NavigationMemo).
const navigation = new NavigationMemo();
const pages = htmlFiles.values().map((file) => readBuiltPage(file, readFileSync(join(values.dir, file), 'utf8'), navigation));
const emptyFiles = files.filter((file) => statSync(join(values.dir, file)).size === 0);
const outDir = toPosix(relative(process.cwd(), values.dir)) || '.';
// The sources are read only if a problem is to be reported at the line that wrote it.
const problems = checkBuiltSite({ pages, files: new Set(files), basePath: settings.base, emptyFiles, outDir, index: () => loadSite(process.cwd(), settings).index });
deliver(format.reporter(problems, { docsBase: docsBaseOf(process.env), fileCount: htmlFiles.length }), values.output, summarise(problems, htmlFiles.length));
process.exitCode = hasErrors(problems) ? 1 : 0;
