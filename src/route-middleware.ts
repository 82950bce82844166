import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { rewriteLink } from './site/rewrite-link.ts';
import { siteData } from './site/site.ts';
import { markChecklistLinks } from './components/checklist-links.ts';
import { NOT_FOUND_PAGE_ID } from './site/generated-pages.ts';

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
});
