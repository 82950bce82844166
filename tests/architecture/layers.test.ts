import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/lib/files.ts';

/**
 * The layers of the source tree, lowest first. A module may import from its own layer or from one
 * below it, never from one above: the site model cannot depend on the checker that reads it, and
 * the schemas cannot depend on the site model that loads them. README's "Project layout" describes
 * the same order.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['src/lib'],
  ['src/schemas'],
  ['src/rules'],
  ['src/site'],
  ['src/checker'],
  ['src/plugins'],
  ['src/components'],
  ['src/integrations'],
  ['src/pages', 'src/content.config.ts', 'src/navigation.ts', 'src/route-middleware.ts'],
  ['scripts'],
];

const ROOT = resolve(import.meta.dirname, '..', '..');

function layerOf(file: string): number {
  const rank = LAYERS.findIndex((layer) => layer.some((prefix) => file === prefix || file.startsWith(`${prefix}/`)));
  if (rank < 0) throw new Error(`${file} belongs to no layer: add its folder to LAYERS and to README's layout`);
  return rank;
}

/** The code of a module: a TypeScript file whole, an Astro component's frontmatter and scripts. */
function codeOf(file: string): string {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** The project files a module imports, by relative specifier (packages are outside the layers). */
function importsOf(file: string): string[] {
  return ts
    .preProcessFile(codeOf(file), true, true)
    .importedFiles.map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(ROOT, resolve(ROOT, dirname(file), specifier)).split('\\').join('/'));
}

const MODULES = [...listFiles(ROOT, 'src/', /\.(ts|astro)$/), ...listFiles(ROOT, 'scripts/', /\.ts$/)].filter((file) => !file.startsWith('src/content/') || file === 'src/content.config.ts');
const GRAPH = new Map(MODULES.map((file) => [file, importsOf(file)]));

describe('the layers of the source tree', () => {
  it('import only from their own layer or the ones below', () => {
    const upward = [...GRAPH].flatMap(([file, imports]) =>
      imports.filter((target) => GRAPH.has(target) && layerOf(target) > layerOf(file)).map((target) => `${file} imports ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('have no import cycles', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const target of GRAPH.get(file) ?? []) if (GRAPH.has(target)) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of GRAPH.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
