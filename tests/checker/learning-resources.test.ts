import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/checker/check.ts';
import { LiveCheck } from '../../src/checker/live-check.ts';
import { loadSite } from '../../src/site/load.ts';
import { siteSettings } from '../../src/site/settings.ts';
import { BASE_FIXTURE, checkFixture, fixture, located } from '../helpers/fixture-project.ts';

/**
 * Learning pages (guides, roadmap stages and MLOps phases) end with at least two learning resources.
 * The rule used to be a test over the wiki's own content, met first in CI; it is now a rule of the check,
 * reported by `npm run check` and the dev server at the page, naming the file to change.
 */

const RESOURCES = 'src/content/resources/resources.yaml';
const TWO = fixture('rules/page-few-resources/resources.yaml');
const page = (section: string, extra = '') => `---\ntitle: Stage\ndescription: D.\nsection: ${section}\nrelated: [guides/model-monitoring]\nsources: []\n${extra}---\n\nSee [monitoring](/guides/model-monitoring/), [drift](/guides/model-monitoring/#drift) and the [sources](/about/sources/).\n`;
const CHECKLIST = `title: Learning\ntrack: roadmap\norder: 1\npage: roadmap/stage\nfocus: Learn the basics of shipping a model.\ngroups:\n  - id: basics\n    title: Basics\n    items:\n      - id: python\n        label: Python\n        detail: Write and run Python scripts.\n        page: guides/model-monitoring\n`;
const resourceProblems = (files: Record<string, string>) => located(checkFixture(files).filter((p) => p.rule === 'page-few-resources'));

describe('page-few-resources', () => {
  it('holds for a roadmap stage or MLOps phase, the page a checklist is shown on, whatever its section', () => {
    const problems = checkFixture({ [RESOURCES]: TWO, 'src/content/checklists/roadmap-learning.yaml': CHECKLIST, 'src/content/docs/roadmap/stage.mdx': page('roadmap') }).filter((p) => p.rule === 'page-few-resources');
    expect(located(problems)).toEqual(['src/content/docs/roadmap/stage.mdx:2:8 page-few-resources']);
    expect(problems[0]?.message).toMatch(/^this roadmap stage ends with a "Learn more" list, but no learning resource names it: add "roadmap\/stage" to the pages of at least 2 resources/);
  });

  it('leaves other sections, drafts and a wiki without resources alone', () => {
    expect(resourceProblems({ [RESOURCES]: TWO, 'src/content/docs/about/other.mdx': page('about') })).toEqual([]);
    expect(resourceProblems({ [RESOURCES]: TWO, 'src/content/docs/guides/later.mdx': page('guides', 'draft: true\n') })).toEqual([]);
    expect(resourceProblems({ 'src/content/docs/guides/new.mdx': page('guides') })).toEqual([]);
  });

  it('counts a resource once however often it lists the page', () => {
    const twice = TWO.replace('pages: [guides/model-monitoring, case]', 'pages: [guides/model-monitoring, guides/new, guides/new]').replace(/pages: \[guides\/model-monitoring, case\]/, 'pages: [guides/model-monitoring]');
    expect(resourceProblems({ [RESOURCES]: twice, 'src/content/docs/guides/new.mdx': page('guides') })).toEqual(['src/content/docs/guides/new.mdx:2:8 page-few-resources']);
  });

  it('is reported as you write: a new guide gets it at once, and loses it when the resources name it', () => {
    const root = mkdtempSync(join(tmpdir(), 'mle-wiki-resources-'));
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    };
    try {
      cpSync(BASE_FIXTURE, root, { recursive: true });
      write(RESOURCES, TWO);
      const live = new LiveCheck(root, siteSettings({}));
      const full = () => checkSite(loadSite(root, siteSettings({})).index).problems;
      expect(live.problems.filter((p) => p.rule === 'page-few-resources')).toEqual([]);
      write('src/content/docs/guides/new.mdx', page('guides'));
      live.changed(['src/content/docs/guides/new.mdx']);
      expect(located(live.problems.filter((p) => p.rule === 'page-few-resources'))).toEqual(['src/content/docs/guides/new.mdx:2:8 page-few-resources']);
      expect(live.problems).toEqual(full());
      write(RESOURCES, TWO.replaceAll('pages: [guides/model-monitoring', 'pages: [guides/new, guides/model-monitoring'));
      const recheck = live.changed([RESOURCES]);
      expect(live.problems.filter((p) => p.rule === 'page-few-resources')).toEqual([]);
      expect(recheck?.changed.get('src/content/docs/guides/new.mdx')?.some((p) => p.rule === 'page-few-resources')).toBe(false);
      expect(live.problems).toEqual(full());
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
