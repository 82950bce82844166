import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/site/document.ts';
import { checkFixture, located } from '../helpers/fixture-project.ts';

const FRONTMATTER = '---\ntitle: T\ndescription: D.\nsection: guides\nrelated: []\nsources: []\n---\n';
const parse = (body: string, file = 'src/content/docs/p.mdx') => parseDocument(file, `${FRONTMATTER}${body}`);
const urls = (body: string, file?: string) => parse(body, file).references.map((r) => `${r.position.line}:${r.position.column} ${r.origin} ${r.url}`);

describe('references', () => {
  it('finds Markdown links and images with the position of the link itself', () => {
    expect(urls('\nA [b](/b/) and ![c](/c.png).\n')).toEqual(['9:3 markdown /b/', '9:16 image /c.png']);
  });

  it('never reads links inside code spans or code blocks', () => {
    expect(urls('\n`[x](/x/)` and\n\n```md\n[y](/y/)\n```\n')).toEqual([]);
  });

  it('treats indented text as code in Markdown but not in MDX, as the renderers do', () => {
    expect(urls('\nPara.\n\n    [z](/z/)\n', 'src/content/docs/p.md')).toEqual([]);
    expect(urls('\nPara.\n\n    [z](/z/)\n')).toEqual(['11:5 markdown /z/']);
  });

  it('reads reference-style definitions', () => {
    expect(urls('\nSee [the guide][g].\n\n[g]: /guides/x/\n')).toEqual(['11:1 definition /guides/x/']);
  });

  it('reads href, link and src props of MDX components', () => {
    const found = parse('\n<LinkCard title="x" href="/role/" />\n<Card link="/kpis/">x</Card>\n').references;
    expect(found.map((r) => `${r.position.line}:${r.position.column} ${r.url} ${r.via}`)).toEqual([
      '9:1 /role/ href of <LinkCard>',
      '10:1 /kpis/ link of <Card>',
    ]);
  });

  it('reads raw HTML in Markdown files with a real parser', () => {
    expect(urls('\nText\n\n<div>\n  <a href="/raw/">raw</a>\n</div>\n', 'src/content/docs/p.md')).toEqual(['12:12 html /raw/']);
  });

  it('reads related and sources from the frontmatter at the place of each entry', () => {
    const document = parseDocument('src/content/docs/p.mdx', '---\ntitle: T\nsection: guides\nrelated:\n  - role\n  - kpis\nsources: [mle-role-blueprint]\n---\n');
    expect(document.references.map((r) => `${r.position.line}:${r.position.column} ${r.via} ${r.url}`)).toEqual([
      '5:5 related role',
      '6:5 related kpis',
      '7:11 sources mle-role-blueprint',
    ]);
  });
});

describe('heading ids', () => {
  it('are computed as rehype-slug computes them, with -1 for repeats', () => {
    const ids = parse('\n## Drift\n\n## Drift\n\n## The `predict()` call\n\n## Café & naïve 🚀 metrics\n\n## Batch vs. online: what *changes*?\n').headings.map((h) => h.id);
    expect(ids).toEqual(['drift', 'drift-1', 'the-predict-call', 'café--naïve--metrics', 'batch-vs-online-what-changes']);
  });

  it('include explicit ids of JSX and HTML elements', () => {
    expect(parse('\n<div id="custom-anchor">x</div>\n').explicitIds).toEqual(['custom-anchor']);
  });
});

describe('broken input', () => {
  it('reports an MDX syntax error with its position instead of throwing', () => {
    const document = parse('\nLatency <200 ms.\n');
    expect(document.problems.map((p) => `${p.position.line}:${p.position.column} ${p.rule}`)).toEqual(['9:9 syntax-error']);
    expect(document.problems[0]?.message).not.toMatch(/at .*\.js/);
  });

  it('reports malformed YAML frontmatter at its line', () => {
    const document = parseDocument('src/content/docs/p.mdx', '---\ntitle: T\nrelated: [a, b\n---\n\nBody\n');
    expect(document.problems.map((p) => `${p.position.line} ${p.rule}`)).toEqual(['3 frontmatter-invalid']);
  });

  it('reports a page without frontmatter', () => {
    expect(parseDocument('src/content/docs/p.mdx', 'Just text.\n').problems.map((p) => p.rule)).toEqual(['frontmatter-invalid']);
  });

  it('does not let one broken file hide the problems of the others', () => {
    const problems = checkFixture({
      'src/content/docs/a.mdx': `${FRONTMATTER}\nBroken {\n`,
      'src/content/docs/b.mdx': `${FRONTMATTER}\n[x](/nowhere/)\n`,
    });
    const perFile = problems.filter((p) => !['page-orphan', 'page-few-links', 'related-empty'].includes(p.rule));
    expect(located(perFile)).toEqual(['src/content/docs/a.mdx:9:8 syntax-error', 'src/content/docs/b.mdx:9:1 page-missing']);
  });
});

describe('frontmatter links and headings', () => {
  it('reads hero action, prev and next links at the place of each', () => {
    const document = parseDocument(
      'src/content/docs/p.mdx',
      '---\ntitle: T\nhero:\n  actions:\n    - text: Go\n      link: /role/\nprev:\n  link: /kpis/\n  label: Back\nnext: false\n---\n',
    );
    expect(document.references.filter((r) => r.origin === 'frontmatter-link').map((r) => `${r.position.line}:${r.position.column} ${r.via} ${r.url}`)).toEqual([
      '6:13 hero.actions.0.link /role/',
      '8:9 prev.link /kpis/',
    ]);
  });

  it('counts a citation in a heading as its time, and marks links written inside headings', () => {
    const document = parse('\n## Drift at [17:04](podcast:data-team-roles@17:04) and {x}\n\nBody [a](/a/).\n');
    expect(document.headings.map((h) => h.id)).toEqual(['drift-at-1704-and-']);
    expect(document.references.map((r) => `${r.url} ${r.inHeading === true}`)).toEqual(['podcast:data-team-roles@17:04 true', '/a/ false']);
  });

  it('records reference-style links by the label they use', () => {
    expect(parse('\n[x][Guide] and [y][guide]\n\n[guide]: /g/\n').definitionUses.map((use) => use.identifier)).toEqual(['guide', 'guide']);
  });
});
