import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/site/document.ts';
import { shorten } from '../../src/site/lead-text.ts';
import { linkPreviewFile, linkPreviews } from '../../src/site/link-previews.ts';
import { fixtureIndex } from '../helpers/fixture-project.ts';

const FRONTMATTER = '---\ntitle: T\ndescription: D.\nsection: guides\nrelated: []\nsources: []\n---\n';
const lead = (body: string) => parseDocument('src/content/docs/p.mdx', `${FRONTMATTER}${body}`).lead;

describe('the opening words of a page', () => {
  it('is the first paragraph as plain text, without citations and the brackets around them', () => {
    expect(lead("import X from './x';\n\n# Title\n\nAn **MLE** ships [models](/role/) to `prod` ([17:04](podcast:data-team-roles@17:04)).\n\nSecond.\n")).toBe(
      'An MLE ships models to prod.',
    );
  });

  it('is empty when the page has no paragraph', () => {
    expect(lead('## Only a heading\n')).toBe('');
  });

  it('cuts long text after a whole sentence, or else at a word', () => {
    expect(shorten('One sentence here. Another sentence that runs on and on.', 30)).toBe('One sentence here.');
    expect(shorten('a bb ccc dddd eeeee ffffff', 12)).toBe('a bb ccc…');
  });
});

describe('link previews', () => {
  const index = fixtureIndex();

  it('describes written pages, episodes and sources by their published path', () => {
    const previews = linkPreviews(index, '/mle-wiki/');
    expect(previews['/mle-wiki/guides/model-monitoring/']).toEqual({
      title: 'Model monitoring',
      kind: 'Guides',
      description: 'Fixture guide with headings of every awkward kind.',
      lead: 'Back to the home page, the sources and the episodes.',
    });
    expect(previews['/mle-wiki/podcast/data-team-roles/']).toEqual(expect.objectContaining({ kind: 'Podcast episode', description: 'With Alexey Grigorev' }));
    expect(previews['/mle-wiki/about/sources/#mle-role-blueprint']).toEqual(expect.objectContaining({ kind: 'Written source' }));
  });

  it('names its file after a hash of the content, the same for the same site', () => {
    const file = linkPreviewFile(index, '/');
    expect(file.path).toMatch(/^link-previews\.[0-9a-f]{12}\.json$/);
    expect(linkPreviewFile(fixtureIndex(), '/')).toEqual(file);
    expect(linkPreviewFile(index, '/mle-wiki/').path).not.toBe(file.path);
  });
});
