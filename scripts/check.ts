#!/usr/bin/env node
/**
 * npm run check [-- --format text|json|github]
 * Checks every page link, anchor, citation and source reference in src/content; exit 1 on any error.
 */
import { parseArgs } from 'node:util';
import { checkIndex } from '../src/references/check.ts';
import { loadProject } from '../src/references/load-project.ts';
import { formatGithub } from '../src/references/reporters/github.ts';
import { formatJson } from '../src/references/reporters/json.ts';
import { formatText } from '../src/references/reporters/text.ts';

const FORMATS = { text: formatText, json: formatJson, github: formatGithub } as const;

const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' }, root: { type: 'string', default: process.cwd() } } });
const format = values.format as keyof typeof FORMATS;
if (!(format in FORMATS)) {
  console.error(`Unknown --format "${values.format}"; use one of: ${Object.keys(FORMATS).join(', ')}`);
  process.exit(2);
}

const { index, fileCount } = loadProject(values.root);
const { problems } = checkIndex(index);
const docsBase = process.env['SITE_URL'] ?? '';
console.log(FORMATS[format](problems, { docsBase, fileCount }));
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
