import { z } from 'astro/zod';

/** The data collections whose entries pages link to by a scheme of their own (`tool:mlflow`, `term:drift`, `kpi:mttr`). */
export const ENTRY_KINDS = ['tool', 'term', 'kpi'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** An id as the wiki writes them: lowercase words joined by "-". Ids become URLs and anchors. */
export const kebabId = (what = 'an id') => z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${what} is lowercase words joined by "-"`);

/** A web address readers are sent to; only https, so no reader is sent over plain HTTP. */
export const httpsUrl = z.url().refine((url) => url.startsWith('https://'), 'the address must start with https://');

/** Refuses a list in which two entries share an id, naming the second one. */
export function uniqueIds<T extends { id: string }>(what: string) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `${what} id "${item.id}" is used twice` });
      seen.add(item.id);
    });
  };
}
