import { compareProblems, type Problem, type Reference } from './model.ts';
import type { IndexedDocument, ReferenceIndex } from './page-index.ts';
import { resolveReference, type Target } from './resolve.ts';
import { severityOf, type RuleId } from './rules.ts';
import { UNLINKED_PAGE_IDS } from './generated-pages.ts';
import { pagePath } from './routes.ts';

/** One reference of one page with what it resolved to. */
export interface ResolvedReference {
  from: IndexedDocument;
  reference: Reference;
  target: Target;
}

export interface CheckResult {
  problems: Problem[];
  resolved: ResolvedReference[];
}

/** Resolves every reference of every page; failures become problems, successes feed backlinks and the graph. */
export function checkIndex(index: ReferenceIndex): CheckResult {
  const problems: Problem[] = [...index.problems];
  const resolved: ResolvedReference[] = [];
  const report = (reference: Reference, rule: RuleId, message: string): void => {
    problems.push({ file: reference.file, position: reference.position, rule, severity: severityOf(rule), message: `${message}${where(reference)}` });
  };
  for (const document of index.documents) {
    for (const reference of document.references) {
      const resolution = resolveReference(reference, document.pageId, index);
      if (!resolution.ok) {
        report(reference, resolution.rule, resolution.message);
        continue;
      }
      resolved.push({ from: document, reference, target: resolution.target });
      const { target } = resolution;
      if (target.kind === 'moment') {
        const episode = index.data.episodes.get(target.slug);
        if (episode && !episode.moments.some((moment) => moment.t === target.t)) {
          report(reference, 'moment-undescribed', `${target.t} of "${target.slug}" is cited but has no note in src/content/episodes/${target.slug}.json "moments"`);
        }
      }
    }
  }
  problems.push(...checkConnections(index, resolved));
  problems.sort(compareProblems);
  return { problems, resolved };
}

/** The home page and the 404 page are entry points, not topics: they need no incoming links. */
const ENTRY_PAGES = new Set(['', ...UNLINKED_PAGE_IDS]);
const MIN_OUTGOING_LINKS = 3;

/** Site-wide rules: every written page is linked from another, links to three others, and lists related pages. */
function checkConnections(index: ReferenceIndex, resolved: readonly ResolvedReference[]): Problem[] {
  const incoming = new Map<string, Set<string>>();
  const outgoing = new Map<string, Set<string>>();
  for (const { from, reference, target } of resolved) {
    if (reference.origin === 'frontmatter' || target.kind !== 'page' || target.pageId === from.pageId) continue;
    incoming.set(target.pageId, (incoming.get(target.pageId) ?? new Set()).add(from.pageId));
    outgoing.set(from.pageId, (outgoing.get(from.pageId) ?? new Set()).add(target.pageId));
  }
  const problems: Problem[] = [];
  for (const document of index.documents) {
    if (document.problems.some((p) => p.rule === 'syntax-error') || !document.frontmatter || UNLINKED_PAGE_IDS.has(document.pageId)) continue;
    const at = (rule: RuleId, field: string, message: string) =>
      problems.push({ file: document.file, position: document.frontmatterPosition([field]), rule, severity: severityOf(rule), message });
    const linkedFrom = [...(incoming.get(document.pageId) ?? [])].filter((id) => !UNLINKED_PAGE_IDS.has(id));
    if (!ENTRY_PAGES.has(document.pageId) && linkedFrom.length === 0) {
      at('page-orphan', 'title', `no other page links to ${pagePath(document.pageId)}; link to it from a page on a neighbouring topic`);
    }
    const linksTo = outgoing.get(document.pageId)?.size ?? 0;
    if (linksTo < MIN_OUTGOING_LINKS) {
      at('page-few-links', 'title', `the page links to ${linksTo} other page${linksTo === 1 ? '' : 's'} in its text; link to at least ${MIN_OUTGOING_LINKS}`);
    }
    const related = document.frontmatter['related'];
    // A related field of the wrong type is a frontmatter-invalid problem already.
    if (!ENTRY_PAGES.has(document.pageId) && (related === undefined || (Array.isArray(related) && related.length === 0))) {
      at('related-empty', 'related', 'the page lists no related pages; add two to six page ids to "related"');
    }
  }
  return problems;
}

function where(reference: Reference): string {
  return reference.via && reference.origin !== 'frontmatter' ? ` (in the ${reference.via})` : '';
}
