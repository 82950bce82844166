import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/table.ts';
import { SECTIONS } from '../../src/schemas/page.ts';

const CONTRIBUTING = readFileSync(join(resolve(import.meta.dirname, '..', '..'), 'CONTRIBUTING.md'), 'utf8');

describe('CONTRIBUTING', () => {
  it.each(RULES.map((rule) => rule.id))('lists the rule %s', (id) => {
    expect(CONTRIBUTING).toContain(`| \`${id}\` |`);
  });
});

/**
 * README and CONTRIBUTING name the sections a page may belong to, each in one line generated from the
 * schema's list (src/schemas/page.ts SECTIONS). When the list changes, this test prints the line to write.
 */
describe('the sections in the docs', () => {
  const ROOT = resolve(import.meta.dirname, '..', '..');
  const LINE = `Sections (from \`src/schemas/page.ts\`): ${SECTIONS.map((section) => `\`${section}\``).join(', ')}.`;

  it.each(['README.md', 'CONTRIBUTING.md'])('%s lists the sections of the schema', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const written = text.split('\n').find((line) => line.startsWith('Sections (from `src/schemas/page.ts`):'));
    expect(written, `${file} needs this line, where it describes the frontmatter:\n${LINE}`).toBe(LINE);
  });
});

describe("CONTRIBUTING's walk through a new page", () => {
  const text = readFileSync(join(resolve(import.meta.dirname, '..', '..'), 'CONTRIBUTING.md'), 'utf8');
  const start = text.indexOf('## Adding a page, step by step');
  const section = text.slice(start, text.indexOf('\n## ', start + 1));

  it('is there', () => {
    expect(start).toBeGreaterThan(-1);
  });

  it.each(RULES.filter((rule) => !rule.id.startsWith('output-')).map((rule) => rule.id))('names the rule %s', (id) => {
    expect(section).toContain(`\`${id}\``);
  });
});
