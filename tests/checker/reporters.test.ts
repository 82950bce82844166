import { describe, expect, it } from 'vitest';
import { problem } from '../../src/rules/problem.ts';
import { reporterNamed, REPORTERS } from '../../src/checker/reporters/index.ts';
import { summarise } from '../../src/checker/reporters/summary.ts';

const problems = [
  problem('page-missing', 'src/content/docs/role/skills.mdx', { line: 42, column: 17 }, 'no page at /role/skill/; did you mean /role/skills/?'),
  problem('anchor-missing', 'src/content/docs/a, b.mdx', { line: 3, column: 1 }, 'line one\nline two: 100%'),
];
const options = { docsBase: 'https://wiki.example.org/', fileCount: 12 };

describe('reporters', () => {
  it('prints text as path:line:column, rule, message and the rule page, then a summary', () => {
    expect(REPORTERS.text(problems, options).split('\n')).toEqual([
      'src/content/docs/role/skills.mdx:42:17  page-missing  no page at /role/skill/; did you mean /role/skills/?  (https://wiki.example.org/contributing/rules/page-missing/)',
      'src/content/docs/a, b.mdx:3:1  anchor-missing  line one',
      'line two: 100%  (https://wiki.example.org/contributing/rules/anchor-missing/)',
      '✗ 2 errors, 0 warnings in 2 files (12 files checked)',
    ]);
  });

  it('prints JSON a program can read, with counts and each rule page', () => {
    const report = JSON.parse(REPORTERS.json(problems, options)) as { files: number; errors: number; warnings: number; problems: { rule: string; docs: string; position: { line: number } }[] };
    expect(report).toMatchObject({ files: 12, errors: 2, warnings: 0 });
    expect(report.problems.map((p) => [p.rule, p.position.line, p.docs])).toEqual([
      ['page-missing', 42, 'https://wiki.example.org/contributing/rules/page-missing/'],
      ['anchor-missing', 3, 'https://wiki.example.org/contributing/rules/anchor-missing/'],
    ]);
  });

  it('prints GitHub workflow commands with their properties and data escaped', () => {
    const lines = REPORTERS.github(problems, options).split('\n');
    expect(lines[0]).toBe('::error file=src/content/docs/role/skills.mdx,line=42,col=17,title=page-missing::no page at /role/skill/; did you mean /role/skills/? (https://wiki.example.org/contributing/rules/page-missing/)');
    expect(lines[1]).toBe('::error file=src/content/docs/a%2C b.mdx,line=3,col=1,title=anchor-missing::line one%0Aline two: 100%25 (https://wiki.example.org/contributing/rules/anchor-missing/)');
  });

  it('summarises a clean run in one line', () => {
    expect(summarise([], 149)).toBe('✓ 149 files checked: no problems');
  });

  it('names the formats there are when asked for another', () => {
    expect(reporterNamed('xml')).toEqual({ ok: false, message: 'Unknown --format "xml"; use one of: text, json, github' });
    expect(reporterNamed('github').ok).toBe(true);
  });
});
