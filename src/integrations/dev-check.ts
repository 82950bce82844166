import { join } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileRole, LiveCheck, type LiveRecheck } from '../checker/live-check.ts';
import { isClearlyClosest } from '../checker/fix.ts';
import type { Problem, ProblemFix } from '../rules/problem.ts';
import { formatProblemLine } from '../checker/reporters/text.ts';
import { summarise } from '../checker/reporters/summary.ts';
import { rulePageId } from '../site/generated-pages.ts';
import { candidatesOf } from '../site/resolve.ts';
import { pageIdOfUrl, pagePath } from '../site/routes.ts';
import type { SiteSettings } from '../site/settings.ts';
import { invalidateSite } from '../site/site.ts';
import { CHECK_APP_ID, PROBLEMS_EVENT, REQUEST_EVENT, type PageProblems, type ProblemsMessage, type ProblemView } from '../site/dev-check-protocol.ts';

/**
 * The reference check while you write (`npm run dev` only). It checks the project when the dev server
 * starts and again on every save of a page, data or public file, with the incremental checker, so only
 * what the save can affect is checked again. Problems go to the terminal, in the same
 * `path:line:column  rule  message` lines as `npm run check`, and to the dev toolbar app
 * (dev-check-app.ts), which lists the page's problems and marks each broken reference in the page.
 * Nothing of it runs in a build.
 */

type ServerSetup = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0];
type ViteServer = ServerSetup['server'];
type Toolbar = ServerSetup['toolbar'];

/** Files saved within this many milliseconds are checked together (an editor's save, a git checkout). */
const SETTLE_MS = 10;
/** After each check, the pages it read are read again this much later, in case their write was still under way. */
const CONFIRM_MS = 300;

const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7"/><path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7"/><path d="m4 4 16 16"/></svg>';

export interface DevCheck {
  integration: AstroIntegration;
  /** Whether the dev server runs; the renderer then writes each link's source position for the app's markers. */
  marksSources: () => boolean;
}

export function devCheck(options: { root: string; settings: SiteSettings }): DevCheck {
  let running = false;
  let session: DevCheckSession | undefined;
  const integration: AstroIntegration = {
    name: 'mle-wiki:check',
    hooks: {
      'astro:config:setup': ({ command, addDevToolbarApp }) => {
        if (command !== 'dev') return;
        running = true;
        addDevToolbarApp({ id: CHECK_APP_ID, name: 'Reference check', icon: ICON, entrypoint: new URL('./dev-check-app.ts', import.meta.url) });
      },
      'astro:server:setup': ({ server, toolbar, logger }) => {
        session = new DevCheckSession({ ...options, server, toolbar, logger });
      },
      'astro:server:start': ({ address }) => {
        // Rule pages are linked on the running dev server, so a terminal can open them.
        session?.start(`http://localhost:${address.port}${options.settings.base.replace(/\/$/, '')}`);
      },
      'astro:server:done': () => {
        session?.close();
        session = undefined;
      },
    },
  };
  return { integration, marksSources: () => running };
}

interface SessionOptions {
  root: string;
  settings: SiteSettings;
  server: ViteServer;
  toolbar: Toolbar;
  logger: AstroIntegrationLogger;
}

class DevCheckSession {
  readonly #options: SessionOptions;
  #live: LiveCheck | undefined;
  /** Set once the server listens; before that, file events are Vite's first scan, not saves. */
  #docsBase: string | undefined;
  #pending = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #confirmTimer: NodeJS.Timeout | undefined;
  readonly #onFile = (_event: string, path: string) => this.#saved(path);

