import { z } from 'astro/zod';
import { searchWords } from '../lib/search-text.ts';

/** A word or phrase as the search compares them: its words in the form Pagefind reads a query. */
const searchKey = (text: string): string => searchWords(text).join(' ');

const phrasing = z.string().refine((text) => searchWords(text).length > 0, 'write a word or phrase with letters or digits in it');

/**
 * The search's vocabulary (src/content/search/vocabulary.yaml): function words, synonym groups and
 * the American word endings the search also looks up in their British spelling. Two entries that compare equal are refused, since the search could
 * not tell which one a reader meant.
 */
export const SearchVocabularySchema = z
  .strictObject({
    function_words: z.array(phrasing.refine((text) => searchWords(text).length === 1, 'a function word is a single word')),
    synonyms: z.array(z.array(phrasing).min(2, 'a synonym group needs at least two phrasings')),
    spelling_variants: z.strictObject({
      min_length: z.number().int().min(1),
      pairs: z.array(z.tuple([z.string().regex(/^[a-z]+$/, 'an ending is lowercase letters'), z.string().regex(/^[a-z]+$/, 'an ending is lowercase letters')])),
    }),
  })
  .superRefine((vocabulary, ctx) => {
    const functionWords = new Map<string, number>();
    vocabulary.function_words.forEach((word, index) => {
      const key = searchKey(word);
      if (functionWords.has(key)) ctx.addIssue({ code: 'custom', path: ['function_words', index], message: `"${word}" is listed twice` });
      functionWords.set(key, index);
    });
    const phrasings = new Map<string, number>();
    vocabulary.synonyms.forEach((group, groupIndex) =>
      group.forEach((text, index) => {
        const key = searchKey(text);
        const path = ['synonyms', groupIndex, index];
        const other = phrasings.get(key);
        if (other !== undefined) {
          ctx.addIssue({ code: 'custom', path, message: `"${text}" is already in synonym group ${other + 1}; a phrasing belongs to one group, merge the two groups` });
        } else if (functionWords.has(key)) {
          ctx.addIssue({ code: 'custom', path, message: `"${text}" is also a function word; remove it from one of the two lists` });
        }
        phrasings.set(key, groupIndex);
      }),
    );
  });

export type SearchVocabulary = z.infer<typeof SearchVocabularySchema>;

/** The vocabulary used when the project has none: every word counts, nothing is expanded. */
export const EMPTY_SEARCH_VOCABULARY: SearchVocabulary = { function_words: [], synonyms: [], spelling_variants: { min_length: 1, pairs: [] } };

/** Which figures a question counts in: `tuning` questions steer the weights, `holdout` ones only measure. */
export const QUESTION_SETS = ['tuning', 'holdout'] as const;
export type QuestionSet = (typeof QUESTION_SETS)[number];

/**
 * A file of the relevance test set (src/content/search/questions/): questions in a learner's words,
 * each with the page the search must put first. The page is a site path, checked like a link.
 */
export const SearchQuestionFileSchema = z
  .strictObject({
    set: z.enum(QUESTION_SETS),
    questions: z
      .array(
        z.strictObject({
          ask: phrasing,
          page: z.string().regex(/^\/(?:[^?#\s]*\/)?$/, 'write the page as its path from the site root, ending with "/", like /guides/model-monitoring/'),
        }),
      )
      .min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.questions.forEach((question, index) => {
      const key = searchKey(question.ask);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['questions', index, 'ask'], message: `"${question.ask}" is asked twice in this file` });
      seen.add(key);
    });
  });

export type SearchQuestionFile = z.infer<typeof SearchQuestionFileSchema>;

/** A question of the test set, with the set its file belongs to. */
export interface SearchQuestion {
  ask: string;
  page: string;
  set: QuestionSet;
}
