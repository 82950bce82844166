import { compareProblems, type Problem, type Reference } from './model.ts';
import type { IndexedDocument, ReferenceIndex } from './page-index.ts';
import { resolveReference, type Target } from './resolve.ts';
import { severityOf, type RuleId } from './rules.ts';

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
  problems.sort(compareProblems);
  return { problems, resolved };
}

function where(reference: Reference): string {
  return reference.via && reference.origin !== 'frontmatter' ? ` (in the ${reference.via})` : '';
}
