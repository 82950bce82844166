import { z } from 'astro/zod';
import { kebabId, uniqueIds } from './shared.ts';
import { parseFrequency } from './kpi-frequency.ts';

export const KPI_CATEGORIES = ['delivery', 'outcome', 'reliability', 'quality', 'cost', 'collaboration'] as const;

/** Where the numbers behind a KPI come from. */
export const KPI_DATA_SOURCES = {
  'ci': 'CI pipeline runs',
  'deploy-logs': 'deploy logs',
  'incident-tracker': 'incident tracker',
  'prediction-logs': 'prediction logs',
  'labels': 'ground-truth labels',
  'experiment-tracker': 'experiment tracker',
  'model-registry': 'model registry',
  'monitoring': 'monitoring and alerting',
  'billing': 'cloud billing',
  'issue-tracker': 'issue tracker',
  'product-analytics': 'product analytics',
  'surveys': 'stakeholder surveys',
} as const;

/** How to compute a KPI: the formula, where its data comes from, a worked example, and how it misleads. */
export const KpiRecipeSchema = z.strictObject({
  formula: z.string().min(10, 'a recipe needs its formula, written out'),
  dataSources: z.array(z.enum(Object.keys(KPI_DATA_SOURCES) as [keyof typeof KPI_DATA_SOURCES, ...(keyof typeof KPI_DATA_SOURCES)[]])).min(1),
  example: z.string().min(40, 'the worked example needs numbers and the result'),
  pitfalls: z.string().min(40, 'say how the number gets gamed or misread'),
});

export const KpiSchema = z.strictObject({
  id: kebabId(),
  name: z.string().min(2),
  category: z.enum(KPI_CATEGORIES),
  measures: z.string().min(5),
  whyItMatters: z.string().min(5),
  target: z.string().min(1),
  /** How often to review it, as cadences separated by "/": "Monthly", "Daily/weekly", "Per release". */
  frequency: z.string().superRefine((text, ctx) => {
    const parsed = parseFrequency(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  }),
  recipe: KpiRecipeSchema,
});

/** The KPI file holds the list in reading order; ids must be unique because each is a page anchor. */
export const KpiListSchema = z.array(KpiSchema).superRefine(uniqueIds('KPI'));

export type Kpi = z.infer<typeof KpiSchema>;
