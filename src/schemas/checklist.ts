import { z } from 'astro/zod';
import { kebabId } from './shared.ts';

/**
 * The two learning maps: each track's stages (its checklists) are drawn as one map on the track's
 * overview page, and the track's title names the map wherever progress is summed up.
 */
export const TRACKS = {
  roadmap: { title: 'ML engineer roadmap', page: 'roadmap' },
  mlops: { title: 'MLOps phases', page: 'mlops' },
} as const;

export type Track = keyof typeof TRACKS;
export const TRACK_IDS = Object.keys(TRACKS) as [Track, ...Track[]];

/** A podcast moment as an item names it: `episode-slug@m:ss`, checked like a `podcast:` citation. */
const momentReference = z.string().regex(/^[^@\s]+@[^@\s]+$/, 'a moment is written "episode-slug@m:ss", as in a podcast: citation without "podcast:"');

export const ChecklistItemSchema = z.strictObject({
  /** Keys the reader's saved progress and the item's node on its map (`#node-<id>`): unique on the map. */
  id: kebabId(),
  label: z.string().min(2),
  /** What the item asks of the reader, in one line: shown under the item and in its panel on the map. */
  detail: z.string().min(10),
  /**
   * The page that teaches the item, as a page id with an optional `#heading`. Optional for the schema so
   * that a missing one is reported by its own rule (item-page-missing), with how to choose one.
   */
  page: z.string().min(1).optional(),
  /** Ids of items of the same group to do first: the arrows of the map and the order "next" follows. */
  after: z.array(kebabId('an item id')).min(1).optional(),
  /** The podcast moments behind the item, shown with their notes in its panel on the map. */
  moments: z.array(momentReference).min(1).optional(),
  /** Tools of the directory that the item names. */
  tools: z.array(kebabId('a tool id')).min(1).optional(),
  /** Learning resources (ids in src/content/resources/) that teach the item. */
  resources: z.array(kebabId('a resource id')).min(1).optional(),
});

export const ChecklistGroupSchema = z.strictObject({
  id: kebabId(),
  title: z.string().min(2),
  items: z.array(ChecklistItemSchema).min(1),
});

/**
 * One stage of a learning track (a roadmap stage or an MLOps phase). Item ids key a reader's saved
 * progress and the nodes of the track's map; the checker reports one used twice on a map (item-duplicate).
 */
export const ChecklistSchema = z.strictObject({
  title: z.string().min(2),
  track: z.enum(TRACK_IDS),
  /** The stage's place on its track's map; two stages of a track never share one. */
  order: z.int().positive(),
  page: z.string().min(1),
  focus: z.string().min(10),
  groups: z.array(ChecklistGroupSchema).min(1),
});

export type Checklist = z.infer<typeof ChecklistSchema>;
export type ChecklistGroup = z.infer<typeof ChecklistGroupSchema>;
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;
