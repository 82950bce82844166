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

/** Each address is described once; a resource that fits several pages lists them all. */
function uniqueUrls(resources: readonly { id: string; url: string }[], ctx: z.RefinementCtx): void {
  const first = new Map<string, string>();
  resources.forEach((resource, index) => {
    const earlier = first.get(resource.url);
    if (earlier === undefined) first.set(resource.url, resource.id);
    else ctx.addIssue({ code: 'custom', path: [index, 'url'], message: `${resource.url} is already the address of the resource "${earlier}"; describe it once, and list every page it fits in that entry's pages` });
  });
}

export const ResourceListSchema = z.array(ResourceSchema).superRefine(uniqueIds('resource')).superRefine(uniqueUrls);

export type Resource = z.infer<typeof ResourceSchema>;
