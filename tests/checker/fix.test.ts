import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/checker/check.ts';
import { formatPlan, isClearlyClosest, locateValue, planFixes, type FixPlan } from '../../src/checker/fix.ts';
import { loadSite } from '../../src/site/load.ts';
import { candidatesOf } from '../../src/site/resolve.ts';
import { siteSettings } from '../../src/site/settings.ts';
import { withFixtureProject } from '../helpers/fixture-project.ts';

const PAGE = 'src/content/docs/case.mdx';
const page = (body: string, related = '[guides/model-monitoring]') =>
  `---\ntitle: Case\ndescription: A page for the fix tests.\nsection: guides\nrelated: ${related}\nsources: []\n---\n\n${body}\n`;

interface Planned {
  plan: FixPlan;
  /** The page's text after the fixes. */
  fixed: string;
  /** Problems of the page left after writing the fixes and checking again. */
  left: string[];
}

/** Plans the fixes for the fixture project with `text` as the case page, writes them, and checks again. */
function fix(text: string, env: Record<string, string> = {}): Planned {
  return withFixtureProject({ [PAGE]: text }, { env }, (root) => {
    const settings = siteSettings(env);
    const { index } = loadSite(root, settings);
    const plan = planFixes(checkSite(index).problems, (file) => readFileSync(join(root, file), 'utf8'), (pool) => candidatesOf(pool, index));
    for (const file of plan.files) writeFileSync(join(root, file.file), file.text);
    const after = checkSite(loadSite(root, settings).index).problems.filter((p) => p.file === PAGE && p.rule !== 'page-orphan' && p.rule !== 'page-few-links');
    return { plan, fixed: readFileSync(join(root, PAGE), 'utf8'), left: after.map((p) => `${p.position.line}:${p.position.column} ${p.rule}`) };
  });
}

const changes = ({ plan }: Planned) => plan.files.flatMap((file) => file.edits.map((edit) => `${edit.rule}: ${edit.written} → ${edit.replacement}`));

