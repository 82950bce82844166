import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../site/site.ts';
import { linkPreviewFile } from '../site/link-previews.ts';

/**
 * The link previews of the whole site as one JSON file, fetched by a page the first time a reader
 * hovers or focuses a link. Its name carries a hash of its content, so each build's file is new.
 */
export const getStaticPaths = (() => {
  const { path } = linkPreviewFile(getSite().index, import.meta.env.BASE_URL);
  return [{ params: { version: path.replace(/^link-previews\.|\.json$/g, '') } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(linkPreviewFile(getSite().index, import.meta.env.BASE_URL).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
