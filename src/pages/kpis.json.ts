import type { APIRoute } from 'astro';
import { siteData } from '../site/site.ts';

/** The KPI data as published JSON, generated from the same collection as the tables. */
export const GET: APIRoute = () => {
  const { kpis } = siteData().data;
  return new Response(`${JSON.stringify(kpis, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
