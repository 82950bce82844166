import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/site/load.ts';
import { siteSettings } from '../../src/site/settings.ts';

/**
 * The wiki's own learning resources: every roadmap stage, MLOps phase and guide points the reader to
 * at least two of them, so no learning page ends without a next step outside the wiki.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { index } = loadSite(ROOT, siteSettings({}));
const { resources, checklists } = index.data;

const MIN_PER_PAGE = 2;
const MIN_DISTINCT_LINKS = 30;

/** Roadmap stages and MLOps phases are the pages with a progress checklist; guides are the pages of the guides section. */
const learningPages = [
  ...[...checklists.values()].map((checklist) => checklist.page),
  ...[...index.pages.values()].filter((page) => page.section === 'guides' && !page.generated && !page.draft).map((page) => page.id),
];

describe('learning resources', () => {
  it('covers the roadmap stages, MLOps phases and guides', () => {
    expect(learningPages.length).toBeGreaterThan(10);
    const short = learningPages
      .map((pageId) => ({ pageId, count: resources.filter((resource) => resource.pages.includes(pageId)).length }))
      .filter(({ count }) => count < MIN_PER_PAGE)
      .map(({ pageId, count }) => `${pageId} lists ${count}`);
    expect(short).toEqual([]);
  });

  it(`offers at least ${MIN_DISTINCT_LINKS} distinct external links`, () => {
    expect(new Set(resources.map((resource) => resource.url)).size).toBeGreaterThanOrEqual(MIN_DISTINCT_LINKS);
  });

  it('lists no address twice, so each resource is described once', () => {
    const urls = resources.map((resource) => resource.url);
    expect(urls.filter((url, at) => urls.indexOf(url) !== at)).toEqual([]);
  });
});
