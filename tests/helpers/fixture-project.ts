import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSite } from '../../src/checker/check.ts';
import type { Problem } from '../../src/rules/problem.ts';
import { loadSite } from '../../src/site/load.ts';
import { siteSettings } from '../../src/site/settings.ts';
import type { SiteIndex } from '../../src/site/site-index.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const BASE_FIXTURE = join(FIXTURES, 'base');

/** Reads a fixture file by its path below tests/fixtures/. */
export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** The path of a fixture file or folder below tests/fixtures/. */
export const fixturePath = (path: string): string => join(FIXTURES, path);

/** A fixture file's bytes, for cases whose bytes matter (a file that is not UTF-8). */
export function fixtureBytes(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

/** Lists the case files of a fixture folder, such as rules/page-missing. */
export function fixtureCases(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder)).sort();
}

export interface FixtureOptions {
  /** Base files to delete first. */
  remove?: string[];
  /** Deployment settings as environment variables (BASE_PATH, SITE_URL). */
  env?: Record<string, string>;
  /** Changes the copy before it is used, after `files` are written: links, folders, odd entries. */
  prepare?: (root: string) => void;
}

/** Runs `use` on a temporary copy of the base fixture project with `files` (repo-relative path -> content) added or replaced. */
export function withFixtureProject<T>(files: Record<string, string | Uint8Array>, options: FixtureOptions, use: (root: string) => T): T {
  const root = mkdtempSync(join(tmpdir(), 'mle-wiki-fixture-'));
  try {
    cpSync(BASE_FIXTURE, root, { recursive: true });
    for (const file of options.remove ?? []) rmSync(join(root, file));
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), content);
    }
    options.prepare?.(root);
    return use(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The site index of the base fixture with `files` added or replaced. */
export function fixtureIndex(files: Record<string, string | Uint8Array> = {}, options: FixtureOptions = {}): SiteIndex {
  return withFixtureProject(files, options, (root) => loadSite(root, siteSettings(options.env ?? {})).index);
}

/** Checks the base fixture project with `files` added or replaced, and returns every problem. */
export function checkFixture(files: Record<string, string | Uint8Array>, options: FixtureOptions = {}): Problem[] {
  return checkSite(fixtureIndex(files, options)).problems;
}

/** The parts of a problem a test asserts on: where, and which rule. */
export const located = (problems: readonly Problem[]) => problems.map((p) => `${p.file}:${p.position.line}:${p.position.column} ${p.rule}`);

/** A checklist file whose one item names a tool of the directory, placed on the monitoring fixture page. */
export const checklistNamingTool = (tool: string): string => `title: Beginner
track: mlops
order: 1
page: guides/model-monitoring
focus: Learn the basics of shipping a model.
groups:
  - id: tools
    title: Tools to learn
    items:
      - id: mlflow
        label: MLflow
        tools: [${tool}]
        detail: Tracks runs and metrics and keeps a registry of models.
        page: guides/model-monitoring#drift
`;
