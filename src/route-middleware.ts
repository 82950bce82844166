import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withBase } from './plugins/with-base.ts';

/** Hero action links are frontmatter, which no Markdown plugin sees; give them the base path here. */
export const onRequest = defineRouteMiddleware((context) => {
  const hero = context.locals.starlightRoute.entry.data.hero;
  if (!hero) return;
  for (const action of hero.actions) action.link = withBase(action.link, import.meta.env.BASE_URL);
});
