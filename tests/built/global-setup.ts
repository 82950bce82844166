import { rmSync } from 'node:fs';
import { BUILD_DIR, buildSiteInBackground, DIFFERENTIAL_PROJECT, ROOT, type BuildName } from './build-site.ts';
import { writeDifferentialProject } from './differential-project.ts';

/**
 * Builds, once for every test of the site project, each build of BUILDS: the wiki at the root (browser
 * and output tests) and under a base path, the differential corpus at the root and under a base path,
 * the corpus again (reproducibility) and a bare Starlight site (the yardstick of the JavaScript budget).
 * Builds of one project share its caches and run one after the other; the wiki's and the others run
 * side by side, one on each core. SKIP_SITE_BUILD=1 reuses the builds of an earlier run;
 * SKIP_REPRODUCIBILITY=1 leaves out the repeat while iterating.
 */
export default async function setup(): Promise<void> {
  if (process.env['SKIP_SITE_BUILD'] === '1') return;
  rmSync(BUILD_DIR, { recursive: true, force: true });
  writeDifferentialProject(DIFFERENTIAL_PROJECT, ROOT);
  const inTurn = async (names: BuildName[]) => {
    for (const name of names) await buildSiteInBackground(name);
  };
  const corpus: BuildName[] = ['corpus-root', 'corpus-base', 'bare', ...(process.env['SKIP_REPRODUCIBILITY'] === '1' ? [] : (['corpus-repeat'] as const))];
  await Promise.all([inTurn(['root', 'base']), inTurn(corpus)]);
}
