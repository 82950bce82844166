import { describe, expect, it } from 'vitest';
import { separateTagsForSearch } from '../../src/lib/search-text.ts';

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
