import { EventEmitter } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { devCheck } from '../../src/integrations/dev-check.ts';
import { siteSettings } from '../../src/site/settings.ts';
import { BASE_FIXTURE } from '../helpers/fixture-project.ts';

/**
 * The dev server's check, driven through its integration hooks with a stand-in for Vite's file watcher,
 * so that each test decides exactly which file events the check hears.
 */

const GUIDE = 'src/content/docs/guides/model-monitoring.mdx';
type Hooks = AstroIntegration['hooks'];

class DevServer {
  readonly root = mkdtempSync(join(tmpdir(), 'mle-wiki-dev-check-'));
  readonly watcher = new EventEmitter();
  readonly log: string[] = [];
  readonly #hooks: Hooks;

  constructor() {
    cpSync(BASE_FIXTURE, this.root, { recursive: true });
    this.#hooks = devCheck({ root: this.root, settings: siteSettings({}) }).integration.hooks;
    const logger = { info: (line: string) => this.log.push(line), warn: (line: string) => this.log.push(line), error: (line: string) => this.log.push(line) };
    const server = { watcher: this.watcher, ws: { send: () => undefined } };
    const toolbar = { on: () => undefined, send: () => undefined };
    const setup = this.#hooks['astro:server:setup'] as (options: unknown) => void;
    setup({ server, toolbar, logger });
    const start = this.#hooks['astro:server:start'] as (options: unknown) => void;
    start({ address: { port: 4321 } });
  }

  /** Writes a file as an editor would, and tells the check as Vite's watcher would. */
  save(file: string, text: string): void {
    this.write(file, text);
    this.watcher.emit('all', 'change', join(this.root, file));
  }

  /** Writes a file and tells nobody: a watcher that merged this write into an earlier event. */
  write(file: string, text: string): void {
    writeFileSync(join(this.root, file), text);
  }

  read(file: string): string {
    return readFileSync(join(this.root, file), 'utf8');
  }

  async logged(pattern: RegExp): Promise<void> {
    await expect.poll(() => this.log.some((line) => pattern.test(line)), { timeout: 5_000 }).toBe(true);
  }

  close(): void {
    (this.#hooks['astro:server:done'] as () => void)();
    rmSync(this.root, { recursive: true, force: true });
  }
}

let server: DevServer;
beforeEach(() => {
  server = new DevServer();
});
afterEach(() => server.close());

describe('the check in the dev server', () => {
  it('checks the project when the server starts', () => {
    expect(server.log.at(-1)).toMatch(/^✓ \d+ files checked: no problems/);
  });

  it('reports a broken link saved into a page, and its fix', async () => {
    const text = server.read(GUIDE);
    server.save(GUIDE, `${text}\nSee [nowhere](/guides/nowhere/).\n`);
    await server.logged(new RegExp(`^${GUIDE}:\\d+:\\d+  page-missing`));
    server.save(GUIDE, text);
    await server.logged(new RegExp(`^✓ ${GUIDE}: no problems left`));
  });

  it('checks a page again when its text changed after the check read it, with no further event', async () => {
    const text = server.read(GUIDE);
    // An editor that empties the file and then fills it; the watcher reports only the first step.
    server.save(GUIDE, '');
    await server.logged(new RegExp(`^${GUIDE}:1:1  frontmatter-invalid`));
    server.write(GUIDE, text);
    await server.logged(new RegExp(`^✓ ${GUIDE}: no problems left`));
  });

  it('survives a folder named like a page and a link loop, says what they are, and goes on checking saves', async () => {
    const folder = 'src/content/docs/guides/serving.mdx';
    mkdirSync(join(server.root, folder));
    server.watcher.emit('all', 'addDir', join(server.root, folder));
    await server.logged(new RegExp(`^${folder}:1:1  file-unreadable  this is a folder named like a file`));
    const loop = 'src/content/docs/guides/loop';
    symlinkSync('.', join(server.root, loop));
    server.watcher.emit('all', 'add', join(server.root, loop));
    await server.logged(new RegExp(`^${loop}:1:1  symlink-loop  `));
    const text = server.read(GUIDE);
    server.save(GUIDE, `${text}\nSee [nowhere](/guides/nowhere/).\n`);
    await server.logged(new RegExp(`^${GUIDE}:\\d+:\\d+  page-missing`));
    expect(server.log.filter((line) => /failed|Error|\n\s+at /.test(line))).toEqual([]);
  });
});
