import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join, posix } from 'node:path';
import { LiveCheck } from '../../src/checker/live-check.ts';
import { formatText } from '../../src/checker/reporters/text.ts';
import { CONTENT } from '../../src/site/data.ts';
import { PUBLIC_DIR } from '../../src/site/routes.ts';
import type { SiteSettings } from '../../src/site/settings.ts';

/**
 * `npm run check -- --watch`: checks the project, then checks again what each save can affect. Every
 * run prints a line starting with `[check] `, every problem of the project, and the summary line
 * starting with ✓ or ✗, so that an editor's problem matcher (.vscode/tasks.json) can replace its list
 * of problems with each run.
 */

/** Editors save in bursts (a temporary file, a rename); the files of one burst are checked together. */
const SETTLE_MS = 30;
/** Where the files the check reads live: every collection sits beside the pages' folder, and public/. */
const WATCHED_DIRS = [posix.dirname(CONTENT.docs.dir), PUBLIC_DIR.replace(/\/$/, '')];

export const RUN_PREFIX = '[check] ';

export interface WatchOptions {
  root: string;
  settings: SiteSettings;
  /** Where rule pages are linked from, as for the text report. */
  docsBase: string;
  log: (text: string) => void;
}

export interface CheckWatcher {
  close(): void;
}

const clock = () => new Date().toTimeString().slice(0, 8);

export function watchCheck({ root, settings, docsBase, log }: WatchOptions): CheckWatcher {
  const started = performance.now();
  let live: LiveCheck | undefined = new LiveCheck(root, settings);
  const report = (headline: string) => {
    if (!live) return;
    log(`${RUN_PREFIX}${clock()} ${headline}`);
    log(formatText(live.problems, { docsBase, fileCount: live.fileCount }));
  };

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const paths = pending;
    pending = new Set();
    // A fault of the check must not end the watch: it is reported, and the next save reads the project afresh.
    try {
      if (!live) {
        live = new LiveCheck(root, settings);
        report('the project read again');
        return;
      }
      const recheck = live.changed(paths);
      if (!recheck) return;
      const pages = recheck.rechecked.length;
      report(`${recheck.files.join(', ')}: ${pages} page${pages === 1 ? '' : 's'} checked in ${Math.max(1, Math.round(recheck.ms))} ms`);
    } catch (error) {
      live = undefined;
      log(`${RUN_PREFIX}${clock()} the check failed after saving ${[...paths].join(', ')}; it reads the project again at the next save. ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  const watchers: FSWatcher[] = WATCHED_DIRS.filter((dir) => existsSync(join(root, dir))).map((dir) =>
    watch(join(root, dir), { recursive: true }, (_event, name) => {
      if (name === null) return;
      pending.add(`${dir}/${name.split('\\').join('/')}`);
      timer ??= setTimeout(flush, SETTLE_MS);
    }),
  );
  // The watchers are in place before the first report, so a save right after it is seen.
  report(`watching ${WATCHED_DIRS.join(' and ')}; ${live.fileCount} files checked in ${Math.round(performance.now() - started)} ms`);
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
