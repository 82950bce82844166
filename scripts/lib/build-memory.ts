import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/lib/files.ts';

/**
 * The memory settings `astro build` runs with. Left alone, at 5,000 written pages the build process
 * peaked at 6.4 GB, though what its JavaScript heap still used after a collection never passed 1 GB:
 * - V8 sizes the heap from the machine's memory (4 GB on a machine with 24 GB) and collects late, so the
 *   heap grew to 2.3 GB while Vite bundled the pages. Capped, V8 collects sooner, in about the same
 *   processor time (2% more at 1,000 pages).
 * - Vite's bundler (Rolldown, native code) allocates with mimalloc, which gives freed memory back to the
 *   system only after a delay, by then often never: told to give it back at once, the build holds about
 *   300 MB less.
 * With both the process peaks at 3.1 GB at 5,000 pages. The rest is memory outside the heap that Vite's
 * bundler and Astro hold for the whole build, as they do for bare Starlight (see README, "Build cost at
 * scale").
 *
 * One setting is for time: V8's young generation is given room (`--max-semi-space-size`). Rendering a page
 * makes short-lived objects by the megabyte (every page carries the whole sidebar), and with the default
 * semi-space V8 stopped to sweep them about every 0.2 s, copying what the page in progress still held
 * each time; collections took a fifth of the build. With 64 MB, at 1,000 pages the astro build went from
 * 65.2 s to 55.4 s and from 46.8 s to 40.8 s (two rounds on a loaded machine) with the same peak (1.26 to
 * 1.28 GB); see README, "Build cost at scale".
 */
export function astroBuildEnvironment(given: NodeJS.ProcessEnv, writtenPages: number): { NODE_OPTIONS: string; MIMALLOC_PURGE_DELAY: string } {
  return { NODE_OPTIONS: withMemoryOptions(given['NODE_OPTIONS'], writtenPages), MIMALLOC_PURGE_DELAY: given['MIMALLOC_PURGE_DELAY'] ?? '0' };
}

/** The JavaScript heap `astro build` is given, in MB: a floor, growing with the written pages so that a larger wiki keeps room above what it uses. */
export function heapLimitMb(writtenPages: number): number {
  return Math.max(HEAP_LIMIT_FLOOR_MB, Math.ceil(writtenPages * HEAP_MB_PER_PAGE));
}

const HEAP_LIMIT_FLOOR_MB = 1536;
const HEAP_MB_PER_PAGE = 0.3;

/** The pages written in the project's `src/content/docs`. */
export function writtenPageCount(projectRoot: string): number {
  const docs = join(projectRoot, 'src', 'content', 'docs');
  return existsSync(docs) ? listFiles(docs, '.', /\.mdx?$/).length : 0;
}

/** The young generation's semi-space, in MB (V8's default is 16 on a 64-bit machine). */
export const SEMI_SPACE_MB = 64;

/** The given NODE_OPTIONS with the heap cap and the young generation's size, each unless they set it (a contributor's own setting wins). */
function withMemoryOptions(given: string | undefined, writtenPages: number): string {
  const options = given?.trim() ?? '';
  const added = [
    [/--max-old-space-size\b/, `--max-old-space-size=${heapLimitMb(writtenPages)}`],
    [/--max-semi-space-size\b/, `--max-semi-space-size=${SEMI_SPACE_MB}`],
  ] as const;
  return [options, ...added.filter(([set]) => !set.test(options)).map(([, option]) => option)].filter(Boolean).join(' ');
}
