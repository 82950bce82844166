import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { ChecklistSchema } from './schemas/checklist.ts';
import { EpisodeSchema } from './schemas/episode.ts';
import { KpiSchema } from './schemas/kpi.ts';
import { PageFieldsSchema } from './schemas/page.ts';
import { SourceSchema } from './schemas/source.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: PageFieldsSchema }) }),
  episodes: defineCollection({ loader: glob({ pattern: '*.json', base: './src/content/episodes' }), schema: EpisodeSchema }),
  sources: defineCollection({ loader: glob({ pattern: '*.json', base: './src/content/sources' }), schema: SourceSchema }),
  checklists: defineCollection({ loader: glob({ pattern: '*.{yaml,yml}', base: './src/content/checklists' }), schema: ChecklistSchema }),
  kpis: defineCollection({ loader: file('./src/content/kpis/kpis.yaml'), schema: KpiSchema }),
};
