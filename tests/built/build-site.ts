import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BUILD_DIR = join(ROOT, '.test-build');
interface Build {
  outDir: string;
  base: string;
  /** The Astro project to build, when it is not this one. */
  project?: string;
}

export const BUILDS = {
  root: { outDir: join(BUILD_DIR, 'root'), base: '/' },
  base: { outDir: join(BUILD_DIR, 'base'), base: '/mle-wiki/' },
  /** A second build at the root, to prove that builds are reproducible. */
  repeat: { outDir: join(BUILD_DIR, 'repeat'), base: '/' },
  /** Starlight with nothing added, the yardstick for the JavaScript budget of every page. */
  bare: { outDir: join(BUILD_DIR, 'bare-starlight'), base: '/', project: join(ROOT, 'tests', 'fixtures', 'bare-starlight') },
} as const satisfies Record<string, Build>;
export type BuildName = keyof typeof BUILDS;

/** Runs `astro build` into a directory of its own, with the project's pinned Node. */
export function buildSite(name: BuildName): string {
  const build: Build = BUILDS[name];
  const { outDir, base } = build;
  mkdirSync(BUILD_DIR, { recursive: true });
  const project = build.project ? ['--root', build.project] : [];
  execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...project, '--outDir', outDir], {
    cwd: ROOT,
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
function buildEnvironment(): NodeJS.ProcessEnv {
  const vitestKeys = /^(VITEST.*|TEST|DEV|PROD|MODE|SSR|BASE_URL|NODE_ENV)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestKeys.test(key)));
}

export const isBuilt = (name: BuildName): boolean => existsSync(join(BUILDS[name].outDir, 'index.html'));
