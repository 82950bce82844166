import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { htmlToHast, type HastNode } from 'satteri';
import { remarkReferences } from '../../src/plugins/remark-references.ts';
import { remarkTaskItems } from '../../src/plugins/remark-task-items.ts';
import { rehypeTaskListLabels } from '../../src/plugins/rehype-task-list-labels.ts';
import { loadSiteData } from '../../src/site/data.ts';
import { parseDocument } from '../../src/site/document.ts';
import { BASE_FIXTURE } from '../helpers/fixture-project.ts';

const { data } = loadSiteData(BASE_FIXTURE);
const FILE = 'src/content/docs/guides/launch.md';
const FRONTMATTER = '---\ntitle: T\ndescription: D.\nsection: guides\nrelated: []\nsources: []\n---\n';

function render(markdown: string): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkTaskItems({ root: '/project' }))
    .use(remarkReferences({ data: () => data, base: '/' }))
    .use(remarkRehype)
    .use(rehypeTaskListLabels)
    .use(rehypeStringify);
  return String(processor.processSync({ path: `/project/${FILE}`, value: markdown }));
}

/** The checkboxes of rendered HTML, each with the attributes a reader and the progress script use. */
function checkboxes(html: string): { id: unknown; key: unknown; name: unknown; disabled: unknown }[] {
  const found: { id: unknown; key: unknown; name: unknown; disabled: unknown }[] = [];
  const visit = (node: HastNode): void => {
    if (node.type === 'element' && node.tagName === 'input') {
      found.push({ id: node.properties['id'], key: node.properties['dataProgressKey'], name: node.properties['ariaLabel'], disabled: node.properties['disabled'] });
    }
    if ('children' in node) for (const child of node.children as HastNode[]) visit(child);
  };
  visit(htmlToHast(html, { fragment: true }));
  return found;
}

const LIST = [
  '- [ ] Success is a number with a target ([17:04](podcast:data-team-roles@17:04)).',
  '- [ ] A baseline *exists* with a `score`',
  '  - [x] Nested step',
  '- [ ] A baseline exists with a score',
  '',
].join('\n');

describe('task list items', () => {
  it('become tickable boxes named by their own words, with ids from their text', () => {
    expect(checkboxes(render(LIST))).toEqual([
      { id: 'task-success-is-a-number-with-a-target', key: 'guides/launch#success-is-a-number-with-a-target', name: 'Success is a number with a target (17:04).', disabled: undefined },
      { id: 'task-a-baseline-exists-with-a-score', key: 'guides/launch#a-baseline-exists-with-a-score', name: 'A baseline exists with a score', disabled: undefined },
      { id: 'task-nested-step', key: 'guides/launch#nested-step', name: 'Nested step', disabled: undefined },
      { id: 'task-a-baseline-exists-with-a-score-1', key: 'guides/launch#a-baseline-exists-with-a-score-1', name: 'A baseline exists with a score', disabled: undefined },
    ]);
  });

  it('lay out as the box, its own words in one block, then the nested items', () => {
    const layouts: string[][] = [];
    const visit = (node: HastNode): void => {
      if (node.type === 'element' && node.tagName === 'li') {
        layouts.push((node.children as HastNode[]).flatMap((child) => (child.type === 'element' ? [`${child.tagName}${child.properties['className'] ? `.${String(child.properties['className'])}` : ''}`] : [])));
      }
      if ('children' in node) for (const child of node.children as HastNode[]) visit(child);
    };
    visit(htmlToHast(render(LIST), { fragment: true }));
    expect(layouts).toEqual([['input', 'div.task-text'], ['input', 'div.task-text', 'ul.contains-task-list'], ['input', 'div.task-text'], ['input', 'div.task-text']]);
  });

  it('keep their ids when the list is reordered or a citation moves to another second', () => {
    const ids = (markdown: string) => checkboxes(render(markdown)).map((box) => box.id);
    const before = ids('- [ ] First ([17:04](podcast:data-team-roles@17:04))\n- [ ] Second\n');
    const after = ids('- [ ] Second\n- [ ] First ([1:01:00](podcast:data-team-roles@1:01:00))\n');
    expect(after).toEqual([before[1], before[0]]);
  });

  it('keep preview and notes text out of their names in loose lists too', () => {
    const [box] = checkboxes(render('- [ ] Watch [17:04](podcast:data-team-roles@17:04)\n\n  More words.\n\n- [ ] Other\n'));
    expect(box?.name).toBe('Watch 17:04 More words.');
    expect(box?.id).toBe('task-watch-more-words');
  });

  it('are the anchors the checker knows for the page', () => {
    const rendered = checkboxes(render(LIST)).map((box) => box.id);
    expect(parseDocument(FILE, `${FRONTMATTER}\n${LIST}`).taskIds).toEqual(rendered);
  });
});
