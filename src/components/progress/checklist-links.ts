import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import type { Checklist } from '../../schemas/checklist.ts';
import { pagePath } from '../../site/routes.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];

/** The number of items of a checklist: the size its progress is counted against. */
export const checklistSize = (checklist: Checklist): number => checklist.groups.reduce((sum, group) => sum + group.items.length, 0);

/**
 * Marks the sidebar link of every page that carries a checklist with the checklist's id and size, so
 * the sidebar's progress script can show how far the reader is without knowing the checklists itself.
 */
export function markChecklistLinks(entries: readonly SidebarEntry[], checklists: ReadonlyMap<string, Checklist>, base: string): void {
  const byPath = new Map([...checklists].map(([id, checklist]) => [pagePath(checklist.page, base), { id, size: checklistSize(checklist) }]));
  for (const entry of entries) {
    if (entry.type === 'group') {
      markChecklistLinks(entry.entries, checklists, base);
      continue;
    }
    const checklist = byPath.get(entry.href);
    if (checklist) entry.attrs = { ...entry.attrs, 'data-progress-checklist': checklist.id, 'data-progress-total': checklist.size };
  }
}
