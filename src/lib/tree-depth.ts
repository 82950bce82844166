/**
 * Syntax trees (mdast, hast) can be nested as deep as their text says: ten thousand `>` make a quote
 * ten thousand levels deep, and every recursive walk over such a tree overflows the stack. This cuts a
 * tree at a depth, without recursion, so that the code after it can walk the tree recursively.
 */

/**
 * Removes everything nested deeper than `maxDepth` below `root` (its children are at depth 1) and
 * returns the first node, in document order, that was too deep; undefined when nothing was.
 */
export function cutDeeperThan<T extends object>(root: T, maxDepth: number): T | undefined {
  let first: T | undefined;
  // Two stacks side by side rather than one of {node, depth} pairs: a page's tree has thousands of nodes,
  // and every page is cut.
  const pending: T[] = [root];
  const depths: number[] = [0];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const depth = depths.pop()!;
    const holder = node as { children?: unknown };
    const children = Array.isArray(holder.children) ? (holder.children as T[]) : undefined;
    if (!children || children.length === 0) continue;
    if (depth === maxDepth) {
      first ??= children[0];
      holder.children = [];
      continue;
    }
    for (let index = children.length - 1; index >= 0; index -= 1) {
      pending.push(children[index]!);
      depths.push(depth + 1);
    }
  }
  return first;
}
