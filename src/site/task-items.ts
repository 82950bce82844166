import GithubSlugger from 'github-slugger';
import { parseLink } from './links.ts';

/**
 * Ids of the items of task lists written in pages (`- [ ] item`), computed once for the renderer and
 * the checker. An item's id is a slug of its own words, so saved progress follows the item when the
 * list is reordered; rewording an item gives it a new id, and readers' saved state for it starts over.
 */

interface MdastLike {
  type: string;
  value?: unknown;
  url?: unknown;
  checked?: unknown;
  children?: readonly MdastLike[];
}

/** Node types whose content is not part of an item's words. */
const WORDLESS = new Set(['list', 'image', 'imageReference', 'html', 'mdxTextExpression', 'mdxFlowExpression', 'footnoteReference', 'break']);

export const isTaskItem = (node: MdastLike): boolean => node.type === 'listItem' && typeof node.checked === 'boolean';

/**
 * The words of a task item as its id sees them: its text, inline code and link text, without its
 * nested lists and without citations, so moving a citation to another second keeps the item's id.
 */
export function taskItemText(node: MdastLike): string {
  const blocks = (node.children ?? []).map(wordsOf).map((words) => words.trim());
  // A citation leaves its brackets behind: "a target ([17:04](podcast:…))." reads "a target ().".
  return blocks.filter(Boolean).join(' ').replace(/\s*\([\s,;]*\)/g, '').replace(/\s+/g, ' ');
}

function wordsOf(node: MdastLike): string {
  if (WORDLESS.has(node.type)) return '';
  if (node.type === 'link' && typeof node.url === 'string' && parseLink(node.url).kind === 'citation') return '';
  if ((node.type === 'text' || node.type === 'inlineCode') && typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(wordsOf).join('');
}

/** A fresh id generator for one page's task items: github-slugger, so repeated items get `-1`, `-2`. */
export function createTaskIds(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text.trim() === '' ? 'item' : text);
}

/** The element id of a task item's checkbox on its page; the prefix keeps it apart from heading ids. */
export const taskItemElementId = (taskId: string): string => `task-${taskId}`;

/** The key that stores a reader's state of a task item: the page id and the item's id. */
export const taskProgressKey = (pageId: string, taskId: string): string => `${pageId}#${taskId}`;
