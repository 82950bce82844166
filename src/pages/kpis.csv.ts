import type { APIRoute } from 'astro';
import { siteData } from '../site/site.ts';
import { stringify } from 'csv-stringify/sync';

const COLUMNS = ['id', 'name', 'category', 'measures', 'whyItMatters', 'target', 'frequency'] as const;

/**
 * The KPI data as CSV (RFC 4180), for spreadsheets. It starts with a UTF-8 byte-order mark: without
 * one, Excel reads the file in the system's legacy code page and the en dashes of the targets
 * ("2–6 releases/month") turn into "â€“".
 */
export const GET: APIRoute = () => {
  const { kpis } = siteData().data;
  const rows = [COLUMNS.slice(), ...kpis.map((kpi) => COLUMNS.map((column) => kpi[column]))];
  return new Response(stringify(rows, { record_delimiter: '\r\n', bom: true }), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
