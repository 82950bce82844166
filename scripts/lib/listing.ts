import { pagePath } from '../../src/site/routes.ts';
import type { SiteIndex } from '../../src/site/site-index.ts';

/**
 * `npm run check -- --list <kind>`: the ids a page can link to, each with its name, so that a writer
 * copies `tool:seldon-core` instead of guessing it.
 */
export const LISTS = {
  tools: 'tool ids for [name](tool:<id>), from src/content/tools/',
  terms: 'glossary term ids for [term](term:<id>), from src/content/glossary/',
  kpis: 'KPI ids for [name](kpi:<id>), from src/content/kpis/kpis.yaml',
  pages: 'page ids for related: [...] and page paths for links, from src/content/docs/ and the generated pages',
  sources: 'written source ids for sources: [...] and [title](source:<id>), from src/content/sources/',
  episodes: 'episode slugs for [m:ss](podcast:<slug>@m:ss), from src/content/episodes/',
} as const;

export type ListKind = keyof typeof LISTS;

export const isListKind = (value: string): value is ListKind => Object.hasOwn(LISTS, value);

interface Row {
  id: string;
  name: string;
  /** Other names the entry is found by. */
  aliases?: readonly string[];
}

function rowsOf(kind: ListKind, index: SiteIndex): Row[] {
  const { data } = index;
  switch (kind) {
    case 'tools':
      return data.tools.map((tool) => ({ id: tool.id, name: tool.name, aliases: tool.aliases }));
    case 'terms':
      return data.glossary.map((term) => ({ id: term.id, name: term.term, aliases: term.aliases }));
    case 'kpis':
      return data.kpis.map((kpi) => ({ id: kpi.id, name: kpi.name }));
    case 'pages':
      return [...index.pages.values()]
        .filter((page) => !page.draft)
        .map((page) => ({ id: page.id === '' ? '(home)' : page.id, name: `${pagePath(page.id)}  ${page.title}${page.generated ? '  (generated)' : ''}` }));
    case 'sources':
      return [...data.sources].map(([id, source]) => ({ id, name: source.title }));
    case 'episodes':
      return [...data.episodes].map(([slug, episode]) => ({ id: slug, name: `${episode.short_title}: ${episode.title}` }));
  }
}

/** The rows of a list, sorted by id, in two columns, with a heading line saying what the ids are for. */
export function listIds(kind: ListKind, index: SiteIndex): string[] {
  const rows = rowsOf(kind, index).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const width = Math.min(48, Math.max(0, ...rows.map((row) => row.id.length)));
  const lines = rows.map((row) => {
    const aliases = row.aliases && row.aliases.length > 0 ? `  (also: ${row.aliases.join(', ')})` : '';
    return `${row.id.padEnd(width)}  ${row.name}${aliases}`;
  });
  return [`${rows.length} ${LISTS[kind]}:`, ...lines];
}
