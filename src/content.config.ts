import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { PageFieldsSchema } from './schemas/page.ts';

/**
 * Starlight's pages. The data files (episodes, sources, KPIs, checklists) are not Astro collections: the
 * site model reads them once per process with its own loader (src/site/data.ts), through the same schemas,
 * so the config, the pages and the checker see the same validated data.
 */
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: PageFieldsSchema }) }),
};
