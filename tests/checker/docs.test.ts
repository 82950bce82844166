import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/table.ts';

const CONTRIBUTING = readFileSync(join(resolve(import.meta.dirname, '..', '..'), 'CONTRIBUTING.md'), 'utf8');

describe('CONTRIBUTING', () => {
  it.each(RULES.map((rule) => rule.id))('lists the rule %s', (id) => {
    expect(CONTRIBUTING).toContain(`| \`${id}\` |`);
  });
});
