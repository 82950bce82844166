import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, BUILDS, buildEnvironment, buildOutputFile, isBuilt, ROOT, STALE_FILE } from './build-site.ts';
import { writeSiteProject } from './differential-project.ts';

/**
 * What the build does when the check is skipped (`astro build` alone): two sources for one address fail
 * it, where Astro would keep one and drop the other with a warning. And what `npm run build` leaves
 * behind when it fails: no half-written output, and no earlier `dist/` that no longer matches the sources.
 */

const PROJECT = join(BUILD_DIR, 'collision-project');
const page = (title: string) => `---\ntitle: ${title}\ndescription: A page of the collision test.\nsection: guides\nrelated: [guides/model-monitoring]\nsources: []\n---\n\nText of ${title}.\n`;

function astroBuild(outDir: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: PROJECT,
    env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

afterAll(() => rmSync(PROJECT, { recursive: true, force: true }));

describe('the build with two sources for one address', () => {
  it('fails when two files have one page id', () => {
    writeSiteProject(PROJECT, ROOT);
    writeFileSync(join(PROJECT, 'src/content/docs/guides/notes.md'), page('Notes in Markdown'));
    writeFileSync(join(PROJECT, 'src/content/docs/guides/notes.mdx'), page('Notes in MDX'));
    const { status, output } = astroBuild(join(BUILD_DIR, 'collision-out'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/multiple entries with the same slug: `guides\/notes`/);
  });

  it('fails when a written page sits on a generated route', () => {
    writeSiteProject(PROJECT, ROOT);
    writeFileSync(join(PROJECT, 'src/content/docs/graph.mdx'), page('A written graph page'));
    const { status, output } = astroBuild(join(BUILD_DIR, 'collision-out'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/Could not render `\/graph` from route `\/\[\.\.\.slug\]` as it conflicts with higher priority route `\/graph`/);
  });
});

describe('npm run build', () => {
  it('stops at the check, writes nothing, and removes an earlier dist/ that no longer matches the sources', () => {
    writeSiteProject(PROJECT, ROOT);
    mkdirSync(join(PROJECT, 'dist'));
    writeFileSync(join(PROJECT, 'dist/index.html'), '<p>An earlier build</p>');
    writeFileSync(join(PROJECT, 'src/content/docs/graph.mdx'), page('A written graph page'));
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], { cwd: PROJECT, env: buildEnvironment(), encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^src\/content\/docs\/graph\.mdx:1:1 {2}route-collision {2}the site generates \/graph\/ from src\/pages\/graph\.astro/m);
    expect(result.stderr).toContain('The build failed, so dist/ was removed');
    expect(readdirSync(PROJECT).filter((entry) => entry.startsWith('dist'))).toEqual([]);
  });

  // The global set-up makes the wiki's build under a base path with this script, over a folder holding
  // a file of an earlier build (see BUILDS.base).
  it.skipIf(!isBuilt('base'))('replaces dist/ with the new build once every step passed', () => {
    const { outDir, project } = BUILDS.base;
    expect(readFileSync(buildOutputFile('base'), 'utf8')).toContain(`✓ The site is in ${relative(project, outDir)}/`);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, STALE_FILE))).toBe(false);
    expect(readdirSync(dirname(outDir)).filter((entry) => entry.startsWith(basename(outDir)) && entry !== basename(outDir) && !entry.endsWith('.output.txt'))).toEqual([]);
  });
});
