import { createHash } from 'node:crypto';
import { SECTION_LABELS, type Section } from '../schemas/page.ts';
import { guestNames } from './citations.ts';
import { entryTarget, episodePageId, SOURCES_PAGE_ID, sourceAnchor, UNLINKED_PAGE_IDS } from './generated-pages.ts';
import { LEAD_MAX_CHARACTERS, shorten } from './lead-text.ts';
import { pagePath } from './routes.ts';
import type { SiteIndex } from './site-index.ts';

/** What the preview of a link to a page (or to an entry on a page) shows: built once per site. */
export interface LinkPreview {
  title: string;
  /** The section, or what kind of entry the link leads to. */
  kind: string;
  /** The page's description from its frontmatter, or the entry's summary. */
  description?: string;
  /** The first lines of the page's text. */
  lead?: string;
}

/**
 * Every link target a preview can describe, keyed by its published path (with `#anchor` for an entry
 * on a page): written pages, episodes, KPIs, written sources, tools and glossary terms. Sorted keys keep
 * the file, and so its fingerprint, the same from build to build.
 */
export function linkPreviews(index: SiteIndex, base: string): Record<string, LinkPreview> {
  const previews = new Map<string, LinkPreview>();
  const sectionLabel = (section: string | undefined) => SECTION_LABELS[(section ?? 'about') as Section] ?? section ?? '';
  const clip = (text: string) => shorten(text.replace(/\s+/g, ' ').trim(), LEAD_MAX_CHARACTERS);
  // Where tool:, term: and kpi: links lead, as the renderer publishes them.
  const entryPath = (entry: 'tool' | 'term' | 'kpi', id: string) => {
    const { pageId, anchor } = entryTarget(entry, id);
    return anchor === undefined ? pagePath(pageId, base) : `${pagePath(pageId, base)}#${anchor}`;
  };
  for (const document of index.documents) {
    const page = index.pages.get(document.pageId);
    if (!page || page.draft || UNLINKED_PAGE_IDS.has(page.id)) continue;
    const description = document.frontmatter?.['description'];
    previews.set(pagePath(page.id, base), {
      title: page.title,
      kind: sectionLabel(page.section),
      ...(typeof description === 'string' ? { description: clip(description) } : {}),
      ...(document.lead ? { lead: document.lead } : {}),
    });
  }
  for (const episode of index.data.episodes.values()) {
    previews.set(pagePath(episodePageId(episode.slug), base), { title: episode.title, kind: 'Podcast episode', description: `With ${guestNames(episode)}`, lead: clip(episode.summary) });
  }
  for (const kpi of index.data.kpis) {
    previews.set(entryPath('kpi', kpi.id), { title: kpi.name, kind: 'KPI', description: clip(kpi.measures), lead: clip(kpi.whyItMatters) });
  }
  for (const [id, source] of index.data.sources) {
    previews.set(`${pagePath(SOURCES_PAGE_ID, base)}#${sourceAnchor(id)}`, { title: source.title, kind: 'Written source', lead: clip(source.summary) });
  }
  for (const tool of index.data.tools) {
    previews.set(entryPath('tool', tool.id), { title: tool.name, kind: 'Tool', description: clip(tool.what) });
  }
  for (const term of index.data.glossary) {
    previews.set(entryPath('term', term.id), { title: term.term, kind: 'Glossary term', description: clip(term.definition) });
  }
  return Object.fromEntries([...previews].sort(([a], [b]) => a.localeCompare(b)));
}

export interface LinkPreviewFile {
  /** The file's path from the site root, named after a hash of its content so browsers may cache it for good. */
  path: string;
  body: string;
}

const files = new WeakMap<SiteIndex, Map<string, LinkPreviewFile>>();

/** The previews as one JSON file, computed once per build: the route writes it, every page names it. */
export function linkPreviewFile(index: SiteIndex, base: string): LinkPreviewFile {
  let byBase = files.get(index);
  if (!byBase) files.set(index, (byBase = new Map()));
  let file = byBase.get(base);
  if (!file) {
    const body = JSON.stringify(linkPreviews(index, base));
    file = { path: `link-previews.${createHash('sha256').update(body).digest('hex').slice(0, 12)}.json`, body };
    byBase.set(base, file);
  }
  return file;
}
