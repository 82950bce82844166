import { relative } from 'node:path';
import type { ListItem, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { pageIdFromFile } from '../site/routes.ts';
import { createTaskIds, isTaskItem, taskItemElementId, taskItemText, taskProgressKey } from '../site/task-items.ts';

/** The parts of the file being rendered that this plugin reads. */
interface RenderedFile {
  path?: string | undefined;
  data: { astro?: { frontmatter?: { slug?: unknown } } };
}

export interface RemarkTaskItemsOptions {
  /** The project root, to turn the path of the page being rendered into its page id. */
  root: string;
}

/**
 * Gives every task list item (`- [ ] item`) its id from the site model's `taskItemText`, the function
 * the checker calls, and the key its state is saved under. The ids travel on the list item to
 * rehype-task-list-labels, which puts them on the item's checkbox.
 */
export function remarkTaskItems({ root }: RemarkTaskItemsOptions) {
  // Named, so that a build profile (npm run bench) can tell the plugins apart.
  return function remarkTaskItems() {
    return (tree: Root, file: RenderedFile) => transform(tree, file);
  };
  function transform(tree: Root, file: RenderedFile): void {
    if (!file.path) return;
    const frontmatter = file.data.astro?.frontmatter;
    const slug = typeof frontmatter?.slug === 'string' ? frontmatter.slug : undefined;
    const pageId = pageIdFromFile(relative(root, file.path).split('\\').join('/'), slug);
    const taskId = createTaskIds();
    visit(tree, 'listItem', (node: ListItem) => {
      if (!isTaskItem(node)) return;
      const id = taskId(taskItemText(node));
      const data = (node.data ??= {});
      data.hProperties = { ...data.hProperties, dataTaskId: taskItemElementId(id), dataTaskKey: taskProgressKey(pageId, id) };
    });
  }
}
