import { describe, expect, it } from 'vitest';
import { compileVocabulary, parseQuery, spellingVariants, vocabularyData } from '../../../src/components/search/query.ts';
import { searchWords } from '../../../src/lib/search-text.ts';
import { parseDataFile } from '../../../src/site/data.ts';
import { SearchVocabularySchema } from '../../../src/schemas/search.ts';

const vocabulary = compileVocabulary(
  vocabularyData({
    function_words: ['what', 'does', 'an', 'do', 'how', 'to', 'in', 'and', 'is', 'it', "what's"],
    synonyms: [
      ['ML engineer', 'machine learning engineer', 'MLE'],
      ['machine learning', 'ML'],
      ['A/B test', 'split test'],
      ['Kubernetes', 'k8s'],
    ],
    spelling_variants: { min_length: 6, pairs: [['ization', 'isation'], ['ize', 'ise']] },
  }),
);
const concepts = (text: string) => parseQuery(text, vocabulary).concepts;

describe('searchWords', () => {
  it('reads words as Pagefind reads a query: lowercase, without punctuation or accents', () => {
    expect(searchWords('A/B  test: Raphaël’s fine-tuning, CI/CD?')).toEqual(['ab', 'test', 'raphaels', 'finetuning', 'cicd']);
  });
});

describe('parseQuery', () => {
  it('leaves out function words and keeps the words of the topic', () => {
    expect(parseQuery('How does monitoring work in production', vocabulary)).toEqual({
      concepts: [
        { text: 'monitoring', alternatives: ['monitoring'] },
        { text: 'work', alternatives: ['work'] },
        { text: 'production', alternatives: ['production'] },
      ],
      ignored: ['how', 'does', 'in'],
      phrases: ['monitoring work'],
    });
  });

  it('pairs the concepts written side by side, for the phrase bonus, but not across a function word', () => {
    expect(parseQuery('Core ML in model registry and k8s', vocabulary).phrases).toEqual(['core ml', 'model registry']);
  });

  it('reads the longest synonym phrasing first, and searches every phrasing of its group', () => {
    expect(concepts('what does an ML engineer do')).toEqual([{ text: 'ml engineer', alternatives: ['ml engineer', 'machine learning engineer', 'mle'] }]);
    expect(concepts('machine learning in banking')).toEqual([
      { text: 'machine learning', alternatives: ['machine learning', 'ml'] },
      { text: 'banking', alternatives: ['banking'] },
    ]);
  });

  it('matches a phrasing however it is punctuated or capitalised', () => {
    expect(concepts('how to run an a/b TEST')[1]).toEqual({ text: 'ab test', alternatives: ['ab test', 'split test'] });
    expect(concepts('K8S')).toEqual([{ text: 'k8s', alternatives: ['k8s', 'kubernetes'] }]);
  });

  it('searches a question of function words only as it was typed', () => {
    expect(concepts('what is it')).toEqual([
      { text: 'what', alternatives: ['what'] },
      { text: 'is', alternatives: ['is'] },
      { text: 'it', alternatives: ['it'] },
    ]);
  });

  it('asks for a concept once however often it is written', () => {
    expect(concepts('drift drift DRIFT')).toEqual([{ text: 'drift', alternatives: ['drift'] }]);
  });

  it('adds the British spelling of an American word', () => {
    expect(concepts('model optimization')[1]).toEqual({ text: 'optimization', alternatives: ['optimization', 'optimisation'] });
    expect(spellingVariants('size', vocabulary.spelling)).toEqual([]);
  });
});

describe('the vocabulary file', () => {
  const problems = (yaml: string) => {
    const result = parseDataFile('src/content/search/vocabulary.yaml', yaml, SearchVocabularySchema);
    return result.ok ? [] : result.problems.map((problem) => `${problem.position.line}:${problem.position.column} ${problem.message}`);
  };
  const spelling = 'spelling_variants: { min_length: 6, pairs: [] }';

  it('refuses a phrasing in two synonym groups, or a synonym that is a function word, at its line', () => {
    expect(problems(`function_words: [what]\nsynonyms:\n  - [MLOps, ML ops]\n  - [ml-ops, operations]\n  - [What, which]\n${spelling}`)).toEqual([
      '4:5 "synonyms.1.0": "ml-ops" is already in synonym group 1; a phrasing belongs to one group, merge the two groups',
      '5:5 "synonyms.2.0": "What" is also a function word; remove it from one of the two lists',
    ]);
  });

  it('refuses a function word of two words, and one listed twice', () => {
    expect(problems(`function_words: [how to, it, It]\nsynonyms: []\n${spelling}`)).toEqual([
      '1:18 "function_words.0": a function word is a single word',
      '1:30 "function_words.2": "It" is listed twice',
    ]);
  });
});
