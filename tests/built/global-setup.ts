import { rmSync } from 'node:fs';
import { BUILD_DIR, buildSite, CONTRIBUTION_PROJECT, DIFFERENTIAL_PROJECT, ROOT } from './build-site.ts';
import { writeContributionProject } from './contribution-project.ts';
import { writeDifferentialProject } from './differential-project.ts';

/**
 * Builds, once for every test of the site project: the site at the root and under a base path (smoke,
 * browser and differential tests), the root a second time (reproducibility), the differential corpus
 * at the root and under a base path, a bare Starlight site (the yardstick of the JavaScript budget), and
 * the wiki with a first-time contributor's change (the proof that such a change, once checked, builds).
 * SKIP_SITE_BUILD=1 reuses the builds of an earlier run; SKIP_REPRODUCIBILITY=1 skips the repeat while
 * iterating.
 */
export default function setup(): void {
  if (process.env['SKIP_SITE_BUILD'] === '1') return;
  rmSync(BUILD_DIR, { recursive: true, force: true });
  buildSite('root');
  buildSite('base');
  writeDifferentialProject(DIFFERENTIAL_PROJECT, ROOT);
  buildSite('corpus-root');
  buildSite('corpus-base');
  buildSite('bare');
  writeContributionProject(CONTRIBUTION_PROJECT, ROOT);
  buildSite('contribution');
  // Built here, before the browser tests load the machine: Pagefind can leave files empty under load.
  if (process.env['SKIP_REPRODUCIBILITY'] !== '1') buildSite('repeat');
}
