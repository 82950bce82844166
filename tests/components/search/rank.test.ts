import { describe, expect, it } from 'vitest';
import { stemmer } from 'stemmer';
import { fieldFactor, inverseDocumentFrequency, rankPages, type AlternativeHits } from '../../../src/components/search/rank.ts';

const hit = (id: string, score: number, words: number[] = [1]) => ({ id, score, words, result: id });
const ids = (alternatives: AlternativeHits<string>[], concepts: number, coverage = 2) => rankPages(concepts, alternatives, 100, { coverage }).map((page) => page.id);

describe('rankPages', () => {
  it('ranks a page with every concept above pages with one, and keeps those that match only some', () => {
    const alternatives = [
      { concept: 0, hits: [hit('both', 5), hit('first', 9)] },
      { concept: 1, hits: [hit('both', 5), hit('second', 9)] },
    ];
    expect(ids(alternatives, 2)).toEqual(['both', 'first', 'second']);
  });

  it('costs a page little for missing a word that is on nearly every page', () => {
    const common = Array.from({ length: 95 }, (_, index) => hit(`page-${index}`, 1));
    const alternatives = [
      { concept: 0, hits: [hit('topic', 10), hit('page-1', 3)] },
      { concept: 1, hits: common },
    ];
    expect(ids(alternatives, 2)[0]).toBe('topic');
  });

  it('weighs a page found through a rare synonym as the concept, not as the rare word', () => {
    const alternatives = [
      { concept: 0, hits: [hit('common-word', 4), ...Array.from({ length: 40 }, (_, index) => hit(`other-${index}`, 1))] },
      // Pagefind scores the rare synonym's page higher only because the synonym is rare.
      { concept: 0, hits: [hit('rare-synonym', 4 * (inverseDocumentFrequency(100, 1) / inverseDocumentFrequency(100, 41)))] },
    ];
    const ranked = rankPages(1, alternatives, 100, { coverage: 2 });
    expect(ranked.find((page) => page.id === 'rare-synonym')?.score).toBeCloseTo(ranked.find((page) => page.id === 'common-word')!.score, 5);
  });

  it('merges the words a page matched through every alternative, and loads it through its best result', () => {
    const alternatives = [
      { concept: 0, hits: [hit('page', 2, [7, 3])] },
      { concept: 0, hits: [{ id: 'page', score: 5, words: [3, 12], result: 'best' }] },
      { concept: 1, hits: [hit('page', 1, [20])] },
    ];
    expect(rankPages(2, alternatives, 100, { coverage: 2 })).toMatchObject([{ id: 'page', matched: [0, 1], words: [3, 7, 12, 20], result: 'best' }]);
  });

  it('returns nothing when no concept matched', () => {
    expect(rankPages(2, [{ concept: 0, hits: [] }], 100, { coverage: 2 })).toEqual([]);
  });
});

describe('fieldFactor', () => {
  const concepts = [{ alternatives: ['ml', 'machine learning'] }, { alternatives: ['monitoring'] }];
  const rarity = [0.5, 1.5];
  const factor = (title: string, description = '', terms: string[] = []) =>
    fieldFactor(concepts, rarity, { title: [title].filter(Boolean), description: [description].filter(Boolean), terms }, { title: 4, description: 2, terms: 3 }, stemmer);

  it('raises a page whose title names the whole question most, and by the rarity of what it names', () => {
    expect(factor('ml monitoring')).toBe(5);
    expect(factor('model monitor')).toBeCloseTo(1 + 4 * 0.75 ** 2);
    expect(factor('machine learning basics')).toBeCloseTo(1 + 4 * 0.25 ** 2);
  });

  it('matches whole words by stem, not words that merely start with a query word', () => {
    expect(factor('mlops platforms')).toBe(1);
    expect(factor('', 'monitors for machine learning')).toBe(1 + 2);
  });

  it('matches a long stem that starts the stem of a word of the same family, which Porter cuts elsewhere', () => {
    // "deliver" stems to "deliv", "deliverables" to "deliver".
    const deliver = [{ alternatives: ['deliver'] }];
    expect(stemmer('deliver')).not.toBe(stemmer('deliverables'));
    expect(fieldFactor(deliver, [1], { title: ['deliverables'] }, { title: 4 }, stemmer)).toBe(5);
    expect(fieldFactor([{ alternatives: ['deliverables'] }], [1], { title: ['what to deliver'] }, { title: 4 }, stemmer)).toBe(5);
  });

  it('counts a field of several texts by the one that names the most, and ignores fields without a weight', () => {
    expect(factor('', '', ['drift', 'ml monitoring', 'monitoring'])).toBe(1 + 3);
    expect(factor('', '', ['machine learning', 'monitoring'])).toBeCloseTo(1 + 3 * 0.75 ** 2);
    expect(fieldFactor(concepts, rarity, { headings: ['ml monitoring'] }, { title: 4 }, stemmer)).toBe(1);
  });
});
