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
  /**
   * Some of its ids come from a data file that is invalid now, so they are unknown: links to any id of
   * the page are accepted until the file is fixed (its data-invalid problem is the one to fix).
   */
  anchorsUnknown?: boolean;
  related: readonly string[];
  sources: readonly string[];
}
