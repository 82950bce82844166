import type { Episode } from '../schemas/episode.ts';
import { oncePerObject } from '../lib/memo.ts';
import type { Reference } from '../site/document.ts';
import type { Fix } from '../rules/problem.ts';
import { resolveDataReferences, resolveDocument, type ResolutionMemo, type ResolvedReference, type Target } from '../site/resolve.ts';
import type { IndexedDocument, SiteIndex } from '../site/site-index.ts';
import { compareProblems, problem, type Problem } from '../rules/problem.ts';
import type { RuleId } from '../rules/table.ts';
import { WebTally, webProblems } from './web.ts';
import { discontinuedToolProblems } from './tool-status.ts';


export interface CheckResult {
  problems: Problem[];
  resolved: ResolvedReference[];
}

/** A page's own verdicts: what its references resolve to, and what fails. They depend on the index, not on other verdicts. */
export function checkDocument(document: IndexedDocument, index: SiteIndex, memo?: ResolutionMemo): CheckResult {
  const { resolved, unresolved } = resolveDocument(document, index, memo);
  const problems = unresolved.map(({ reference, rule, message, fix }) => referenceProblem(reference, rule, message, fix));
  return { problems: [...problems, ...discontinuedToolProblems(resolved, index), ...undescribedMoments(resolved, index)], resolved };
}

/** Cited moments whose episode file has no note for them: the previews and episode pages show the note. */
function undescribedMoments(resolved: readonly { reference: Reference; target: Target }[], index: SiteIndex): Problem[] {
  const problems: Problem[] = [];
  for (const { reference, target } of resolved) {
    if (target.kind !== 'moment') continue;
    const episode = index.data.episodes.get(target.slug);
    if (episode && !describedMoments(episode).has(target.t)) {
      problems.push(referenceProblem(reference, 'moment-undescribed', `${target.t} of "${target.slug}" is cited but has no note in src/content/episodes/${target.slug}.json "moments"`));
    }
  }
  return problems;
}

/** The times of an episode's moments that have a note, looked up once per episode. */
const describedMoments = oncePerObject((episode: Episode): ReadonlySet<string> => new Set(episode.moments.map((moment) => moment.t)));

function referenceProblem(reference: Reference, rule: RuleId, message: string, fix?: Fix): Problem {
  const where = reference.via && reference.origin !== 'related' && reference.origin !== 'sources' ? ` (in the ${reference.via})` : '';
  return problem(rule, reference.file, reference.position, `${message}${where}`, fix ? { ...fix, written: reference.url } : undefined);
}

/** Resolves every reference of every page; failures become problems, successes feed backlinks and the graph. */
export function checkSite(index: SiteIndex): CheckResult {
  const problems: Problem[] = [...index.problems];
  const resolved: ResolvedReference[] = [];
  const memo: ResolutionMemo = new Map();
  // Each page's resolved references for the web rules, in lists as they come (one, unless two files share an id).
  const byPage = new Map<string, ResolvedReference[][]>();
  const addToPage = (pageId: string, items: ResolvedReference[]) => {
    const lists = byPage.get(pageId);
    if (lists) lists.push(items);
    else byPage.set(pageId, [items]);
  };
  for (const document of index.documents) {
    const result = checkDocument(document, index, memo);
    problems.push(...result.problems);
    resolved.push(...result.resolved);
    addToPage(document.pageId, result.resolved);
  }
  const data = checkDataReferences(index);
  problems.push(...data.problems);
  resolved.push(...data.resolved);
  for (const item of data.resolved) addToPage(item.from.pageId, [item]);
  const pages = [...byPage].map(([pageId, lists]): [string, ResolvedReference[]] => [pageId, lists.length === 1 ? lists[0]! : lists.flat()]);
  problems.push(...webProblems(index, WebTally.of(pages)));
  return { problems: problems.sort(compareProblems), resolved };
}

/** The links written in data files; a failure is reported at its line in the data file. */
export function checkDataReferences(index: SiteIndex): CheckResult {
  const { resolved, unresolved, moments } = resolveDataReferences(index);
  const problems = unresolved.map(({ reference, rule, message, fix }) => referenceProblem(reference, rule, message, fix));
  return { problems: [...problems, ...undescribedMoments(moments, index)], resolved };
}
