import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { rewriteLink } from './site/rewrite-link.ts';
import { getSite, siteData } from './site/site.ts';
// The diagrams' rules, written into the head of the pages that have a diagram rather than into every page's stylesheet.
import diagramStyles from './styles/diagrams.css?raw';
import { markChecklistLinks } from './components/progress/checklist-links.ts';
import { GLOSSARY_PAGE_ID, KPI_PAGE_ID, kpiPageId, NOT_FOUND_PAGE_ID, termPageId } from './site/generated-pages.ts';
import { pageIdOfUrl, pagePath } from './site/routes.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];

/**
 * Frontmatter links (hero actions, prev and next) are not Markdown, so no remark plugin sees them;
 * they are published here through the same `rewriteLink` as every link in the text.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  // The 404 page is written as a draft only so that Starlight does not publish it a second time at
  // /404/; on its own route it is the finished page a lost reader sees, without the draft notice.
  if (route.entry.id === NOT_FOUND_PAGE_ID && route.entry.data.draft) route.entry = { ...route.entry, data: { ...route.entry.data, draft: false } };
  const base = import.meta.env.BASE_URL;
  for (const action of route.entry.data.hero?.actions ?? []) action.link = rewriteLink(action.link, base);
  const { prev, next } = route.entry.data;
  if (typeof prev === 'object' && prev.link && route.pagination.prev) route.pagination.prev.href = rewriteLink(prev.link, base);
  if (typeof next === 'object' && next.link && route.pagination.next) route.pagination.next.href = rewriteLink(next.link, base);
  markChecklistLinks(route.sidebar, siteData().data.checklists, base);
  const pageId = pageIdOfUrl(context.url.pathname, base);
  if ((getSite().index.documents.find((document) => document.pageId === pageId)?.diagrams.length ?? 0) > 0) route.head.push({ tag: 'style', attrs: {}, content: diagramStyles });
  const parent = sidebarParent(pageId);
  if (parent !== undefined) showInSidebar(route.sidebar, pagePath(parent, base));
});

/** The listed page a generated page belongs under: the glossary for a term, the KPI overview for a KPI. */
function sidebarParent(pageId: string): string | undefined {
  const { glossary, kpis } = siteData().data;
  if (glossary.some((term) => termPageId(term.id) === pageId)) return GLOSSARY_PAGE_ID;
  if (kpis.some((kpi) => kpiPageId(kpi.id) === pageId)) return KPI_PAGE_ID;
  return undefined;
}

/**
 * Term and KPI pages are not in the sidebar, which would then open no group at all. The group holding
 * their parent page opens instead, and the parent's link is marked as the current location (not page).
 */
function showInSidebar(entries: SidebarEntry[], href: string): boolean {
  let found = false;
  for (const entry of entries) {
    if (entry.type === 'link' && entry.href === href) {
      entry.attrs = { ...entry.attrs, 'aria-current': 'location', 'data-parent-of-current': '' };
      found = true;
    } else if (entry.type === 'group' && showInSidebar(entry.entries, href)) {
      entry.collapsed = false;
      found = true;
    }
  }
  return found;
}
