import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { remarkDiagrams } from '../../src/plugins/remark-diagrams.ts';
import { describeDiagram, readDiagram } from '../../src/site/diagrams.ts';
import { fixture } from '../helpers/fixture-project.ts';

const render = (markdown: string) => String(unified().use(remarkParse).use(remarkDiagrams).use(remarkRehype).use(rehypeStringify).processSync(markdown));
const start = { line: 2, column: 1 };

describe('diagrams drawn at build time', () => {
  // The rule fixture's valid page: every shape, arrow, group and a diagram inside a list.
  const html = render(fixture('rules/diagram-invalid/valid.mdx').replace(/^---[\s\S]*?---/, ''));
  const tree = fromHtml(html, { fragment: true });

  it('draws each block as a figure holding a named and described svg image', () => {
    const figures = selectAll('figure.diagram', tree);
    expect(figures).toHaveLength(2);
    for (const figure of figures) {
      const svgs = selectAll('svg', figure);
      expect(svgs.length).toBeGreaterThan(0);
      for (const svg of svgs) {
        expect(svg.properties['role']).toBe('img');
        const [labelledBy] = svg.properties['ariaLabelledBy'] as string[];
        const [describedBy] = svg.properties['ariaDescribedBy'] as string[];
        expect(selectAll(`title#${labelledBy}`, svg)).toHaveLength(1);
        expect(selectAll(`desc#${describedBy}`, svg)).toHaveLength(1);
      }
    }
    expect(selectAll('figcaption', tree).map((caption) => caption.children.map((child) => ('value' in child ? child.value : '')).join(''))).toEqual([
      'From raw data to a served model',
      'Two steps',
    ]);
  });

  it('keeps the text block that is not a diagram as code', () => {
    expect(selectAll('pre > code.language-text', tree)).toHaveLength(1);
  });

  it('gives every id on the page once, and points every marker at an id of its own drawing', () => {
    const ids = selectAll('[id]', tree).map((element) => String(element.properties['id']));
    expect(new Set(ids).size).toBe(ids.length);
    const references = [...html.matchAll(/url\(#([^)]+)\)/g)].map((match) => match[1]!);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(ids).toContain(reference);
  });

  it('paints with the theme variables only: no stylesheet, no web font, no fixed colour', () => {
    expect(selectAll('figure.diagram style', tree)).toHaveLength(0);
    expect(html).not.toMatch(/fonts\.googleapis|@import/);
    const colours = [...html.matchAll(/(?:fill|stroke)="([^"]+)"/g)].map((match) => match[1]!);
    expect(colours.filter((colour) => colour !== 'none' && !colour.startsWith('var(--') && !colour.startsWith('url(#'))).toEqual([]);
  });

  it('shows the problems instead of an empty box when a block does not read', () => {
    const broken = render('```mermaid title="Half written"\nflowchart LR\n  a[Start] -->\n```');
    expect(broken).toContain('diagram-broken');
    expect(broken).toContain('this arrow points at nothing');
    expect(broken).toContain('a[Start] --');
  });

  it('draws a wide left-to-right diagram a second time from top to bottom for phones', () => {
    const wide = render(`\`\`\`mermaid title="Wide"\nflowchart LR\n  a[First step] --> b[Second step] --> c[Third step] --> d[Fourth step]\n\`\`\``);
    const drawn = fromHtml(wide, { fragment: true });
    expect(selectAll('.diagram-wide svg', drawn)).toHaveLength(1);
    expect(selectAll('.diagram-narrow svg', drawn)).toHaveLength(1);
  });
});

describe('readDiagram', () => {
  it('reads shapes, labels, arrows and groups as the drawing does', () => {
    const reading = readDiagram('flowchart LR\n  a[One] --> b((Two)) & c{Three}\n  subgraph g [Group]\n    d[(Four)]\n  end\n  c -.->|maybe| d', 'title="T"', start);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect([...reading.diagram.nodes.values()].map((node) => `${node.id}:${node.shape}:${node.label}`)).toEqual(['a:rectangle:One', 'b:circle:Two', 'c:diamond:Three', 'd:cylinder:Four']);
    expect(reading.diagram.edges.map((edge) => `${edge.from}>${edge.to}${edge.label ? `:${edge.label}` : ''}`)).toEqual(['a>b', 'a>c', 'c>d:maybe']);
    expect(reading.diagram.groups).toMatchObject([{ id: 'g', label: 'Group', nodeIds: ['d'] }]);
  });

  it('describes the drawing in words, from the same reading', () => {
    const reading = readDiagram('flowchart TD\n  a[Alert] -->|drift| b[Retrain]\n  a -->|bug| c[Fix the pipeline]\n  b --- c', 'title="T"', start);
    expect(reading.ok && describeDiagram(reading.diagram)).toBe(
      'A flowchart drawn top to bottom with 3 steps. Alert leads to Retrain (drift) and Fix the pipeline (bug). Retrain is joined to Fix the pipeline.',
    );
  });

  it.each([
    ['a node labelled twice with different words', 'flowchart LR\n  a[One] --> b\n  a[Uno] --> c', 'already labelled "One"'],
    ['an end without a subgraph', 'flowchart LR\n  a --> b\n  end', '"end" closes no subgraph'],
    ['a direction outside a subgraph', 'flowchart LR\n  direction TD\n  a --> b', 'belongs inside a subgraph'],
    ['a hyphen in an id', 'flowchart LR\n  feature-store --> b', 'only letters, digits and _'],
    ['an unknown arrow', 'flowchart LR\n  a ~~> b', 'expected an arrow'],
    ['a bracket inside a label', 'flowchart LR\n  a(Train (nightly)) --> b', 'ends it early'],
    ['no nodes at all', 'flowchart LR\n  %% nothing yet', 'has no nodes'],
  ])('rejects %s', (_case, source, message) => {
    const reading = readDiagram(source, 'title="T"', start);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.faults.map((fault) => fault.message).join('\n')).toContain(message);
  });

  it('rejects an option other than the title', () => {
    const reading = readDiagram('flowchart LR\n  a --> b', 'title="T" theme="dark"', start);
    expect(!reading.ok && reading.faults[0]!.message).toContain('"theme" is not an option');
  });
});
