import { z } from 'astro/zod';

export const SECTIONS = [
  'role',
  'roadmap',
  'mlops',
  'practice',
  'ai-engineering',
  'data',
  'infrastructure',
  'responsible-ml',
  'experimentation',
  'applications',
  'kpis',
  'careers',
  'guides',
  'reference',
  'podcast',
  'about',
] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_LABELS: Record<Section, string> = {
  role: 'Role guide',
  roadmap: 'ML engineer roadmap',
  mlops: 'MLOps phases',
  practice: 'MLOps in practice',
  'ai-engineering': 'AI engineering',
  data: 'Data for ML',
  infrastructure: 'Infrastructure and cost',
  'responsible-ml': 'Responsible ML',
  experimentation: 'Experimentation',
  applications: 'ML applications',
  kpis: 'KPIs',
  careers: 'Careers',
  guides: 'Guides',
  reference: 'Reference',
  podcast: 'Podcast episodes',
  about: 'About',
};

/** Who a page is written for. Pages for contributors (the checker's rules, how to contribute) leave the search's default results. */
export const AUDIENCES = ['readers', 'contributors'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Fields this wiki adds to Starlight's frontmatter. Page ids are site paths without slashes at the ends. */
export const PageFieldsSchema = z.object({
  section: z.enum(SECTIONS),
  audience: z.enum(AUDIENCES).default('readers'),
  related: z.array(z.string().min(1)).default([]),
  sources: z.array(z.string().min(1)).default([]),
});

/**
 * The frontmatter fields the site model reads from every page: Starlight's own title, slug and draft,
 * and this wiki's fields. Starlight validates the rest of its fields itself.
 */
export const PageFrontmatterSchema = z.looseObject({
  title: z.string().min(1),
  description: z.string().min(1).optional(),
  slug: z.string().optional(),
  draft: z.boolean().default(false),
  ...PageFieldsSchema.shape,
});

export type PageFrontmatter = z.infer<typeof PageFrontmatterSchema>;

/**
 * The frontmatter fields of Starlight's that hold links: hero action links and prev/next links. Read
 * leniently (a field of another shape is Starlight's to report), so every link that is there is checked.
 */
export const FrontmatterLinksSchema = z.looseObject({
  hero: z.looseObject({ actions: z.array(z.looseObject({ link: z.string() }).catch({ link: '' })).catch([]) }).optional().catch(undefined),
  prev: z.looseObject({ link: z.string().optional() }).optional().catch(undefined),
  next: z.looseObject({ link: z.string().optional() }).optional().catch(undefined),
});
