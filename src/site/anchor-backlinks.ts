import { UNLINKED_PAGE_IDS } from './generated-pages.ts';
import type { PageEntry } from './page.ts';
import type { ResolvedReference } from './resolve.ts';

/**
 * The pages whose links resolve to one anchor of a page, such as a tool's row in the directory, sorted
 * by title. Read from the resolved references, which keep the anchor (the page edges do not), so a
 * `tool:mlflow` link and a written `/reference/tools/#mlflow` count alike. The page itself is left out.
 */
export function pagesLinkingToAnchor(pageId: string, anchor: string, resolved: readonly ResolvedReference[], pages: ReadonlyMap<string, PageEntry>): PageEntry[] {
  const from = new Set<string>();
  for (const { from: document, target } of resolved) {
    if (target.kind !== 'page' || target.pageId !== pageId || target.anchor !== anchor) continue;
    if (document.pageId === pageId || UNLINKED_PAGE_IDS.has(document.pageId)) continue;
    from.add(document.pageId);
  }
  return [...from]
    .map((id) => pages.get(id))
    .filter((page): page is PageEntry => page !== undefined)
    .sort((a, b) => a.title.localeCompare(b.title));
}
