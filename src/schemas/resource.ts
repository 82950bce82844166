import { z } from 'astro/zod';
import { httpsUrl, kebabId, uniqueIds } from './shared.ts';

export const RESOURCE_KINDS = {
  docs: 'Official documentation',
  course: 'Free course',
  book: 'Free book',
  tutorial: 'Tutorial',
  guide: 'Guide',
} as const;

const kindIds = Object.keys(RESOURCE_KINDS) as [keyof typeof RESOURCE_KINDS, ...(keyof typeof RESOURCE_KINDS)[]];

/** A learning resource outside the wiki, listed on the pages whose topic it teaches. */
export const ResourceSchema = z.strictObject({
  id: kebabId('a resource id'),
  title: z.string().min(2),
  provider: z.string().min(2),
  kind: z.enum(kindIds),
  url: httpsUrl,
  /** What a reader gets from it, in a sentence of our own. */
  description: z.string().min(20),
  /** Ids of the pages that list it. */
  pages: z.array(z.string().min(1)).min(1, 'list the resource on at least one page'),
});

export const ResourceListSchema = z.array(ResourceSchema).superRefine(uniqueIds('resource'));

export type Resource = z.infer<typeof ResourceSchema>;
