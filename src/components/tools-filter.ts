/**
 * The filter state of the tools directory and how a row is matched against it: pure functions, shared
 * by the page script and its tests. The state lives in the page URL (?q=&category=&phase=&status=), so a
 * filtered view can be bookmarked and shared.
 */

export interface ToolFilter {
  /** Words the row must contain, in any order and case. */
  text: string;
  category: string;
  phase: string;
  /** active, deprecated or discontinued; empty for every status. */
  status: string;
}

export const EMPTY_FILTER: ToolFilter = { text: '', category: '', phase: '', status: '' };

/** The URL query parameter of each filter field. */
const PARAMS = { text: 'q', category: 'category', phase: 'phase', status: 'status' } as const satisfies Record<keyof ToolFilter, string>;

export function filterFromParams(params: URLSearchParams): ToolFilter {
  return {
    text: params.get(PARAMS.text)?.trim() ?? '',
    category: params.get(PARAMS.category) ?? '',
    phase: params.get(PARAMS.phase) ?? '',
    status: params.get(PARAMS.status) ?? '',
  };
}

/** Writes the filter into `params`, leaving other parameters alone and dropping empty fields. */
export function writeFilterParams(filter: ToolFilter, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const field of Object.keys(PARAMS) as (keyof ToolFilter)[]) {
    const value = filter[field].trim();
    if (value) next.set(PARAMS[field], value);
    else next.delete(PARAMS[field]);
  }
  return next;
}

export const isEmptyFilter = (filter: ToolFilter): boolean => !filter.text.trim() && !filter.category && !filter.phase && !filter.status;

/** What a row offers to the filter: its category, its phase, its status and the words it can be found by. */
export interface ToolRowFacts {
  category: string;
  phase: string;
  status: string;
  text: string;
}

const words = (text: string): string[] => text.toLocaleLowerCase('en').split(/\s+/).filter(Boolean);

/** A row matches when its category, phase and status equal the chosen ones (if any) and it contains every word typed. */
export function rowMatches(row: ToolRowFacts, filter: ToolFilter): boolean {
  if (filter.category && row.category !== filter.category) return false;
  if (filter.phase && row.phase !== filter.phase) return false;
  if (filter.status && row.status !== filter.status) return false;
  const haystack = row.text.toLocaleLowerCase('en');
  return words(filter.text).every((word) => haystack.includes(word));
}
