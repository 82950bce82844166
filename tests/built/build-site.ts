import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BUILD_DIR = join(ROOT, '.test-build');
/** The project the differential corpus is written to and built from (see differential-project.ts). */
export const DIFFERENTIAL_PROJECT = join(BUILD_DIR, 'differential-project');
/** The wiki with a first-time contributor's change (see contribution-project.ts). */
export const CONTRIBUTION_PROJECT = join(BUILD_DIR, 'contribution-project');
export const BUILDS = {
  root: { outDir: join(BUILD_DIR, 'root'), base: '/', project: ROOT },
  base: { outDir: join(BUILD_DIR, 'base'), base: '/mle-wiki/', project: ROOT },
  /** A second build at the root, to prove that builds are reproducible. */
  repeat: { outDir: join(BUILD_DIR, 'repeat'), base: '/', project: ROOT },
  /** The differential corpus at the root and under a base path. */
  'corpus-root': { outDir: join(BUILD_DIR, 'corpus-root'), base: '/', project: DIFFERENTIAL_PROJECT },
  'corpus-base': { outDir: join(BUILD_DIR, 'corpus-base'), base: '/mle-wiki/', project: DIFFERENTIAL_PROJECT },
  /** The wiki with a first-time contributor's content-only change, at the root. */
  contribution: { outDir: join(BUILD_DIR, 'contribution'), base: '/', project: CONTRIBUTION_PROJECT },
  /** Starlight with nothing added, the yardstick for the JavaScript budget of every page. */
  bare: { outDir: join(BUILD_DIR, 'bare-starlight'), base: '/', project: join(ROOT, 'tests', 'fixtures', 'bare-starlight') },
} as const;
export type BuildName = keyof typeof BUILDS;

/** Runs `astro build` into a directory of its own, with the project's pinned Node. */
export function buildSite(name: BuildName): string {
  const { outDir, base, project } = BUILDS[name];
  return buildProject(project, outDir, base);
}

/** Runs `astro build` of a project (inside this one, where Node finds the packages) into `outDir`. */
export function buildProject(project: string, outDir: string, base = '/'): string {
  mkdirSync(BUILD_DIR, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: project,
    env: { ...buildEnvironment(), BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'pipe',
  });
  return outDir;
}

/**
 * The environment without what vitest adds to its workers (NODE_ENV=test, DEV, PROD, MODE, BASE_URL…),
 * which would make Vite build in another mode: scripts inlined, search switched off. Builds run exactly
 * as `npm run build` runs them.
 */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const vitestKeys = /^(VITEST.*|TEST|DEV|PROD|MODE|SSR|BASE_URL|NODE_ENV)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestKeys.test(key)));
}

export const isBuilt = (name: BuildName): boolean => existsSync(join(BUILDS[name].outDir, 'index.html'));
