import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BUILD_DIR = join(ROOT, '.test-build');
/** The project the differential corpus is written to and built from (see differential-project.ts). */
export const DIFFERENTIAL_PROJECT = join(BUILD_DIR, 'differential-project');
/**
 * The same corpus written a second time, in a folder of its own: a build of it must equal the first
 * byte for byte, so the output depends on the sources alone, not on the build's folder or its caches.
 */
export const REPEAT_PROJECT = join(BUILD_DIR, 'differential-project-repeat');
/** The wiki with a first-time contributor's change (see contribution-project.ts). */
export const CONTRIBUTION_PROJECT = join(BUILD_DIR, 'contribution-project');
/**
 * Every build the site project's tests read, made once by the global set-up (global-setup.ts) and shared
 * by all of them. A test uses one of these; a new build is added here only when none of them can serve.
 */
export const BUILDS = {
  /** The wiki at the root: the build every browser test and most output tests read. */
  root: { outDir: join(BUILD_DIR, 'root'), base: '/', project: ROOT },
  /**
   * The wiki under a base path, for what only the whole wiki has (every component and data file under
   * it), with a first-time contributor's content-only change written in: one build proves both that the
   * wiki works under a base path and that such a change, once checked, builds and ships what the
   * checker predicts (content-change.test.ts). It is made by `npm run build`'s script (the check, the
   * build, the output check) over a folder holding a file of an earlier build, so the same build also
   * shows what that script leaves behind when every step passes (route-collision.test.ts).
   */
  base: { outDir: join(BUILD_DIR, 'base'), base: '/mle-wiki/', project: CONTRIBUTION_PROJECT, script: 'npm run build' },
  /** The differential corpus at the root and under a base path. */
  'corpus-root': { outDir: join(BUILD_DIR, 'corpus-root'), base: '/', project: DIFFERENTIAL_PROJECT },
  'corpus-base': { outDir: join(BUILD_DIR, 'corpus-base'), base: '/mle-wiki/', project: DIFFERENTIAL_PROJECT },
  /**
   * The corpus at the root a second time, from its second copy, to prove that builds are reproducible:
   * it runs every step of the wiki's build (every plugin, component, generated page, the search index,
   * the service worker) in a fraction of the wiki's time.
   */
  'corpus-repeat': { outDir: join(BUILD_DIR, 'corpus-repeat'), base: '/', project: REPEAT_PROJECT },
  /** Starlight with nothing added, the yardstick for the JavaScript budget of every page. */
  bare: { outDir: join(BUILD_DIR, 'bare-starlight'), base: '/', project: join(ROOT, 'tests', 'fixtures', 'bare-starlight') },
} as const;
export type BuildName = keyof typeof BUILDS;

/** A file of an earlier build, left in the folder a build by `npm run build`'s script replaces: the new build must not keep it. */
export const STALE_FILE = 'stale.html';

/** What a build by `npm run build`'s script printed, kept for the tests of that script. */
export const buildOutputFile = (name: BuildName): string => join(BUILD_DIR, `${name}.output.txt`);

/** The command that runs `astro build` of a project (inside this one, where Node finds the packages) into `outDir`. */
const astroBuild = (project: string, outDir: string, base: string, script: 'astro build' | 'npm run build' = 'astro build') => {
  mkdirSync(BUILD_DIR, { recursive: true });
  return {
    args: script === 'npm run build' ? [join(ROOT, 'scripts/build.ts'), '--outDir', outDir] : [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    options: { cwd: project, env: { ...buildEnvironment(), BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 },
    outDir,
  };
};

/** Runs `astro build` of a project into `outDir`, with the project's pinned Node. */
export function buildProject(project: string, outDir: string, base = '/'): string {
  const { args, options } = astroBuild(project, outDir, base);
  execFileSync(process.execPath, args, { ...options, stdio: 'pipe' });
  return outDir;
}

/** The same, in the background, so that builds of different projects can run side by side; rejects with the build's output. */
export function buildSiteInBackground(name: BuildName): Promise<string> {
  const build: (typeof BUILDS)[BuildName] = BUILDS[name];
  const script = 'script' in build ? build.script : 'astro build';
  const { args, options, outDir } = astroBuild(build.project, build.outDir, build.base, script);
  if (script === 'npm run build') {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, STALE_FILE), '<p>An earlier build</p>');
  }
  return new Promise((done, fail) => {
    execFile(process.execPath, args, options, (error, stdout, stderr) => {
      if (error) return fail(new Error(`${script} of "${name}" failed:\n${stdout}\n${stderr}`));
      if (script === 'npm run build') writeFileSync(buildOutputFile(name), stdout);
      done(outDir);
    });
  });
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
