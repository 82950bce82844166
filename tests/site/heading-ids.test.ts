import { compile } from '@mdx-js/mdx';
import type { Element, Root } from 'hast';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { remarkReferences } from '../../src/plugins/remark-references.ts';
import { loadSiteData } from '../../src/site/data.ts';
import { parseDocument } from '../../src/site/document.ts';
import { rehypeHeadingIds } from '../../src/site/heading-ids.ts';
import { BASE_FIXTURE } from '../helpers/fixture-project.ts';

/**
 * The checker's heading ids against the renderer's, on one page at a time: the page is compiled by MDX
 * with the renderer's plugins (citations rendered, then rehype-slug), and parsed by the checker, which
 * runs rehype-slug over the hast of the headings alone. The differential test of the site project
 * proves the same on whole built sites.
 */

const { data } = loadSiteData(BASE_FIXTURE);
const FRONTMATTER = '---\ntitle: T\ndescription: D.\nsection: guides\nrelated: []\nsources: []\n---\n';

/** The ids rehype-slug gives in the renderer's pipeline: those of the written headings (a footnote section's heading comes with its own). */
async function renderedIds(body: string): Promise<string[]> {
  const written: Element[] = [];
  const collect = () => (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (/^h[1-6]$/.test(node.tagName) && node.properties['id'] === undefined) written.push(node);
    });
  };
  await compile(body, { remarkPlugins: [remarkGfm, remarkReferences({ data: () => data, base: '/' })], rehypePlugins: [collect, rehypeHeadingIds] });
  return written.map((node) => String(node.properties['id']));
}

const checkedIds = (body: string) => parseDocument('src/content/docs/p.mdx', `${FRONTMATTER}${body}`).headings.map((heading) => heading.id);

const CASES: Record<string, { body: string; ids: string[] }> = {
  'repeats get -1, and a heading whose id a repeat took gets -1-1': { body: '## Drift\n\n## Drift\n\n## Drift 1\n', ids: ['drift', 'drift-1', 'drift-1-1'] },
  'inline code, emphasis and punctuation': { body: '## The `predict()` call, *batch* vs. **online**?\n', ids: ['the-predict-call-batch-vs-online'] },
  'unicode and emoji': { body: '## Café & naïve 🚀 metrics\n\n## 日本語の見出し\n\n## 🎉🎉\n', ids: ['café--naïve--metrics', '日本語の見出し', ''] },
  'a moment citation counts as its time, whatever its words': {
    body: '## Drift at [17:04](podcast:data-team-roles@17:04)\n\n## Said [at the start](podcast:data-team-roles@17:04)\n',
    ids: ['drift-at-1704', 'said-1704'],
  },
  'a reference-style citation counts as the time of its definition, wherever that is': {
    body: '## Noted [then][moment]\n\n[moment]: podcast:data-team-roles@1:01:00\n[moment]: podcast:data-team-roles@17:04\n',
    ids: ['noted-10100'],
  },
  'a whole-episode citation counts as its words': { body: '## The [roles episode](podcast:data-team-roles) in brief\n', ids: ['the-roles-episode-in-brief'] },
  'an MDX expression counts for nothing, also when it is all there is': { body: "## Cost {1 + 1} per call\n\n## {'x'}\n\n## {'y'}\n", ids: ['cost--per-call', '', '-1'] },
  'an element or component counts as the text between its tags': {
    body: '## Press <kbd>Ctrl</kbd> and <Badge text="New" /> or <Em>this</Em>\n',
    ids: ['press-ctrl-and--or-this'],
  },
  'an image counts for nothing': { body: '## Logo ![the logo](/favicon.svg) here\n', ids: ['logo--here'] },
  'a footnote call counts as its number': { body: 'First[^b].\n\n## Heading[^a]\n\n[^a]: A.\n[^b]: B.\n', ids: ['heading2'] },
};

describe('heading ids of the checker and the renderer', () => {
  it.each(Object.entries(CASES))('%s', async (_name, { body, ids }) => {
    expect(checkedIds(body)).toEqual(ids);
    expect(await renderedIds(body)).toEqual(ids);
  });
});
