import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { astroBuildEnvironment, writtenPageCount } from '../lib/build-memory.ts';

/**
 * Builds of one generated corpus for the benchmark: with the wiki's own configuration, plugins and
 * components (a copy of the project with the corpus as its content), and with bare Starlight (the
 * configuration of tests/fixtures/bare-starlight), from the same MDX files.
 */

export interface Run {
  ms: number;
  /** The highest peak resident memory of the step's Node processes (the search indexer's native process not counted). */
  maxRssMb: number;
  ok: boolean;
  output: string;
}

const PEAK_MEMORY = join(import.meta.dirname, 'peak-memory.ts');

let runs = 0;

/** Runs a Node script as a child process, timing it and recording the peak memory of it and its Node children. */
export function runNode(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<Run> {
  // A file of its own for each run, also for two runs started in the same millisecond (the check beside the build).
  runs += 1;
  const peakFile = join(options.cwd, `.peak-memory-${process.pid}-${runs}`);
  const nodeOptions = [options.env?.['NODE_OPTIONS'] ?? process.env['NODE_OPTIONS'], `--import=${PEAK_MEMORY}`].filter(Boolean).join(' ');
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, NODE_OPTIONS: nodeOptions, MLE_BENCH_PEAK_FILE: peakFile, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const peaks = existsSync(peakFile) ? readFileSync(peakFile, 'utf8').trim().split('\n').map(Number) : [0];
      rmSync(peakFile, { force: true });
      done({ ms, maxRssMb: Math.max(...peaks) / 1024, ok: code === 0, output });
    });
  });
}

const ASTRO = (projectRoot: string) => join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/** The corpus's pages as a bare Starlight site: the bare fixture's configuration, with starlight-links-validator when asked. */
export function writeBareProject(target: string, corpusRoot: string, projectRoot: string): void {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, 'src/content'), { recursive: true });
  cpSync(join(corpusRoot, 'src/content/docs'), join(target, 'src/content/docs'), { recursive: true });
  cpSync(join(projectRoot, 'tests/fixtures/bare-starlight/src/content.config.ts'), join(target, 'src/content.config.ts'));
  writeFileSync(
    join(target, 'astro.config.mjs'),
    `// tests/fixtures/bare-starlight/astro.config.mjs, with starlight-links-validator when WITH_SLV=1.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import links from 'starlight-links-validator';
export default defineConfig({
  integrations: [starlight({ title: 'Bare Starlight', plugins: process.env.WITH_SLV === '1' ? [links({ errorOnFallbackPages: false, errorOnInvalidHashes: true })] : [] })],
});
`,
  );
}

/**
 * The corpus as the wiki: the project's configuration, code and public files, with the corpus's pages
 * and data as its content. The wiki's configuration is loaded through the timing hooks of
 * build-profile.ts (inert unless MLE_BENCH_PROFILE names a file). `without` leaves component overrides
 * out of the configuration (Starlight's own component renders instead), to measure what each costs.
 */
export function writeWikiProject(target: string, corpusRoot: string, projectRoot: string, options: { without?: readonly string[] } = {}): void {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const entry of ['ec.config.mjs', 'tsconfig.json', 'package.json', 'public']) cpSync(join(projectRoot, entry), join(target, entry), { recursive: true });
  const content = join(projectRoot, 'src', 'content');
  cpSync(join(projectRoot, 'src'), join(target, 'src'), { recursive: true, filter: (source) => source !== content });
  cpSync(join(corpusRoot, 'src/content'), join(target, 'src/content'), { recursive: true });
  let config = readFileSync(join(projectRoot, 'astro.config.mjs'), 'utf8');
  for (const component of options.without ?? []) {
    const line = new RegExp(`^\\s*${component}: '\\./src/components/overrides/${component}\\.astro',\\n`, 'm');
    if (!line.test(config)) throw new Error(`astro.config.mjs overrides no component ${component}`);
    config = config.replace(line, '');
  }
  writeFileSync(join(target, 'astro.config.wiki.mjs'), config);
  cpSync(join(import.meta.dirname, 'build-profile.ts'), join(target, 'bench-build-profile.ts'));
  writeFileSync(
    join(target, 'astro.config.mjs'),
    `// The wiki's configuration, with the benchmark's timing hooks (scripts/bench/build-profile.ts).
import config from './astro.config.wiki.mjs';
import { profiledConfig } from './bench-build-profile.ts';
export default profiledConfig(config, process.env.MLE_BENCH_PROFILE);
`,
  );
}

/**
 * The time Astro reports for rendering each page (`├─ /role/skills/index.html (+5ms)`), summed by the
 * group `groupOf` puts each page's path in.
 */
export function pageRenderTimes(output: string, groupOf: (path: string) => string): Map<string, { pages: number; ms: number }> {
  const groups = new Map<string, { pages: number; ms: number }>();
  for (const [, path = '', time = '0', unit = 'ms'] of stripVTControlCharacters(output).matchAll(/[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s|m)\)/g)) {
    const group = groups.get(groupOf(path)) ?? { pages: 0, ms: 0 };
    group.pages += 1;
    group.ms += Number(time) * { ms: 1, s: 1000, m: 60_000 }[unit as 'ms' | 's' | 'm'];
    groups.set(groupOf(path), group);
  }
  return groups;
}

export interface BuildTimes {
  /** The steps of the build, each with its time and peak memory. */
  steps: Record<string, Run>;
  ms: number;
  maxRssMb: number;
}

/** `astro build` of a project: the bare site's whole build, or the wiki's build step alone. */
export async function astroBuild(root: string, projectRoot: string, env: Record<string, string | undefined> = {}): Promise<BuildTimes> {
  const build = await runNode([ASTRO(projectRoot), 'build'], { cwd: root, env });
  return { steps: { 'astro build': build }, ms: build.ms, maxRssMb: build.maxRssMb };
}

/** The memory settings `npm run build` gives `astro build` for the project's written pages (scripts/lib/build-memory.ts). */
export const buildMemorySettings = (root: string): Record<string, string> => astroBuildEnvironment(process.env, writtenPageCount(root));

/**
 * What `npm run build` runs, step by step, on a copy of the wiki: the reference check, `astro build`,
 * the output check. `cpuProfileDir` records a CPU profile of the astro build there.
 */
export async function wikiBuild(root: string, projectRoot: string, options: { profileFile?: string } = {}): Promise<BuildTimes> {
  const steps: Record<string, Run> = {};
  steps['reference check'] = await runNode([join(projectRoot, 'scripts/check.ts'), '--root', root], { cwd: root });
  steps['astro build'] = await runNode([ASTRO(projectRoot), 'build'], { cwd: root, env: { MLE_BENCH_PROFILE: options.profileFile, ...buildMemorySettings(root) } });
  steps['output check'] = await runNode([join(projectRoot, 'scripts/check-output.ts'), '--dir', join(root, 'dist')], { cwd: root });
  const runs = Object.values(steps);
  return { steps, ms: runs.reduce((sum, run) => sum + run.ms, 0), maxRssMb: Math.max(...runs.map((run) => run.maxRssMb)) };
}
