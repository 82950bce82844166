import { z } from 'astro/zod';

export const KPI_CATEGORIES = ['delivery', 'outcome', 'reliability', 'quality', 'cost', 'collaboration'] as const;

export const KpiSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lowercase words joined by "-"'),
  name: z.string().min(2),
  category: z.enum(KPI_CATEGORIES),
  measures: z.string().min(5),
  whyItMatters: z.string().min(5),
  target: z.string().min(1),
  frequency: z.string().min(3),
});

/** The KPI file holds the list in reading order; ids must be unique because each is a page anchor. */
export const KpiListSchema = z.array(KpiSchema).superRefine((kpis, ctx) => {
  const seen = new Set<string>();
  kpis.forEach((kpi, index) => {
    if (seen.has(kpi.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `KPI id "${kpi.id}" is used twice` });
    seen.add(kpi.id);
  });
});

export type Kpi = z.infer<typeof KpiSchema>;
