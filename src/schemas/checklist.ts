import { z } from 'astro/zod';
import { kebabId } from './shared.ts';

export const ChecklistItemSchema = z.strictObject({
  id: kebabId(),
  label: z.string().min(2),
  detail: z.string().min(2).optional(),
  /** The tool the item names, as an id of the tools directory; its label then links to the tool's row. */
  tool: kebabId('a tool id').optional(),
});

export const ChecklistGroupSchema = z.strictObject({
  id: kebabId(),
  title: z.string().min(2),
  items: z.array(ChecklistItemSchema).min(1),
});

/**
 * One stage of a learning track (a roadmap stage or an MLOps phase). Item ids key a reader's saved
 * progress, so they must stay stable and be unique within the checklist.
 */
export const ChecklistSchema = z
  .strictObject({
    title: z.string().min(2),
    track: z.enum(['roadmap', 'mlops']),
    order: z.int().positive(),
    page: z.string().min(1),
    focus: z.string().min(10),
    groups: z.array(ChecklistGroupSchema).min(1),
  })
  .superRefine((checklist, ctx) => {
    const seen = new Set<string>();
    checklist.groups.forEach((group, groupIndex) => {
      group.items.forEach((item, itemIndex) => {
        if (seen.has(item.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['groups', groupIndex, 'items', itemIndex, 'id'],
            message: `item id "${item.id}" is used twice in this checklist; ids key saved progress and must be unique`,
          });
        }
        seen.add(item.id);
      });
    });
  });

export type Checklist = z.infer<typeof ChecklistSchema>;
