#!/usr/bin/env node
/**
 * npm run check [-- --format text|json|github] [--root <dir>]
 * Checks every page link, anchor, citation and source reference in src/content; exit 1 on any error.
 */
import { parseArgs } from 'node:util';
import { checkSite } from '../src/checker/check.ts';
import { hasErrors } from '../src/checker/problem.ts';
import { reporterNamed } from '../src/checker/reporters/index.ts';
import { loadSite } from '../src/site/load.ts';
import { siteSettings } from '../src/site/settings.ts';

const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' }, root: { type: 'string', default: process.cwd() } } });
const format = reporterNamed(values.format);
if (!format.ok) {
  console.error(format.message);
  process.exit(2);
}
const { index, files } = loadSite(values.root, siteSettings(process.env));
const { problems } = checkSite(index);
console.log(format.reporter(problems, { docsBase: process.env['SITE_URL'] ?? '', fileCount: files.length }));
process.exitCode = hasErrors(problems) ? 1 : 0;
