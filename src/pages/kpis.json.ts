import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

/** The KPI data as published JSON, generated from the same collection as the tables. */
export const GET: APIRoute = async () => {
  const kpis = (await getCollection('kpis')).map((entry) => entry.data);
  return new Response(`${JSON.stringify(kpis, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
