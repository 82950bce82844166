import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { PageFieldsSchema } from './schemas/page.ts';
import { headFaults } from './site/content-trust.ts';
import { docsEntryId } from './site/routes.ts';

/**
 * Starlight's pages. The data files (episodes, sources, KPIs, checklists) are not Astro collections: the
 * site model reads them once per process with its own loader (src/site/data.ts), through the same schemas,
 * so the config, the pages and the checker see the same validated data.
 */
const pageSchema = docsSchema({ extend: PageFieldsSchema });

export const collections = {
  // Pages are routed by the site model's own function, the one the checker resolves links with.
  docs: defineCollection({
    loader: docsLoader({ generateId: docsEntryId }),
    // A head entry that is not harmless fails the build as it fails the check (rule head-unsafe), with the same words.
    schema: (context: Parameters<typeof pageSchema>[0]) =>
      pageSchema(context).superRefine((data, issues) => {
        for (const fault of headFaults(data.head)) issues.addIssue({ code: 'custom', path: fault.path, message: `${fault.message} (head-unsafe)` });
      }),
  }),
  /**
   * Starlight reads its UI strings' overrides from an "i18n" collection on every render, and Astro warns
   * when a collection it is asked for has no entries. The wiki overrides none of Starlight's English
   * strings: one English entry without overrides keeps every save and build free of that warning.
   */
  i18n: defineCollection({ loader: () => [{ id: 'en' }], schema: i18nSchema() }),
};
