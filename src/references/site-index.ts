import { checkIndex, type CheckResult } from './check.ts';
import { pageEdges, type Edge } from './link-graph.ts';
import { loadProject } from './load-project.ts';
import type { ReferenceIndex } from './page-index.ts';

export interface SiteIndex extends CheckResult {
  index: ReferenceIndex;
  edges: Edge[];
}

let cached: SiteIndex | undefined;

/** The reference index of the project being built, computed once per build and shared by every page. */
export function getSiteIndex(root = process.cwd()): SiteIndex {
  if (!cached) {
    const { index } = loadProject(root);
    const result = checkIndex(index);
    cached = { ...result, index, edges: pageEdges(result.resolved) };
  }
  return cached;
}
