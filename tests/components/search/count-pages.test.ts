import { describe, expect, it } from 'vitest';
import { countPages } from '../../../src/components/search/engine.ts';

describe('countPages', () => {
  it('adds up the pages Pagefind indexed in every language', () => {
    expect(countPages({ languages: { en: { page_count: 572 } } })).toBe(572);
    expect(countPages({ languages: { en: { page_count: 500 }, de: { page_count: 72 } } })).toBe(572);
  });

  it('fails on an entry file that names no page, rather than dividing by nothing', () => {
    expect(() => countPages({ languages: {} })).toThrow(/names no indexed page/);
    expect(() => countPages({ languages: { en: { page_count: Number.NaN } } })).toThrow(/names no indexed page/);
  });
});
