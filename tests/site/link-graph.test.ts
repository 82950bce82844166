import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/checker/check.ts';
import { graphNodeAnchor } from '../../src/site/generated-pages.ts';
import { graphNodeAnchors, isGraphNodeAnchor } from '../../src/site/graph-nodes.ts';
import { buildGraph } from '../../src/site/knowledge-graph.ts';
import { backlinksOf, citationsOf, pageEdges } from '../../src/site/link-graph.ts';
import { fixtureIndex } from '../helpers/fixture-project.ts';

const index = fixtureIndex();
const { resolved, problems } = checkSite(index);

describe('link graph from the one reference index', () => {
  it('starts from a fixture with no problems', () => {
    expect(problems).toEqual([]);
  });

  it('computes backlinks from links in the text, sorted by title', () => {
    const edges = pageEdges(resolved);
    expect(backlinksOf('guides/model-monitoring', edges, index.pages).map((page) => page.title)).toEqual(['Home', 'Sources']);
    expect(backlinksOf('podcast/data-team-roles', edges, index.pages).map((page) => page.title)).toEqual(['Home', 'Sources']);
  });

  it('does not count related lists and listed sources as backlinks', () => {
    const edges = pageEdges(resolved);
    const fromFrontmatter = edges.filter((edge) => edge.kind === 'related' || edge.kind === 'listed-source');
    expect(fromFrontmatter.length).toBeGreaterThan(0);
    const withoutBody = pageEdges(resolved.filter((r) => r.reference.origin === 'related' || r.reference.origin === 'sources'));
    expect(backlinksOf('guides/model-monitoring', withoutBody, index.pages)).toEqual([]);
  });

  it('collects cited moments per episode with the pages citing them', () => {
    expect([...citationsOf('data-team-roles', resolved)]).toEqual([['17:04', { seconds: 1024, pages: new Set(['']) }]]);
  });

  it('draws pages, episodes and sources as nodes', () => {
    const { nodes, edges } = buildGraph(index, pageEdges(resolved), '/mle-wiki/');
    expect(nodes.map((node) => `${node.kind} ${node.id} ${node.href}`)).toEqual([
      'page  /mle-wiki/',
      'page about/sources /mle-wiki/about/sources/',
      'page guides/model-monitoring /mle-wiki/guides/model-monitoring/',
      'episode podcast/data-team-roles /mle-wiki/podcast/data-team-roles/',
      'source source:mle-role-blueprint /mle-wiki/about/sources/#mle-role-blueprint',
    ]);
    expect(edges).toEqual([
      { source: '', target: 'about/sources' },
      { source: '', target: 'guides/model-monitoring' },
      { source: '', target: 'podcast/data-team-roles' },
      { source: '', target: 'source:mle-role-blueprint' },
      { source: 'about/sources', target: 'guides/model-monitoring' },
      { source: 'about/sources', target: 'podcast/data-team-roles' },
    ]);
  });

  it('knows the id of every node on the graph pages, and no other', () => {
    const drawn = buildGraph(index, pageEdges(resolved), '/').nodes.map((node) => graphNodeAnchor(node.pageId));
    expect(graphNodeAnchors(index).sort()).toEqual(drawn.sort());
    expect(drawn.every((anchor) => isGraphNodeAnchor(anchor, index))).toBe(true);
    expect(['node-guides--nowhere', 'node-source:nowhere', 'guides--model-monitoring', 'node-404'].filter((anchor) => isGraphNodeAnchor(anchor, index))).toEqual([]);
  });
});
