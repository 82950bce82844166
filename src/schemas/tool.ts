import { z } from 'astro/zod';
import { httpsUrl, kebabId, uniqueIds } from './shared.ts';

/** What a tool is for, as the tools directory groups them. */
export const TOOL_CATEGORIES = {
  development: 'Languages and notebooks',
  'data-processing': 'Data processing',
  streaming: 'Streaming and messaging',
  storage: 'Storage and warehouses',
  'data-quality': 'Data quality and validation',
  labelling: 'Data labelling and annotation',
  governance: 'Data governance and catalogues',
  'feature-store': 'Feature stores',
  orchestration: 'Orchestration and pipelines',
  'experiment-tracking': 'Experiment tracking and registry',
  versioning: 'Data and model versioning',
  training: 'Training and tuning',
  serving: 'Serving and inference',
  monitoring: 'Monitoring and observability',
  infrastructure: 'Infrastructure and compute',
  'ml-platform': 'Managed ML platforms',
  'ci-cd': 'CI/CD and testing',
  experimentation: 'Experimentation and A/B testing',
  optimisation: 'Optimisation and decision-making',
  'llm-application': 'LLM applications',
  'vector-search': 'Search and vector search',
  communication: 'Diagrams and visual communication',
  'responsible-ml': 'Explainability, fairness and privacy',
} as const;

/** The MLOps phase of this wiki in which a learner usually meets the tool. */
export const MLOPS_PHASES = ['beginner', 'intermediate', 'advanced'] as const;

/**
 * Whether a tool is still maintained. A deprecated tool still works but its makers point elsewhere; a
 * discontinued one is no longer available or maintained. Both carry the month (or day) it happened.
 */
export const TOOL_STATUSES = { active: 'Active', deprecated: 'Deprecated', discontinued: 'Discontinued' } as const;
export type ToolStatus = keyof typeof TOOL_STATUSES;

const categoryIds = Object.keys(TOOL_CATEGORIES) as [keyof typeof TOOL_CATEGORIES, ...(keyof typeof TOOL_CATEGORIES)[]];

export const ToolSchema = z.strictObject({
  id: kebabId('a tool id'),
  name: z.string().min(1),
  /** Other names a reader may search for (an old name, an abbreviation). */
  aliases: z.array(z.string().min(1)).default([]),
  category: z.enum(categoryIds),
  phase: z.enum(MLOPS_PHASES),
  what: z.string().min(20, 'say in a sentence what the tool does'),
  when: z.string().min(20, 'say when a team should pick it'),
  /** Ids of other tools in the directory that do the same job. */
  alternatives: z.array(kebabId('a tool id')).default([]),
  /** An SPDX licence id (or expression such as "MIT OR Apache-2.0"), or "proprietary" for closed products and services. */
  licence: z.string().regex(/^(?:proprietary|[A-Za-z0-9.+-]+(?: (?:AND|OR) [A-Za-z0-9.+-]+)*)$/, 'write an SPDX licence id such as Apache-2.0, or "proprietary"'),
  docs: httpsUrl,
  status: z.enum(Object.keys(TOOL_STATUSES) as [ToolStatus, ...ToolStatus[]]).default('active'),
  /** When the tool was deprecated or discontinued, as YYYY-MM or YYYY-MM-DD; only for those statuses. */
  status_since: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'write the date as YYYY-MM or YYYY-MM-DD').optional(),
}).superRefine((tool, ctx) => {
  if (tool.status !== 'active' && tool.status_since === undefined) ctx.addIssue({ code: 'custom', path: ['status_since'], message: `a ${tool.status} tool needs "status_since": the month it was ${tool.status}, as YYYY-MM` });
  if (tool.status === 'active' && tool.status_since !== undefined) ctx.addIssue({ code: 'custom', path: ['status'], message: 'a tool with "status_since" must say its status: deprecated or discontinued' });
});

/** The directory in reading order; alternatives must name tools that are in it. */
export const ToolListSchema = z
  .array(ToolSchema)
  .superRefine(uniqueIds('tool'))
  .superRefine((tools, ctx) => {
    const ids = new Set(tools.map((tool) => tool.id));
    tools.forEach((tool, index) =>
      tool.alternatives.forEach((alternative, at) => {
        if (alternative === tool.id) ctx.addIssue({ code: 'custom', path: [index, 'alternatives', at], message: `"${tool.id}" lists itself as an alternative` });
        else if (!ids.has(alternative)) ctx.addIssue({ code: 'custom', path: [index, 'alternatives', at], message: `alternative "${alternative}" is not a tool in the directory; add it or remove it` });
      }),
    );
  });

export type Tool = z.infer<typeof ToolSchema>;
