import { searchWords } from '../../lib/search-text.ts';
import type { SearchVocabulary } from '../../schemas/search.ts';

/**
 * The vocabulary as the search box receives it: every word already in the form Pagefind reads a query
 * (see `searchWords`), so the browser compares without normalising the file again.
 */
export interface VocabularyData {
  functionWords: string[];
  /** Synonym groups, each phrasing as its words joined by one space. */
  synonyms: string[][];
  spelling: { minLength: number; pairs: [string, string][] };
}

/** Reduces the validated vocabulary file to the data the search box loads. */
export function vocabularyData(vocabulary: SearchVocabulary): VocabularyData {
  const key = (text: string) => searchWords(text).join(' ');
  return {
    functionWords: vocabulary.function_words.map(key),
    synonyms: vocabulary.synonyms.map((group) => group.map(key)),
    spelling: { minLength: vocabulary.spelling_variants.min_length, pairs: vocabulary.spelling_variants.pairs },
  };
}

/** The vocabulary ready for matching queries against. */
export interface Vocabulary {
  functionWords: ReadonlySet<string>;
  /** Each phrasing of a synonym group, to the group's phrasings. */
  phrasings: ReadonlyMap<string, readonly string[]>;
  /** The most words a phrasing has: how far ahead a query is read for one. */
  longestPhrasing: number;
  spelling: VocabularyData['spelling'];
}

export function compileVocabulary(data: VocabularyData): Vocabulary {
  const phrasings = new Map<string, readonly string[]>();
  for (const group of data.synonyms) for (const phrasing of group) phrasings.set(phrasing, group);
  const longestPhrasing = Math.max(1, ...[...phrasings.keys()].map((phrasing) => phrasing.split(' ').length));
  return { functionWords: new Set(data.functionWords), phrasings, longestPhrasing, spelling: data.spelling };
}

/**
 * One thing the reader asks about: a word, or a phrase of the vocabulary, with the ways of writing it
 * that the search looks for (its synonyms, or its other spelling). A page matches the concept when it
 * matches one of them.
 */
export interface Concept {
  /** The words as the reader wrote them, normalised. */
  text: string;
  /** What the search looks for, the reader's own words first; each is searched as all of its words. */
  alternatives: string[];
}

export interface ParsedQuery {
  concepts: Concept[];
  /** The function words left out. */
  ignored: string[];
  /** Pairs of concepts the reader wrote next to each other ("core ML"), as phrases to look for. */
  phrases: string[];
}

/**
 * Reads a query as concepts: the longest synonym phrasing at each point first, then function words
 * (left out), then single words. A query made only of function words is searched word by word, as typed.
 */
export function parseQuery(text: string, vocabulary: Vocabulary): ParsedQuery {
  const words = searchWords(text);
  const concepts: Concept[] = [];
  const ignored: string[] = [];
  const phrases: string[] = [];
  let previous: Concept | undefined;
  const add = (concept: Concept) => {
    if (previous) phrases.push(`${previous.text} ${concept.text}`);
    concepts.push(concept);
    previous = concept;
  };
  for (let at = 0; at < words.length; ) {
    const phrase = longestPhrasingAt(words, at, vocabulary);
    if (phrase) {
      add({ text: phrase.text, alternatives: unique([phrase.text, ...phrase.group]) });
      at += phrase.length;
      continue;
    }
    const word = words[at]!;
    if (vocabulary.functionWords.has(word)) {
      ignored.push(word);
      previous = undefined;
    } else add(wordConcept(word, vocabulary));
    at += 1;
  }
  if (concepts.length === 0) return { concepts: ignored.map((word) => wordConcept(word, vocabulary)), ignored: [], phrases: [] };
  return { concepts: uniqueBy(concepts, (concept) => concept.text), ignored, phrases: unique(phrases) };
}

function longestPhrasingAt(words: readonly string[], at: number, vocabulary: Vocabulary): { text: string; group: readonly string[]; length: number } | undefined {
  for (let length = Math.min(vocabulary.longestPhrasing, words.length - at); length >= 1; length -= 1) {
    const text = words.slice(at, at + length).join(' ');
    const group = vocabulary.phrasings.get(text);
    if (group) return { text, group, length };
  }
  return undefined;
}

function wordConcept(word: string, vocabulary: Vocabulary): Concept {
  return { text: word, alternatives: unique([word, ...spellingVariants(word, vocabulary.spelling)]) };
}

/** The word with the British ending of each American ending it has, when it is long enough. */
export function spellingVariants(word: string, spelling: VocabularyData['spelling']): string[] {
  if (word.length < spelling.minLength) return [];
  return spelling.pairs.filter(([american]) => word.endsWith(american)).map(([american, british]) => word.slice(0, -american.length) + british);
}

const unique = (items: readonly string[]): string[] => [...new Set(items)];

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const value = key(item);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}
