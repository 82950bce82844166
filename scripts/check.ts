#!/usr/bin/env node
/**
 * npm run check [-- --format text|json|github] [--output <file>] [--root <dir>] [--fix] [--watch] [--list <kind>]
 * Checks every page link, anchor, citation and source reference in src/content; exit 1 on any error.
 * --fix corrects what cannot be wrong and checks again; --watch checks again after every save;
 * --list prints the ids pages can link to.
 */
import './lib/fast-start.ts';
import { checkSite } from '../src/checker/check.ts';
import { hasErrors } from '../src/rules/problem.ts';
import { reporterNamed, REPORTERS } from '../src/checker/reporters/index.ts';
import { docsBaseOf } from '../src/checker/reporters/docs-url.ts';
import { summarise } from '../src/checker/reporters/summary.ts';
import { loadSite } from '../src/site/load.ts';
import { siteSettings } from '../src/site/settings.ts';
import { deliver, failUsage, parseCommandLine, projectRoot } from './lib/cli.ts';
import { fixProject } from './lib/fix-project.ts';
import { isListKind, listIds, LISTS } from './lib/listing.ts';
import { watchCheck } from './lib/watch-check.ts';

const USAGE = `Usage: npm run check -- [options]

Checks every link, heading anchor, citation and source reference of the wiki; exits with 1 on any error.

Options:
  --format <name>   how to print problems: ${Object.keys(REPORTERS).join(', ')} (default: text)
  --output <file>   write the report to <file>; the terminal gets one summary line
  --root <folder>   the project to check (default: the current folder)
  --fix             write the corrections that cannot be wrong, then check again
  --watch           check again after every save (text format only)
  --list <kind>     print the ids pages can link to, with their names: ${Object.keys(LISTS).join(', ')}
  -h, --help        show this help

Rule pages: messages link to them on the site named by SITE_URL and BASE_PATH, or name the rule's row
in src/rules/table.ts when SITE_URL is not set.`;

const { values } = parseCommandLine({
  usage: USAGE,
  options: {
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    root: { type: 'string', default: '.' },
    fix: { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
    list: { type: 'string' },
  },
});
const format = reporterNamed(values.format);
if (!format.ok) failUsage(format.message, USAGE);
const root = projectRoot(values.root);
const settings = siteSettings(process.env);
const docsBase = docsBaseOf(process.env);

if (values.list !== undefined) {
  if (!isListKind(values.list)) failUsage(`--list ${values.list}: list one of ${Object.keys(LISTS).join(', ')}.`, USAGE);
  if (values.fix || values.watch) failUsage('--list prints ids and checks nothing; use it without --fix and --watch.', USAGE);
  const { index } = loadSite(root, settings);
  deliver(listIds(values.list, index).join('\n'), values.output, `${values.list} listed`);
} else if (values.watch) {
  if (values.format !== 'text' || values.fix || values.output !== undefined) {
    failUsage('--watch prints the text report, run after run; use it without --format, --output and --fix.', USAGE);
  }
  const watcher = watchCheck({ root, settings, docsBase, log: (text) => console.log(text) });
  process.on('SIGINT', () => {
    watcher.close();
    process.exit(0);
  });
} else if (values.fix) {
  const outcome = fixProject(root, settings, (text) => console.log(text));
  console.log(outcome.edits === 0 ? 'Nothing to fix automatically.' : `✓ ${outcome.edits} fix${outcome.edits === 1 ? '' : 'es'} written in ${outcome.files} file${outcome.files === 1 ? '' : 's'}; checked again:`);
  deliver(format.reporter(outcome.problems, { docsBase, fileCount: outcome.fileCount }), values.output, summarise(outcome.problems, outcome.fileCount));
  process.exitCode = hasErrors(outcome.problems) ? 1 : 0;
} else {
  const { index, files } = loadSite(root, settings);
  const { problems } = checkSite(index);
  deliver(format.reporter(problems, { docsBase, fileCount: files.length }), values.output, summarise(problems, files.length));
  process.exitCode = hasErrors(problems) ? 1 : 0;
}
