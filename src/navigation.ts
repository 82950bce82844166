import { SECTION_LABELS, type Section } from './schemas/page.ts';
import { episodePageId, GRAPH_PAGE_ID, PODCAST_INDEX_ID, RULES_INDEX_ID } from './references/generated-pages.ts';
import type { SiteData } from './references/site-data.ts';

type SidebarItem =
  | { autogenerate: { directory: string } }
  | { label: string; link: string }
  | { label: string; items: SidebarItem[]; collapsed?: boolean };

const WRITTEN_SECTIONS: Section[] = ['role', 'roadmap', 'mlops', 'kpis', 'guides'];

/** The sidebar follows the page sections; generated pages are listed from the data they are made from. */
export function sidebar(data: SiteData): SidebarItem[] {
  const episodes = [...data.episodes.values()].sort((a, b) => a.short_title.localeCompare(b.short_title));
  return [
    ...WRITTEN_SECTIONS.map((section) => ({ label: SECTION_LABELS[section], items: [{ autogenerate: { directory: section } }] })),
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
      items: [
        { autogenerate: { directory: 'about' } },
        { label: 'Knowledge graph', link: `/${GRAPH_PAGE_ID}/` },
        { label: 'Checker rules', link: `/${RULES_INDEX_ID}/` },
      ],
    },
  ];
}
