/** A page the site routes, whether written in MDX or generated from data. */
export interface PageEntry {
  /** The page id: its path without the slashes at the ends ('' is the home page). */
  id: string;
  title: string;
  section?: string;
  /** The repo-relative file the page comes from: its MDX file, or the route that generates it. */
  source: string;
  generated: boolean;
  /** Draft pages are served by `astro dev` and left out of production builds. */
  draft: boolean;
  /** Every id a link may target with `#`: headings, explicit ids, ids that components render. */
  anchors: ReadonlySet<string>;
  related: readonly string[];
  sources: readonly string[];
}