describe('--fix applies the corrections that cannot be wrong', () => {
  it('turns a link to a source file into the page path, keeping the fragment', () => {
    const result = fix(page('See [drift](/guides/model-monitoring.mdx#drift) and [it](./guides/model-monitoring.md).'));
    expect(changes(result)).toEqual(['file-link: /guides/model-monitoring.mdx#drift → /guides/model-monitoring/#drift', 'file-link: ./guides/model-monitoring.md → /guides/model-monitoring/']);
    expect(result.fixed).toContain('See [drift](/guides/model-monitoring/#drift) and [it](/guides/model-monitoring/).');
    expect(result.left).toEqual([]);
  });

  it('adds the trailing slash, fixes the letter case and the missing leading slash', () => {
    const result = fix(page('A [a](/guides/model-monitoring#drift), [b](/Guides/Model-Monitoring/) and [c](guides/model-monitoring/).'));
    expect(changes(result)).toEqual([
      'link-trailing-slash: /guides/model-monitoring#drift → /guides/model-monitoring/#drift',
      'page-missing: /Guides/Model-Monitoring/ → /guides/model-monitoring/',
      'page-missing: guides/model-monitoring/ → /guides/model-monitoring/',
    ]);
    expect(result.left).toEqual([]);
  });

  it('removes the base path and the address of the site, in two passes at most', () => {
    const result = fix(page('A [a](/mle-wiki/guides/model-monitoring/) and [b](http://localhost:4321/about/sources/).'), { BASE_PATH: '/mle-wiki/' });
    expect(changes(result)).toEqual(['link-base-path: /mle-wiki/guides/model-monitoring/ → /guides/model-monitoring/', 'link-absolute-self: http://localhost:4321/about/sources/ → /about/sources/']);
    expect(result.left).toEqual([]);
  });

  it('applies a "did you mean" only when one candidate is clearly the closest', () => {
    const result = fix(page('A [typo](/guides/model-monitorng/), a [rename](/guides/monitoring/) and an [anchor](/guides/model-monitoring/#drifts).'));
    expect(changes(result)).toEqual(['page-missing: /guides/model-monitorng/ → /guides/model-monitoring/', 'anchor-missing: /guides/model-monitoring/#drifts → /guides/model-monitoring/#drift']);
    expect(result.plan.skipped.map((s) => s.reason)).toEqual(['"guides/model-monitoring" is not clearly the closest to "guides/monitoring"']);
    expect(result.left).toEqual(['9:40 page-missing']);
  });

  it('corrects related page ids and source ids', () => {
    const result = fix(page('Cites the [blueprint](source:mle-role-blueprnt).', '[guides/model-monitorin]'));
    expect(changes(result)).toEqual(['related-missing: guides/model-monitorin → guides/model-monitoring', 'source-missing: source:mle-role-blueprnt → source:mle-role-blueprint']);
    expect(result.fixed).toContain('related: [guides/model-monitoring]');
    expect(result.left).toEqual([]);
  });

  it('never changes a citation’s time or episode', () => {
    const result = fix(page('Said at [17:00](podcast:data-team-roles@17:00) and in [the episode](podcast:data-team-role).'));
    expect(changes(result)).toEqual([]);
    expect(result.left).toEqual(['9:9 timestamp-missing', '9:55 episode-missing']);
  });

  it('changes the link target, never link text that looks the same', () => {
    const result = fix(page('[/guides/model-monitoring](/guides/model-monitoring) and [/guides/model-monitoring](/guides/model-monitoring).'));
    expect(result.fixed).toContain('[/guides/model-monitoring](/guides/model-monitoring/) and [/guides/model-monitoring](/guides/model-monitoring/).');
  });

  it('changes a link attribute, never another attribute or quoted prose that holds the same path', () => {
    const result = fix(page('<a title="/Guides/Model-Monitoring/" href="/Guides/Model-Monitoring/">monitoring</a>, "/Guides/Model-Monitoring/" as written.'));
    expect(changes(result)).toEqual(['page-missing: /Guides/Model-Monitoring/ → /guides/model-monitoring/']);
    expect(result.fixed).toContain('<a title="/Guides/Model-Monitoring/" href="/guides/model-monitoring/">monitoring</a>, "/Guides/Model-Monitoring/" as written.');
  });

  it('in a Markdown page, changes the HTML link, never prose before it that looks like the path', () => {
    const md = 'src/content/docs/notes.md';
    const text = page('<p>Paths like /Guides/Model-Monitoring/ are case sensitive: <a title="/Guides/Model-Monitoring/" href="/Guides/Model-Monitoring/">see</a></p>');
    const fixed = withFixtureProject({ [md]: text }, {}, (root) => {
      const { index } = loadSite(root, siteSettings({}));
      const plan = planFixes(checkSite(index).problems, (file) => readFileSync(join(root, file), 'utf8'), (pool) => candidatesOf(pool, index));
      return plan.files.find((file) => file.file === md)?.text;
    });
    expect(fixed).toContain('<p>Paths like /Guides/Model-Monitoring/ are case sensitive: <a title="/Guides/Model-Monitoring/" href="/guides/model-monitoring/">see</a></p>');
  });

  it('prints what it changed, file by file', () => {
    const result = fix(page('A [a](/guides/model-monitoring) and a [typo](/guides/model-monitorng/).'));
    expect(formatPlan(result.plan)).toBe(
      [
        PAGE,
        '  9:3  link-trailing-slash  /guides/model-monitoring → /guides/model-monitoring/',
        '  9:39  page-missing  /guides/model-monitorng/ → /guides/model-monitoring/  (the clearly closest)',
      ].join('\n'),
    );
  });
});

describe('the "clearly closest" rule', () => {
  it('takes a candidate within a third of the length that no other candidate ties', () => {
    expect(isClearlyClosest('role/skils', 'role/skills', ['role/skills', 'role/hiring'])).toBe(true);
    expect(isClearlyClosest('role/skil', 'role/skill', ['role/skill', 'role/skilt'])).toBe(false);
    expect(isClearlyClosest('guides/monitoring', 'guides/model-monitoring', ['guides/model-monitoring'])).toBe(false);
  });
});

describe('finding the written value', () => {
  it('finds a Markdown link target, a definition, a JSX prop and a YAML value, and nothing else', () => {
    expect(locateValue('A [/x](/x) b', { line: 1, column: 3 }, '/x')).toBe(7);
    expect(locateValue('[g]: /x\n', { line: 1, column: 1 }, '/x')).toBe(5);
    expect(locateValue('<LinkCard href="/x" />', { line: 1, column: 1 }, '/x')).toBe(16);
    expect(locateValue('related: [a/b, c]', { line: 1, column: 11 }, 'a/b')).toBe(10);
    expect(locateValue('The /x path, unlinked.', { line: 1, column: 1 }, '/x')).toBeUndefined();
    expect(locateValue('<a title="/x" href="/x">', { line: 1, column: 1 }, '/x')).toBe(20);
    expect(locateValue('link: "/x"', { line: 1, column: 7 }, '/x')).toBe(7);
    expect(locateValue('He said "/x" twice.', { line: 1, column: 1 }, '/x')).toBeUndefined();
  });
});
