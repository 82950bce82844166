import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { rewriteLink } from './site/rewrite-link.ts';
import { siteData } from './site/site.ts';
import { markChecklistLinks } from './components/progress/checklist-links.ts';

/**
 * Frontmatter links (hero actions, prev and next) are not Markdown, so no remark plugin sees them;
 * they are published here through the same `rewriteLink` as every link in the text.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const base = import.meta.env.BASE_URL;
  for (const action of route.entry.data.hero?.actions ?? []) action.link = rewriteLink(action.link, base);
  const { prev, next } = route.entry.data;
  if (typeof prev === 'object' && prev.link && route.pagination.prev) route.pagination.prev.href = rewriteLink(prev.link, base);
  if (typeof next === 'object' && next.link && route.pagination.next) route.pagination.next.href = rewriteLink(next.link, base);
  markChecklistLinks(route.sidebar, siteData().data.checklists, base);
});
