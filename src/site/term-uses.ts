import type { GlossaryTerm } from '../schemas/glossary.ts';
import type { Kpi } from '../schemas/kpi.ts';
import type { Tool } from '../schemas/tool.ts';
import type { Episode } from '../schemas/episode.ts';
import { GLOSSARY_PAGE_ID, termPageId } from './generated-pages.ts';
import { backlinksOf, type Edge } from './link-graph.ts';
import type { PageEntry } from './page.ts';
import type { SiteIndex } from './site-index.ts';

/** Everything on the site that uses a glossary term: by linking to it, or by naming it (or one of its other names). */
export interface TermUses {
  pages: PageEntry[];
  episodes: Episode[];
  tools: Tool[];
  kpis: Kpi[];
  terms: GlossaryTerm[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a text names the term: its name or one of its aliases as whole words, in any case, also in the
 * plural ("feature stores" names "Feature store"). Names shorter than three characters are left out,
 * as they would match words that mean something else.
 */
export function termMatcher(term: GlossaryTerm): (text: string) => boolean {
  const names = [term.term, ...term.aliases].filter((name) => name.trim().length >= 3);
  if (names.length === 0) return () => false;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map((name) => escape(name.trim()).replace(/\s+/g, '[\\s-]+')).join('|')})(?:s|es)?(?![\\p{L}\\p{N}])`, 'iu');
  return (text) => pattern.test(text);
}

/**
 * The pages, episodes and data entries that use a term. Pages: every published written page that links
 * to the term or names it in its text (the glossary itself, which defines every term, left out).
 * Episodes: a title, summary or moment note that names it. Data: tools, KPIs and other glossary terms
 * whose descriptions name it.
 */
export function termUses(term: GlossaryTerm, index: SiteIndex, edges: readonly Edge[]): TermUses {
  const names = termMatcher(term);
  const linking = new Set(backlinksOf(termPageId(term.id), edges, index.pages).map((page) => page.id));
  const pages = index.documents
    .filter((document) => {
      const page = index.pages.get(document.pageId);
      if (!page || page.draft || page.generated || document.pageId === GLOSSARY_PAGE_ID) return false;
      return linking.has(document.pageId) || names(document.text);
    })
    .map((document) => index.pages.get(document.pageId)!)
    .sort((a, b) => a.title.localeCompare(b.title));
  const { data } = index;
  return {
    pages,
    episodes: [...data.episodes.values()]
      .filter((episode) => names([episode.title, episode.summary, ...episode.moments.map((moment) => moment.note)].join('\n')))
      .sort((a, b) => a.short_title.localeCompare(b.short_title)),
    tools: data.tools.filter((tool) => names([tool.name, ...tool.aliases, tool.what, tool.when].join('\n'))),
    kpis: data.kpis.filter((kpi) => names([kpi.name, kpi.measures, kpi.whyItMatters, kpi.recipe.formula, kpi.recipe.example, kpi.recipe.pitfalls].join('\n'))),
    terms: data.glossary.filter((other) => other.id !== term.id && names(other.definition)),
  };
}
