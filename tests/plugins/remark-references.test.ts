import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkReferences } from '../../src/plugins/remark-references.ts';
import { loadSiteData } from '../../src/site/data.ts';
import { BASE_FIXTURE } from '../helpers/fixture-project.ts';

const { data } = loadSiteData(BASE_FIXTURE);
const render = (markdown: string, base = '/', sourcePositions = false) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkReferences({ data: () => data, base, sourcePositions: () => sourcePositions }))
      .use(remarkRehype)
      .use(rehypeStringify)
      .processSync(markdown),
  );

describe('remarkReferences', () => {
  it('renders a moment citation that opens the episode at the second', () => {
    const html = render('Said so [17:04](podcast:data-team-roles@17:04).');
    expect(html).toContain('href="https://www.youtube.com/watch?v=UukjwSIAnpw&#x26;t=1024s"');
    expect(html).toContain('aria-label="Data Team Roles Explained, Alexey Grigorev, at 17:04"');
    expect(html).toContain('Fixture note for the moment at 17:04.');
    expect(html).toContain('href="/podcast/data-team-roles/#at-17-04"');
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('renders a whole-episode citation with its link text', () => {
    const html = render('[the roles episode](podcast:data-team-roles)');
    expect(html).toContain('href="https://www.youtube.com/watch?v=UukjwSIAnpw"');
    expect(html).toContain('the roles episode');
  });

  it('gives each citation on a page its own description id', () => {
    const html = render('[17:04](podcast:data-team-roles@17:04) [1:01:00](podcast:data-team-roles@1:01:00)');
    expect(html).toContain('aria-describedby="citation-1"');
    expect(html).toContain('aria-describedby="citation-2"');
  });

  it('leaves an unresolvable citation as marked text for the checker to report', () => {
    expect(render('[17:00](podcast:data-team-roles@17:00)')).toContain('<span class="citation-unresolved">17:00</span>');
  });

  it('points source references at their entry on the Sources page', () => {
    expect(render('[blueprint](source:mle-role-blueprint)', '/mle-wiki/')).toContain('href="/mle-wiki/about/sources/#mle-role-blueprint"');
  });

  it('adds the base path to site-root links only', () => {
    const html = render('[a](/role/) [c](https://example.org/) [d](#x)', '/mle-wiki/');
    expect(html).toContain('href="/mle-wiki/role/"');
    expect(html).toContain('href="https://example.org/"');
    expect(html).toContain('href="#x"');
  });

  it('adds the base path to link props of MDX components', async () => {
    const { compile } = await import('@mdx-js/mdx');
    const code = String(await compile('<LinkCard title="Role" href="/role/" />', { remarkPlugins: [remarkReferences({ data: () => data, base: '/mle-wiki/' })] }));
    expect(code).toContain('href: "/mle-wiki/role/"');
  });

  it('writes where each link, image and citation is in the source only when asked (in dev)', () => {
    const markdown = 'A [page](/role/) and ![x](/x.png).\n\nSaid [17:04](podcast:data-team-roles@17:04), not [17:00](podcast:data-team-roles@17:00).';
    const html = render(markdown, '/', true);
    expect(html).toContain('<a href="/role/" data-source-position="1:3">');
    expect(html).toContain('<img src="/x.png" alt="x" data-source-position="1:22">');
    expect(html).toContain('class="citation citation-moment" data-source-position="3:6">');
    expect(html).toContain('<span class="citation-unresolved" data-source-position="3:50">');
    expect(render(markdown)).not.toContain('data-source-position');
  });
});

describe('anchors written as JSX in MDX', () => {
  const compileMdx = async (source: string) => String(await compile(source, { remarkPlugins: [remarkReferences({ data: () => data, base: '/', sourcePositions: () => false })] }));

  it('open another site with rel="noopener noreferrer", as Markdown links do', async () => {
    expect(await compileMdx('See <a href="https://example.org/">the site</a>.')).toMatch(/href: "https:\/\/example\.org\/",\s*rel: "noopener noreferrer"/);
    expect(await compileMdx('See <a href="https://example.org/" rel="nofollow">the site</a>.')).toContain('rel: "nofollow noopener noreferrer"');
    expect(await compileMdx('See <a href="/role/">the role</a>.')).not.toContain('rel:');
  });
});
