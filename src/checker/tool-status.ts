import { problem, type Problem } from '../rules/problem.ts';
import { oncePerObject } from '../lib/memo.ts';
import type { Tool } from '../schemas/tool.ts';
import { TOOLS_PAGE_ID } from '../site/generated-pages.ts';
import type { ResolvedReference } from '../site/resolve.ts';
import type { SiteIndex } from '../site/site-index.ts';

/** The tool whose row in the directory a resolved reference points at, if it points at one. */
function toolOf({ target }: ResolvedReference, tools: ReadonlyMap<string, Tool>): Tool | undefined {
  return target.kind === 'page' && target.pageId === TOOLS_PAGE_ID && target.anchor !== undefined ? tools.get(target.anchor) : undefined;
}

/** The tools by id, indexed once per list of tools rather than once per page checked. */
const toolsById = oncePerObject((tools: readonly Tool[]): ReadonlyMap<string, Tool> => new Map(tools.map((tool) => [tool.id, tool])));

/**
 * `tool-discontinued`: a page that links a discontinued tool names what replaces it in the same block
 * (paragraph, heading or table row), by linking one of the tool's alternatives that is still active.
 * A page may tell the story of an old tool; it may not leave a reader with it alone.
 */
export function discontinuedToolProblems(resolved: readonly ResolvedReference[], index: SiteIndex): Problem[] {
  const tools = toolsById(index.data.tools);
  const problems: Problem[] = [];
  for (const item of resolved) {
    const tool = toolOf(item, tools);
    if (!tool || tool.status !== 'discontinued' || item.reference.block === undefined) continue;
    const successors = tool.alternatives.map((id) => tools.get(id)).filter((other): other is Tool => other?.status === 'active');
    const named = resolved.some((other) => other.reference.block === item.reference.block && other.reference.file === item.reference.file && successors.includes(toolOf(other, tools)!));
    if (named) continue;
    const since = tool.status_since ? ` in ${tool.status_since}` : '';
    const advice =
      successors.length > 0
        ? `link what replaces it in the same paragraph, such as ${successors.slice(0, 3).map((other) => `[${other.name}](tool:${other.id})`).join(' or ')}`
        : `add the tool that replaces it to src/content/tools/tools.yaml, list it in the "alternatives" of "${tool.id}", and link it in the same paragraph`;
    problems.push(problem('tool-discontinued', item.reference.file, item.reference.position, `${tool.name} was discontinued${since}; ${advice}, so that no reader starts with a tool nobody maintains`));
  }
  return problems;
}
