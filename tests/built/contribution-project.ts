import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contribution, type Contribution } from '../helpers/contribution.ts';

/**
 * The wiki as it is, with a first-time contributor's change written into it (tests/helpers/contribution.ts),
 * for the site tests to build: a content-only change that passes the check must pass the build and the
 * tests of the built site too.
 */
export function writeContributionProject(root: string, projectRoot: string): Contribution {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const entry of ['astro.config.mjs', 'ec.config.mjs', 'tsconfig.json', 'package.json', 'public', 'src']) cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  const change = contribution(root);
  for (const [file, text] of Object.entries(change.files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return change;
}
