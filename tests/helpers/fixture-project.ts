import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkIndex } from '../../src/references/check.ts';
import { loadProject } from '../../src/references/load-project.ts';
import type { Problem } from '../../src/references/model.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const BASE_FIXTURE = join(FIXTURES, 'base');

/** Reads a fixture file by its path below tests/fixtures/. */
export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** Lists the case files of a fixture folder, such as rules/page-missing. */
export function fixtureCases(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder)).sort();
}

/**
 * Checks the base fixture project with `files` (repo-relative path -> content) added or replaced, in a
 * temporary copy, and returns every problem. `remove` deletes base files first.
 */
export function checkFixture(files: Record<string, string>, remove: string[] = []): Problem[] {
  const root = mkdtempSync(join(tmpdir(), 'mle-wiki-fixture-'));
  try {
    cpSync(BASE_FIXTURE, root, { recursive: true });
    for (const file of remove) rmSync(join(root, file));
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), content);
    }
    return checkIndex(loadProject(root).index).problems;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The parts of a problem a test asserts on: where, and which rule. */
export const located = (problems: readonly Problem[]) => problems.map((p) => `${p.file}:${p.position.line}:${p.position.column} ${p.rule}`);
