import { describe, expect, it } from 'vitest';
import { separateTagsForSearch, withoutSiteNavigation } from '../../src/lib/search-text.ts';

describe('separateTagsForSearch', () => {
  it.each([
    ['<tr><th>Metric</th><th>What it measures</th></tr>', '<tr><th>Metric</th> <th>What it measures</th></tr>'],
    ['<dt>What it measures</dt><dd>Proportion</dd>', '<dt>What it measures</dt> <dd>Proportion</dd>'],
    ['<a href="#">50:42</a><span>DataOps</span>', '<a href="#">50:42</a> <span>DataOps</span>'],
  ])('keeps the words of neighbouring elements apart: %s', (html, expected) => {
    expect(separateTagsForSearch(html)).toBe(expected);
  });

  it('adds no space before an element the index ignores, nor between end tags', () => {
    const citation = '(<span class="citation"><a href="#">17:04</a><a data-pagefind-ignore href="#">notes</a><span data-pagefind-ignore>card</span></span>)';
    expect(separateTagsForSearch(citation)).toBe(citation);
  });

  it('leaves text that follows an end tag as it is, so punctuation stays against its word', () => {
    expect(separateTagsForSearch('<p>see <a href="#">notes</a>, then <code>x</code>s.</p>')).toBe('<p>see <a href="#">notes</a>, then <code>x</code>s.</p>');
  });
});

describe('withoutSiteNavigation', () => {
  const page = (navigation: string) => `<header>MLE Wiki</header>${navigation}<main data-pagefind-body><h1>Skills</h1><nav aria-labelledby="toc">On this page</nav></main>`;
  const sidebar = '<nav class="sidebar print:hidden" aria-label="Main"><ul><li><a href="/role/">Role</a></li></ul></nav>';

  it('leaves out the sidebar, which the index never reads, and keeps everything else', () => {
    expect(withoutSiteNavigation(page(sidebar))).toBe(page(''));
  });

  it('keeps a page whole when its sidebar holds anything the index reads, or another navigation inside it', () => {
    for (const navigation of [
      '<nav class="sidebar" aria-label="Main"><span data-pagefind-filter="section">Role</span></nav>',
      '<nav class="sidebar" aria-label="Main"><nav aria-label="inner"></nav></nav>',
      '<nav class="sidebar" aria-label="Main"><ul>',
    ]) {
      expect(withoutSiteNavigation(page(navigation))).toBe(page(navigation));
    }
  });

  it('keeps a page without a sidebar as it is', () => {
    expect(withoutSiteNavigation(page(''))).toBe(page(''));
  });
});
