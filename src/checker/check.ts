import type { Reference } from '../site/document.ts';
import { ENTRY_PAGE_IDS, UNLINKED_PAGE_IDS } from '../site/generated-pages.ts';
import { isBodyEdge, pageEdges } from '../site/link-graph.ts';
import { resolveDataReferences, resolveDocument, type ResolvedReference } from '../site/resolve.ts';
import { pagePath } from '../site/routes.ts';
import type { IndexedDocument, SiteIndex } from '../site/site-index.ts';
import { compareProblems, problem, type Problem } from './problem.ts';
import type { RuleId } from './rules.ts';

export interface CheckResult {
  problems: Problem[];
  resolved: ResolvedReference[];
}

/** A page's own verdicts: what its references resolve to, and what fails. They depend on the index, not on other verdicts. */
export function checkDocument(document: IndexedDocument, index: SiteIndex): CheckResult {
  const { resolved, unresolved } = resolveDocument(document, index);
  const problems = unresolved.map(({ reference, rule, message }) => referenceProblem(reference, rule, message));
  for (const { reference, target } of resolved) {
    if (target.kind !== 'moment') continue;
    const episode = index.data.episodes.get(target.slug);
    if (episode && !episode.moments.some((moment) => moment.t === target.t)) {
      problems.push(referenceProblem(reference, 'moment-undescribed', `${target.t} of "${target.slug}" is cited but has no note in src/content/episodes/${target.slug}.json "moments"`));
    }
  }
  return { problems, resolved };
}

function referenceProblem(reference: Reference, rule: RuleId, message: string): Problem {
  const where = reference.via && reference.origin !== 'related' && reference.origin !== 'sources' ? ` (in the ${reference.via})` : '';
  return problem(rule, reference.file, reference.position, `${message}${where}`);
}

/** Resolves every reference of every page; failures become problems, successes feed backlinks and the graph. */
export function checkSite(index: SiteIndex): CheckResult {
  const problems: Problem[] = [...index.problems];
  const resolved: ResolvedReference[] = [];
  for (const document of index.documents) {
    const result = checkDocument(document, index);
    problems.push(...result.problems);
    resolved.push(...result.resolved);
  }
  const data = resolveDataReferences(index);
  problems.push(...data.unresolved.map(({ reference, rule, message }) => referenceProblem(reference, rule, message)));
  resolved.push(...data.resolved);
  problems.push(...checkWeb(index, resolved));
  return { problems: problems.sort(compareProblems), resolved };
}

const MIN_OUTGOING_LINKS = 3;
/** The most pages one podcast moment may be cited on. */
export const MAX_PAGES_PER_MOMENT = 6;

/** Rules about the whole web of pages, computed from every page's resolved references. */
export function checkWeb(index: SiteIndex, resolved: readonly ResolvedReference[]): Problem[] {
  return [...checkConnections(index, resolved), ...checkMomentSpread(resolved)];
}

/** Every written page is linked from another, links to three others, and lists related pages. */
function checkConnections(index: SiteIndex, resolved: readonly ResolvedReference[]): Problem[] {
  const incoming = new Map<string, Set<string>>();
  const outgoing = new Map<string, Set<string>>();
  for (const edge of pageEdges(resolved)) {
    if (!isBodyEdge(edge) || edge.target.kind !== 'page') continue;
    incoming.set(edge.to, (incoming.get(edge.to) ?? new Set()).add(edge.from));
    outgoing.set(edge.from, (outgoing.get(edge.from) ?? new Set()).add(edge.to));
  }
  const problems: Problem[] = [];
  for (const document of index.documents) {
    if (document.problems.some((p) => p.rule === 'syntax-error') || !document.frontmatter || UNLINKED_PAGE_IDS.has(document.pageId)) continue;
    if (index.pages.get(document.pageId)?.draft) continue;
    const at = (rule: RuleId, field: string, message: string) => problems.push(problem(rule, document.file, document.frontmatterPosition([field]), message));
    const linkedFrom = [...(incoming.get(document.pageId) ?? [])].filter((id) => !index.pages.get(id)?.draft);
    if (!ENTRY_PAGE_IDS.has(document.pageId) && linkedFrom.length === 0) {
      at('page-orphan', 'title', `no other page links to ${pagePath(document.pageId)}; link to it from a page on a neighbouring topic`);
    }
    const linksTo = outgoing.get(document.pageId)?.size ?? 0;
    if (linksTo < MIN_OUTGOING_LINKS) {
      at('page-few-links', 'title', `the page links to ${linksTo} other page${linksTo === 1 ? '' : 's'} in its text; link to at least ${MIN_OUTGOING_LINKS}`);
    }
    const related = document.frontmatter['related'];
    // A related field of the wrong type is a frontmatter-invalid problem already.
    if (!ENTRY_PAGE_IDS.has(document.pageId) && (related === undefined || (Array.isArray(related) && related.length === 0))) {
      at('related-empty', 'related', 'the page lists no related pages; add two to six page ids to "related"');
    }
  }
  return problems;
}

/** No moment carries more than MAX_PAGES_PER_MOMENT pages: each citing page hears about it at its first citation. */
function checkMomentSpread(resolved: readonly ResolvedReference[]): Problem[] {
  const byMoment = new Map<string, Map<string, Reference>>();
  for (const { from, reference, target } of resolved) {
    if (target.kind !== 'moment') continue;
    const key = `${target.slug}@${target.t}`;
    const pages = byMoment.get(key) ?? new Map<string, Reference>();
    if (!pages.has(from.pageId)) pages.set(from.pageId, reference);
    byMoment.set(key, pages);
  }
  const problems: Problem[] = [];
  for (const [moment, pages] of byMoment) {
    if (pages.size <= MAX_PAGES_PER_MOMENT) continue;
    const list = [...pages.keys()].sort().map((id) => pagePath(id)).join(', ');
    for (const reference of pages.values()) {
      problems.push(problem('moment-overcited', reference.file, reference.position, `podcast:${moment} is cited on ${pages.size} pages (at most ${MAX_PAGES_PER_MOMENT}): ${list}; cite another moment that makes this page's point`));
    }
  }
  return problems;
}
