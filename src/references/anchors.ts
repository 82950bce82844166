import GithubSlugger from 'github-slugger';

/**
 * Heading ids exactly as rehype-slug gives them on the rendered page: github-slugger over the heading's
 * text, one slugger per page so that repeats get `-1`, `-2`. Ids already taken by explicit `id`
 * attributes count as used, as they do for rehype-slug walking the same tree.
 */
export function createHeadingIds(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text);
}

/** Ids every Starlight page has besides its headings. */
export const PAGE_FRAME_IDS = ['_top'] as const;

export const isFrameId = (id: string): boolean => (PAGE_FRAME_IDS as readonly string[]).includes(id);