  constructor(options: SessionOptions) {
    this.#options = options;
    options.server.watcher.on('all', this.#onFile);
    options.toolbar.on<unknown>(REQUEST_EVENT, (message) => this.#answer(message));
  }

  /** Checks the whole project once, and reports. */
  start(docsBase: string): void {
    this.#docsBase = docsBase;
    const started = performance.now();
    const live = new LiveCheck(this.#options.root, this.#options.settings);
    this.#live = live;
    const { logger } = this.#options;
    for (const found of live.problems) this.#log(found);
    const ms = Math.round(performance.now() - started);
    logger.info(`${summarise(live.problems, live.fileCount)} in ${ms} ms; saves are checked as you write, here and in the page`);
  }

  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#confirmTimer) clearTimeout(this.#confirmTimer);
    this.#options.server.watcher.off('all', this.#onFile);
  }

  #saved(path: string): void {
    this.#pending.add(path);
    this.#timer ??= setTimeout(() => this.#flush(), SETTLE_MS);
  }

  #flush(): void {
    this.#timer = undefined;
    const paths = this.#pending;
    this.#pending = new Set();
    // A fault of the check must not stop the dev server: it is reported, and the next save reads the project afresh.
    if (this.#docsBase === undefined) return;
    try {
      if (!this.#live) {
        this.start(this.#docsBase);
        return;
      }
      const recheck = this.#live.changed(paths);
      if (!recheck) return;
      this.#refreshRenderer(recheck);
      this.#report(recheck);
      this.#broadcast(recheck);
      this.#confirmLater();
    } catch (error) {
      this.#live = undefined;
      this.#options.logger.error(`the reference check failed after saving ${[...paths].join(', ')}; it reads the project again at the next save. ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** Checks again, a moment later, each page whose text changed after the check read it. */
  #confirmLater(): void {
    if (this.#confirmTimer) clearTimeout(this.#confirmTimer);
    this.#confirmTimer = setTimeout(() => {
      this.#confirmTimer = undefined;
      const unsettled = this.#live?.unsettled() ?? [];
      for (const file of unsettled) this.#saved(join(this.#options.root, file));
    }, CONFIRM_MS);
  }

  /**
   * The renderer caches what it read. A saved page refreshes backlinks and the graph; a saved data file
   * refreshes everything, and the pages whose citations it changes are rendered again (their verdicts
   * read it, so they were checked again), as if they had been saved: Vite and Astro's content loader
   * listen for "change". This session listens for "all", which a bare emit does not reach.
   */
  #refreshRenderer(recheck: LiveRecheck): void {
    const { root, server } = this.#options;
    const dataChanged = recheck.files.some((file) => fileRole(file) === 'data');
    invalidateSite(root, dataChanged ? 'all' : 'pages');
    if (!dataChanged) return;
    for (const file of recheck.rechecked) server.watcher.emit('change', join(root, file));
    server.ws.send({ type: 'full-reload' });
  }

  /** Each file whose problems changed, with its problems now; then where the project stands. */
  #report(recheck: LiveRecheck): void {
    const live = this.#live;
    if (!live || recheck.changed.size === 0) return;
    const { logger } = this.#options;
    for (const [file, problems] of recheck.changed) {
      if (problems.length === 0) logger.info(`✓ ${file}: no problems left`);
      for (const found of problems) this.#log(found);
    }
    const pages = recheck.rechecked.length;
    logger.info(`${summarise(live.problems, live.fileCount)}; ${pages} page${pages === 1 ? '' : 's'} checked in ${Math.max(1, Math.round(recheck.ms))} ms`);
  }

  #log(found: Problem): void {
    const line = formatProblemLine(found, this.#docsBase ?? '');
    if (found.severity === 'error') this.#options.logger.error(line);
    else this.#options.logger.warn(line);
  }

  /** Sends the problems of every page whose problems changed to the open pages. */
  #broadcast(recheck: LiveRecheck): void {
    const live = this.#live;
    if (!live || recheck.changed.size === 0) return;
    const pages = live.checker.index.documents.filter((document) => recheck.changed.has(document.file)).map((document) => this.#pageProblems(document.pageId));
    const message: ProblemsMessage = { pages: pages.filter((page) => page !== undefined), total: live.problems.length };
    this.#options.toolbar.send(PROBLEMS_EVENT, message);
  }

  #answer(request: unknown): void {
    const live = this.#live;
    const path = typeof request === 'object' && request !== null && 'path' in request && typeof request.path === 'string' ? request.path : undefined;
    if (!live || path === undefined) return;
    const page = this.#pageProblems(pageIdOfUrl(path, this.#options.settings.base));
    const message: ProblemsMessage = { pages: page ? [page] : [], total: live.problems.length, answering: path };
    this.#options.toolbar.send(PROBLEMS_EVENT, message);
  }

  /** The problems of the page routed at `pageId`: those of its source file, or none for a generated page. */
  #pageProblems(pageId: string): PageProblems | undefined {
    const live = this.#live;
    const page = live?.checker.index.pages.get(pageId);
    if (!live || !page) return undefined;
    if (page.generated) return { pageId, file: undefined, problems: [] };
    return { pageId, file: page.source, problems: live.checker.problemsOf(page.source).map((found) => this.#view(found)) };
  }

  #view(found: Problem): ProblemView {
    return {
      line: found.position.line,
      column: found.position.column,
      rule: found.rule,
      severity: found.severity,
      message: found.message,
      rulePage: pagePath(rulePageId(found.rule), this.#options.settings.base),
      ...(found.fix && this.#wouldFix(found.fix) ? { fix: found.fix.replacement } : {}),
    };
  }

  /** Whether `npm run check -- --fix` would write this fix: a certain one, or a clearly closest "did you mean". */
  #wouldFix(fix: ProblemFix): boolean {
    const index = this.#live?.checker.index;
    if (!fix.closest || !index) return fix.closest === undefined;
    return isClearlyClosest(fix.closest.wanted, fix.closest.chosen, candidatesOf(fix.closest.pool, index));
  }
}
