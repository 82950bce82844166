import { SECTION_LABELS, type Section } from '../schemas/page.ts';

/** The groups that are kinds of node rather than sections of written pages (see KIND_GROUPS in graph-nodes.ts). */
const KIND_LABELS: Record<string, string> = {
  source: 'Written sources',
  term: 'Glossary terms',
  kpi: 'KPI definitions',
  tool: 'Tools',
};

/** What a graph group is called in legends, filters and lists: a section's name, or the kind of node. */
export function groupLabel(group: string): string {
  return KIND_LABELS[group] ?? SECTION_LABELS[group as Section] ?? group;
}
