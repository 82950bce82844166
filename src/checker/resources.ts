import { CONTENT } from '../site/data.ts';
import type { IndexedDocument, SiteIndex } from '../site/site-index.ts';
import { problem, type Problem } from '../rules/problem.ts';
import { MIN_RESOURCES_PER_LEARNING_PAGE } from '../rules/table.ts';

/**
 * Learning pages end with "Learn more": the official documentation, free courses and books of
 * src/content/resources/ that name the page. A roadmap stage, an MLOps phase (the pages that show a
 * progress checklist) and a guide each name at least two, so no learning path ends without a next step
 * outside the wiki. The rule holds once the wiki lists resources at all: a project without any (a
 * fresh fork, a fixture) has nothing to list, and a resources file that fails its schema is its own
 * problem to fix first.
 */

/** The section whose pages are learning pages, besides the pages that show a checklist. */
const LEARNING_SECTION = 'guides';
const RESOURCES_DIR = `${CONTENT.resources.dir}/`;

/** What kind of learning page a page is, for messages; undefined for other pages. */
function learningKind(document: IndexedDocument, index: SiteIndex, checklistPages: ReadonlyMap<string, string>): string | undefined {
  const track = checklistPages.get(document.pageId);
  if (track !== undefined) return track === 'roadmap' ? 'roadmap stage' : 'MLOps phase';
  return index.pages.get(document.pageId)?.section === LEARNING_SECTION ? 'guide' : undefined;
}

export function checkLearningResources(index: SiteIndex): Problem[] {
  const { resources, checklists } = index.data;
  if (resources.length === 0) return [];
  const checklistPages = new Map([...checklists.values()].map((checklist) => [checklist.page, checklist.track]));
  const problems: Problem[] = [];
  for (const document of index.documents) {
    const page = index.pages.get(document.pageId);
    if (!document.frontmatter || page?.draft || page?.source !== document.file) continue;
    const kind = learningKind(document, index, checklistPages);
    if (kind === undefined) continue;
    const listing = resources.filter((resource) => resource.pages.includes(document.pageId));
    if (listing.length >= MIN_RESOURCES_PER_LEARNING_PAGE) continue;
    const related = new Set(page.related);
    const candidates = resources.filter((resource) => !listing.includes(resource) && resource.pages.some((id) => related.has(id))).slice(0, 3);
    const hint = candidates.length > 0 ? `; resources on its related pages that may fit: ${candidates.map((resource) => `"${resource.id}"`).join(', ')}` : '';
    const named = listing.length === 0 ? 'no learning resource names it' : `only ${listing.map((resource) => `"${resource.id}"`).join(', ')} names it`;
    problems.push(
      problem(
        'page-few-resources',
        document.file,
        document.frontmatterPosition(['title']),
        `this ${kind} ends with a "Learn more" list, but ${named}: add "${document.pageId}" to the pages of at least ${MIN_RESOURCES_PER_LEARNING_PAGE} resources that teach its topic in ${RESOURCES_DIR}, or add resources${hint}`,
      ),
    );
  }
  return problems;
}
