import { SECTION_LABELS, SECTIONS, type Section } from './schemas/page.ts';
import { episodePageId, GRAPH_PAGE_ID, PODCAST_INDEX_ID, RULES_INDEX_ID } from './site/generated-pages.ts';
import type { SiteData } from './site/site-data.ts';

type SidebarItem =
  | { autogenerate: { directory: string } }
  | { label: string; link: string }
  | { label: string; items: SidebarItem[]; collapsed?: boolean };

/** Sections whose pages are written in MDX, in the order a reader meets them; episodes and About close the sidebar. */
export const WRITTEN_SECTIONS: readonly Section[] = SECTIONS.filter((section) => section !== 'podcast' && section !== 'about');

/**
 * The sidebar follows the page sections; generated pages are listed from the data they are made from.
 * Every group starts collapsed; Starlight opens the one that holds the current page, so a reader sees
 * where they are and the names of the other sections, not every page at once.
 */
export function sidebar(data: SiteData, sections: readonly Section[] = WRITTEN_SECTIONS): SidebarItem[] {
  const episodes = [...data.episodes.values()].sort((a, b) => a.short_title.localeCompare(b.short_title));
  return [
    // The map of the whole site, one click from every page (and in the menu on a phone).
    { label: 'Knowledge graph', link: `/${GRAPH_PAGE_ID}/` },
    ...sections.map((section) => ({ label: SECTION_LABELS[section], collapsed: true, items: [{ autogenerate: { directory: section } }] })),
    {
      label: SECTION_LABELS.podcast,
      collapsed: true,
      items: [
        { label: 'All episodes', link: `/${PODCAST_INDEX_ID}/` },
        ...episodes.map((episode) => ({ label: episode.short_title, link: `/${episodePageId(episode.slug)}/` })),
      ],
    },
    {
      label: SECTION_LABELS.about,
      collapsed: true,
      items: [
        { autogenerate: { directory: 'about' } },
        { label: 'Checker rules', link: `/${RULES_INDEX_ID}/` },
      ],
    },
  ];
}
