import type { Reference } from '../site/document.ts';
import { ENTRY_PAGE_IDS, UNLINKED_PAGE_IDS } from '../site/generated-pages.ts';
import { bodyLinkTarget } from '../site/link-graph.ts';
import type { ResolvedReference } from '../site/resolve.ts';
import { pagePath } from '../site/routes.ts';
import type { IndexedDocument, SiteIndex } from '../site/site-index.ts';
import { problem, type Problem } from '../rules/problem.ts';
import { MAX_PAGES_PER_MOMENT, MIN_OUTGOING_LINKS, type RuleId } from '../rules/table.ts';
import { checkLearningResources } from './resources.ts';

/**
 * The rules about the whole web of pages (orphans, pages with few links, related lists, over-cited
 * moments, learning pages without resources). They read what each page contributes, tallied over the site, so that a full check and the
 * incremental checker, which replaces one page's contribution at a time, run the same rules.
 */

/** The most pages one podcast moment may be cited on. */

/** What one page's resolved references contribute to the web rules. */
export interface PageWeb {
  /** Pages its text links to. */
  linksTo: ReadonlySet<string>;
  /** Its first reference to each moment it cites, by `slug@t`. */
  moments: ReadonlyMap<string, Reference>;
}

/** The contribution of one page, from its resolved references in the order they are written. */
export function pageWeb(resolved: readonly ResolvedReference[]): PageWeb {
  const linksTo = new Set<string>();
  const moments = new Map<string, Reference>();
  for (const item of resolved) {
    const { reference, target } = item;
    if (target.kind === 'moment') {
      const key = `${target.slug}@${target.t}`;
      if (!moments.has(key)) moments.set(key, reference);
      continue;
    }
    const to = bodyLinkTarget(item);
    if (to !== undefined) linksTo.add(to);
  }
  return { linksTo, moments };
}

/** Every page's contribution, summed up; one page's contribution can be replaced without recounting the rest. */
export class WebTally {
  readonly #contributions = new Map<string, PageWeb>();
  readonly #incoming = new Map<string, Set<string>>();
  readonly #citing = new Map<string, Map<string, Reference>>();

  /** The tally of each page's resolved references, given page by page in the order the pages come. */
  static of(byPage: Iterable<[string, readonly ResolvedReference[]]>): WebTally {
    const tally = new WebTally();
    for (const [pageId, items] of byPage) tally.set(pageId, pageWeb(items));
    return tally;
  }

  /** Replaces what `pageId` contributes; `undefined` removes the page. */
  set(pageId: string, web: PageWeb | undefined): void {
    const old = this.#contributions.get(pageId);
    if (old) {
      for (const to of old.linksTo) this.#incoming.get(to)?.delete(pageId);
      for (const moment of old.moments.keys()) this.#citing.get(moment)?.delete(pageId);
    }
    if (!web) {
      this.#contributions.delete(pageId);
      return;
    }
    this.#contributions.set(pageId, web);
    for (const to of web.linksTo) {
      const from = this.#incoming.get(to);
      if (from) from.add(pageId);
      else this.#incoming.set(to, new Set([pageId]));
    }
    for (const [moment, reference] of web.moments) {
      const citing = this.#citing.get(moment);
      if (citing) citing.set(pageId, reference);
      else this.#citing.set(moment, new Map([[pageId, reference]]));
    }
  }

  /** Pages whose text links to `pageId`. */
  linkedFrom(pageId: string): ReadonlySet<string> {
    return this.#incoming.get(pageId) ?? new Set();
  }

  /** Whether the text of a page that passes `accept` links to `pageId`. */
  isLinkedFrom(pageId: string, accept: (from: string) => boolean): boolean {
    for (const from of this.linkedFrom(pageId)) if (accept(from)) return true;
    return false;
  }

  /** How many pages the text of `pageId` links to. */
  linksTo(pageId: string): number {
    return this.#contributions.get(pageId)?.linksTo.size ?? 0;
  }

  /** What `pageId` contributes now, if anything. */
  contributionOf(pageId: string): PageWeb | undefined {
    return this.#contributions.get(pageId);
  }

  /** Each cited moment with the pages citing it and each page's first citation of it. */
  citedMoments(): IterableIterator<[string, ReadonlyMap<string, Reference>]> {
    return this.#citing.entries();
  }

  /** The pages citing a moment (`slug@t`), with each page's first citation of it. */
  citing(moment: string): ReadonlyMap<string, Reference> | undefined {
    return this.#citing.get(moment);
  }
}

export function webProblems(index: SiteIndex, tally: WebTally): Problem[] {
  const problems: Problem[] = [];
  for (const document of index.documents) problems.push(...connectionProblems(document, index, tally));
  for (const [moment, pages] of tally.citedMoments()) problems.push(...spreadProblems(moment, pages));
  problems.push(...checkLearningResources(index));
  return problems;
}

/**
 * One page's verdict on the connection rules: it is linked from another published page, links to three
 * others, and lists related pages. It reads the page, whether it and the pages linking to it are drafts,
 * and the tally of its links in and out.
 */
export function connectionProblems(document: IndexedDocument, index: SiteIndex, tally: WebTally): Problem[] {
  if (document.problems.some((p) => p.rule === 'syntax-error') || !document.frontmatter || UNLINKED_PAGE_IDS.has(document.pageId)) return [];
  const isDraft = (pageId: string) => index.pages.get(pageId)?.draft === true;
  if (isDraft(document.pageId)) return [];
  const problems: Problem[] = [];
  const at = (rule: RuleId, field: string, message: string) => problems.push(problem(rule, document.file, document.frontmatterPosition([field]), message));
  const linkedFromPublished = tally.isLinkedFrom(document.pageId, (id) => !isDraft(id));
  if (!ENTRY_PAGE_IDS.has(document.pageId) && !linkedFromPublished) {
    // A new page's first neighbour is usually its section's page, which introduces every page of the section.
    const section = document.pageId.split('/')[0] ?? '';
    const sectionPage = section !== document.pageId && index.pages.get(section)?.generated === false ? `, such as its section's page ${pagePath(section)}` : '';
    at('page-orphan', 'title', `no other page links to ${pagePath(document.pageId)}; link to it from a page on a neighbouring topic${sectionPage}`);
  }
  const linksTo = tally.linksTo(document.pageId);
  if (linksTo < MIN_OUTGOING_LINKS) {
    at('page-few-links', 'title', `the page links to ${linksTo} other page${linksTo === 1 ? '' : 's'} in its text; link to at least ${MIN_OUTGOING_LINKS}`);
  }
  const related = document.frontmatter['related'];
  // A related field of the wrong type is a frontmatter-invalid problem already.
  if (!ENTRY_PAGE_IDS.has(document.pageId) && (related === undefined || (Array.isArray(related) && related.length === 0))) {
    at('related-empty', 'related', 'the page lists no related pages; add two to six page ids to "related"');
  }
  return problems;
}

/** One moment's verdict: it is cited on at most MAX_PAGES_PER_MOMENT pages, or each citing page hears about it at its first citation. */
export function spreadProblems(moment: string, pages: ReadonlyMap<string, Reference>): Problem[] {
  if (pages.size <= MAX_PAGES_PER_MOMENT) return [];
  const list = [...pages.keys()].sort().map((id) => pagePath(id)).join(', ');
  return [...pages.values()].map((reference) =>
    problem('moment-overcited', reference.file, reference.position, `podcast:${moment} is cited on ${pages.size} pages (at most ${MAX_PAGES_PER_MOMENT}): ${list}; cite another moment that makes this page's point`),
  );
}
