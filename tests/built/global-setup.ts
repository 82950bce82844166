import { rmSync } from 'node:fs';
import { BUILD_DIR, buildSiteInBackground, CONTRIBUTION_PROJECT, DIFFERENTIAL_PROJECT, REPEAT_PROJECT, ROOT, type BuildName } from './build-site.ts';
import { writeContributionProject } from './contribution-project.ts';
import { writeDifferentialProject } from './differential-project.ts';

/**
 * Builds, once for every test of the site project, each build of BUILDS: the wiki at the root (browser
 * and output tests) and, with a first-time contributor's change, under a base path; the differential
 * corpus at the root and under a base path, the corpus again (reproducibility) and a bare Starlight site
 * (the yardstick of the JavaScript budget), in two lines side by side. Builds of one project share its
 * caches and run in one line. SKIP_SITE_BUILD=1 reuses the builds of an earlier run;
 * SKIP_REPRODUCIBILITY=1 leaves out the repeat while iterating.
 */
export default async function setup(): Promise<void> {
  if (process.env['SKIP_SITE_BUILD'] === '1') return;
  rmSync(BUILD_DIR, { recursive: true, force: true });
  writeDifferentialProject(DIFFERENTIAL_PROJECT, ROOT);
  const repeat = process.env['SKIP_REPRODUCIBILITY'] !== '1';
  if (repeat) writeDifferentialProject(REPEAT_PROJECT, ROOT);
  writeContributionProject(CONTRIBUTION_PROJECT, ROOT);
  const inTurn = async (names: BuildName[]) => {
    for (const name of names) {
      const started = performance.now();
      await buildSiteInBackground(name);
      // Each build's time, so that a run shows what its set-up cost.
      console.log(`built ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  // Two lines of builds of about equal length, one for each of the machine's two cores.
  // The build under a base path also runs the check and the output check (npm run build's script).
  await Promise.all([inTurn(['root', 'corpus-root', 'corpus-base', 'bare']), inTurn(['base', ...(repeat ? (['corpus-repeat'] as const) : [])])]);
}
