import { SECTION_LABELS, type Section } from '../schemas/page.ts';

/** What a graph group is called in legends, filters and lists: a section's name, or "Written sources". */
export function groupLabel(group: string): string {
  return group === 'source' ? 'Written sources' : (SECTION_LABELS[group as Section] ?? group);
}
