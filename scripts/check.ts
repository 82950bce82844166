#!/usr/bin/env node
/**
 * npm run check [-- --format text|json|github] [--root <dir>] [--fix] [--watch]
 * Checks every page link, anchor, citation and source reference in src/content; exit 1 on any error.
 * --fix corrects what cannot be wrong and checks again; --watch checks again after every save.
 */
import './lib/fast-start.ts';
import { parseArgs } from 'node:util';
import { checkSite } from '../src/checker/check.ts';
import { hasErrors } from '../src/rules/problem.ts';
import { reporterNamed } from '../src/checker/reporters/index.ts';
import { loadSite } from '../src/site/load.ts';
import { siteSettings } from '../src/site/settings.ts';
import { fixProject } from './lib/fix-project.ts';
import { watchCheck } from './lib/watch-check.ts';

const { values } = parseArgs({
  options: {
    format: { type: 'string', default: 'text' },
    root: { type: 'string', default: process.cwd() },
    fix: { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
  },
});
const format = reporterNamed(values.format);
if (!format.ok) {
  console.error(format.message);
  process.exit(2);
}
const settings = siteSettings(process.env);
const docsBase = process.env['SITE_URL'] ?? '';

if (values.watch) {
  if (values.format !== 'text' || values.fix) {
    console.error('--watch prints the text report, run after run; use it without --format and --fix');
    process.exit(2);
  }
  const watcher = watchCheck({ root: values.root, settings, docsBase, log: (text) => console.log(text) });
  process.on('SIGINT', () => {
    watcher.close();
    process.exit(0);
  });
} else if (values.fix) {
  const outcome = fixProject(values.root, settings, (text) => console.log(text));
  console.log(outcome.edits === 0 ? 'Nothing to fix automatically.' : `✓ ${outcome.edits} fix${outcome.edits === 1 ? '' : 'es'} written in ${outcome.files} file${outcome.files === 1 ? '' : 's'}; checked again:`);
  console.log(format.reporter(outcome.problems, { docsBase, fileCount: outcome.fileCount }));
  process.exitCode = hasErrors(outcome.problems) ? 1 : 0;
} else {
  const { index, files } = loadSite(values.root, settings);
  const { problems } = checkSite(index);
  console.log(format.reporter(problems, { docsBase, fileCount: files.length }));
  process.exitCode = hasErrors(problems) ? 1 : 0;
}
