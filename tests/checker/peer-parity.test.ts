import { describe, expect, it } from 'vitest';
import { checkFixture } from '../helpers/fixture-project.ts';

/**
 * starlight-links-validator is the reference link checker for Starlight sites. Each case below is a
 * kind of link its test fixtures report (written afresh for this wiki), and the rule this checker
 * reports it under. Differences by design are listed in CONTRIBUTING ("Compared with
 * starlight-links-validator").
 */

const PAGE = 'src/content/docs/case.mdx';
const page = (body: string, frontmatter = '') =>
  `---\ntitle: Case\ndescription: A parity case.\nsection: guides\nrelated: [guides/model-monitoring]\nsources: [mle-role-blueprint]\n${frontmatter}---\n\n${body}\n`;

const extraPages = {
  'src/content/docs/guides/upcoming.mdx': page('Draft text.', 'draft: true\n'),
  'src/content/docs/guides/custom.mdx': page('## Custom heading\n\nText.', 'slug: release/v1.0\n'),
  'src/content/docs/guides/Namespace.Test.md': page('## Some content\n\nText.'),
  'src/content/docs/café.mdx': page('## Icônes\n\nText.'),
};

const CASES: [kind: string, body: string, rules: string[], frontmatter?: string][] = [
  ['an external URL written with a leading slash', '[x](/https://example.org/)', ['page-missing']],
  ['an unknown page', '[x](/unknown/)', ['page-missing']],
  ['an unknown page without the trailing slash', '[x](/unknown)', ['page-missing']],
  ['an unknown page with a hash', '[x](/unknown/#title)', ['page-missing']],
  ['an unknown page with a query and a hash', '[x](/unknown/?query=string#title)', ['page-missing']],
  ['a draft page', '[x](/guides/upcoming/)', ['page-draft']],
  ['a draft page without the trailing slash', '[x](/guides/upcoming)', ['link-trailing-slash']],
  ['an unknown hash on this page', '[x](#links)', ['anchor-missing']],
  ['an unknown hash on this page after a query', '[x](?query=string#links)', ['anchor-missing']],
  ['an unknown hash on another page', '[x](/guides/model-monitoring/#links)', ['anchor-missing']],
  ['an unknown hash on another page after a query', '[x](/guides/model-monitoring/?query=string#links)', ['anchor-missing']],
  ['a missing asset', '[x](/icon.svg)', ['asset-missing']],
  ['a missing download with a query', '[x](/guidelines/ui.pdf?query=string)', ['asset-missing']],
  ['a reference definition to an unknown page', '[x][r]\n\n[r]: /unknown-ref', ['page-missing']],
  ['a reference definition to an unknown hash', '[x][r]\n\n[r]: #unknown-ref', ['anchor-missing']],
  ['a page by its file path instead of its custom slug', '[x](/guides/custom/)', ['page-missing']],
  ['a page by a wrong custom slug', '[x](/release/v0.9/)', ['page-missing']],
  ['a local server', '[x](http://localhost:4321/)', ['link-absolute-self']],
  ['a loopback address over https', '[x](https://127.0.0.1:4321/getting-started)', ['link-absolute-self']],
  ['the site itself as a full URL', '[x](https://wiki.example.org/guides/model-monitoring/)', ['link-absolute-self']],
  ['an unknown hero action', '', ['page-missing'], 'hero:\n  tagline: x\n  actions:\n    - text: Go\n      link: /unknown-action/\n'],
  ['an unknown previous page', '', ['page-missing'], 'prev:\n  link: /unknown-prev/\n  label: Back\n'],
  ['an unknown next page', '', ['page-missing'], 'next:\n  link: /unknown-next/\n  label: On\n'],
  ['a LinkCard to an unknown page', '<LinkCard title="x" href="/linkcard/" />', ['page-missing']],
  ['a LinkButton to an unknown hash', '<LinkButton href="#linkbutton">x</LinkButton>', ['anchor-missing']],
  ['a custom component to an unknown page', '<CustomLink href="/customlink/#links">x</CustomLink>', ['page-missing']],
  ['a page whose file name has a dot, by a wrong hash', '[x](/guides/namespacetest/#another-content)', ['anchor-missing']],
  ['a non-ASCII hash', '[x](/cafe/#icônes)', ['page-missing']],
  ['a non-ASCII page with a wrong hash', '[x](/café/#icones)', ['anchor-missing']],
  ['a page without the trailing slash', '[x](/guides/model-monitoring)', ['link-trailing-slash']],
  ['the same broken link twice', '[x](/unknown-duplicate/) and [y](/unknown-duplicate/)', ['page-missing', 'page-missing']],
];

const OWN_RULES = new Set(['page-orphan', 'page-few-links', 'related-empty']);

describe('parity with starlight-links-validator', () => {
  it.each(CASES)('reports %s', (_kind, body, rules, frontmatter = '') => {
    const problems = checkFixture({ ...extraPages, [PAGE]: page(body, frontmatter) }, { env: { SITE_URL: 'https://wiki.example.org' } });
    const onPage = problems.filter((p) => p.file === PAGE && !OWN_RULES.has(p.rule)).map((p) => p.rule);
    expect(onPage).toEqual(rules);
  });

  it('accepts the valid forms of the same links', () => {
    const body = [
      '[home](/) [page](/guides/model-monitoring/) [hash](/guides/model-monitoring/#drift) [query](/guides/model-monitoring/?q=1#drift)',
      '[slug](/release/v1.0/#custom-heading) [dot](/guides/namespacetest/#some-content) [unicode](/café/#icônes) [self](#top)',
      '<span id="top" />',
    ].join('\n\n');
    const problems = checkFixture({ ...extraPages, [PAGE]: page(body) }, { env: { SITE_URL: 'https://wiki.example.org' } });
    expect(problems.filter((p) => p.file === PAGE && !OWN_RULES.has(p.rule))).toEqual([]);
  });
});
