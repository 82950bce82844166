import { z } from 'astro/zod';
import { kebabId, uniqueIds } from './shared.ts';

/**
 * A term of the glossary: a definition of one or two sentences in our own words, and the page (and
 * heading) that covers it, written as a site link the checker resolves like any other.
 */
export const GlossaryTermSchema = z.strictObject({
  id: kebabId('a term id'),
  term: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  definition: z
    .string()
    .min(30, 'define the term in a sentence or two')
    .refine((text) => (text.match(/[.!?](\s|$)/g) ?? []).length <= 2, 'keep a definition to one or two sentences'),
  see: z.string().startsWith('/', 'link to the covering page from the site root, like /data/feature-stores/'),
});

export const GlossarySchema = z.array(GlossaryTermSchema).superRefine(uniqueIds('term'));

export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
