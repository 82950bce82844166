import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSite } from '../../src/checker/check.ts';
import { readTextFile } from '../../src/lib/text-file.ts';
import { formatPlan, planFixes } from '../../src/checker/fix.ts';
import type { Problem } from '../../src/rules/problem.ts';
import { loadSite } from '../../src/site/load.ts';
import { candidatesOf } from '../../src/site/resolve.ts';
import type { SiteSettings } from '../../src/site/settings.ts';

/** A fix can make another fixable problem appear (a full URL of the site still holding the base path); a few passes settle it. */
const MAX_PASSES = 5;

export interface FixOutcome {
  /** The problems left after the fixes, from a full check of the fixed files. */
  problems: Problem[];
  fileCount: number;
  /** How many edits were written, in how many files. */
  edits: number;
  files: number;
}

/**
 * `npm run check -- --fix`: checks the project, writes the fixes `planFixes` plans, and checks again,
 * until no fix is left to apply. `log` receives what changed, file by file.
 */
export function fixProject(root: string, settings: SiteSettings, log: (text: string) => void): FixOutcome {
  const changedFiles = new Set<string>();
  let edits = 0;
  for (let pass = 1; ; pass += 1) {
    const { index, files } = loadSite(root, settings);
    const { problems } = checkSite(index);
    const plan = planFixes(problems, (file) => readText(join(root, file)), (pool) => candidatesOf(pool, index));
    if (plan.files.length === 0 || pass > MAX_PASSES) return { problems, fileCount: files.length, edits, files: changedFiles.size };
    for (const { file, text } of plan.files) {
      writeFileSync(join(root, file), text);
      changedFiles.add(file);
    }
    edits += plan.files.reduce((sum, file) => sum + file.edits.length, 0);
    log(formatPlan(plan));
  }
}

/**
 * A file's text to fix, or undefined: a file that is not UTF-8 with LF line endings is left alone, since
 * writing back what was read would replace its bytes (every undecodable byte with U+FFFD).
 */
function readText(path: string): string | undefined {
  const read = readTextFile(path);
  return read.ok && read.fault === undefined ? read.text : undefined;
}
