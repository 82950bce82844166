import { z } from 'astro/zod';
import { httpsUrl } from './shared.ts';

export const SOURCE_KINDS = ['wiki-page', 'roadmap', 'article', 'blueprint'] as const;

/** A written (non-podcast) source the wiki draws on. Its id is its file name. */
export const SourceSchema = z.strictObject({
  title: z.string().min(1),
  kind: z.enum(SOURCE_KINDS),
  publisher: z.string().min(1).optional(),
  author: z.string().min(1).optional(),
  url: httpsUrl.optional(),
  date: z.iso.date().optional(),
  summary: z.string().min(20),
  contributes: z.string().min(20),
});

export type Source = z.infer<typeof SourceSchema>;
