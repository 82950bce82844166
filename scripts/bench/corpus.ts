import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A synthetic wiki of `pages` pages, about 20 links and 5 citations each, with errors planted at known
 * places so the benchmark can prove the check finds exactly them. Real episode and source files are
 * copied in so that citations resolve against real transcript segment starts.
 */

export interface Corpus {
  root: string;
  pages: number;
  links: number;
  citations: number;
  planted: Record<string, number>;
}

const SECTIONS = 10;
const pageId = (i: number) => `s${i % SECTIONS}/page-${i}`;

export function generateCorpus(root: string, pages: number, projectRoot: string, episodes: { slug: string; starts: string[] }[]): Corpus {
  rmSync(root, { recursive: true, force: true });
  for (const dir of ['episodes', 'sources']) {
    cpSync(join(projectRoot, 'src/content', dir), join(root, 'src/content', dir), { recursive: true });
  }
  const planted: Record<string, number> = { 'page-missing': 0, 'anchor-missing': 0, 'timestamp-missing': 0, 'source-missing': 0 };
  let links = 0;
  let citations = 0;
  for (let i = 0; i < pages; i += 1) {
    const body: string[] = [];
    for (let h = 0; h < 4; h += 1) {
      body.push(`## Topic ${h} of page ${i}`, '');
      const sentences: string[] = [];
      for (let l = 0; l < 5; l += 1) {
        const target = (i * 7 + h * 13 + l * 31 + 1) % pages;
        const anchor = l % 2 === 0 ? `#topic-${(h + l) % 4}-of-page-${target}` : '';
        sentences.push(`This sentence points to [page ${target}](/${pageId(target)}/${anchor}) for more.`);
        links += 1;
      }
      const episode = episodes[(i + h) % episodes.length]!;
      const start = episode.starts[(i * 3 + h) % episode.starts.length]!;
      sentences.push(`A guest makes the point here ([${start}](podcast:${episode.slug}@${start})).`);
      citations += 1;
      body.push(sentences.join(' '), '');
    }
    const extra = `A closing remark cites [the episode](podcast:${episodes[i % episodes.length]!.slug}) and the [blueprint](source:mle-role-blueprint), listed with the [sources](/about/sources/).`;
    citations += 1;
    body.push(extra, '', '```md', '[not a link](/inside/code/)', '```', '');
    if (i % 25 === 3) {
      body.push('A stale link to [a removed page](/removed/page/).', '');
      planted['page-missing']! += 1;
    }
    if (i % 40 === 7) {
      body.push(`A link to [a renamed heading](/${pageId((i + 1) % pages)}/#renamed-heading).`, '');
      planted['anchor-missing']! += 1;
    }
    if (i % 60 === 11) {
      body.push(`A drifted citation ([0:01](podcast:${episodes[0]!.slug}@0:01)).`, '');
      planted['timestamp-missing']! += 1;
    }
    if (i % 100 === 13) {
      body.push('An unknown [source](source:no-such-source).', '');
      planted['source-missing']! += 1;
    }
    const frontmatter = [
      '---',
      `title: Page ${i}`,
      `description: Synthetic page ${i} for the benchmark.`,
      'section: guides',
      `related: [${pageId((i + 1) % pages)}, ${pageId((i + 2) % pages)}]`,
      'sources: [mle-role-blueprint]',
      '---',
      '',
    ];
    const file = join(root, 'src/content/docs', `${pageId(i)}.mdx`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, [...frontmatter, ...body].join('\n'));
  }
  mkdirSync(join(root, 'src/content/docs/about'), { recursive: true });
  writeFileSync(
    join(root, 'src/content/docs/about/sources.mdx'),
    `---\ntitle: Sources\ndescription: Sources.\nsection: about\nrelated: [${pageId(0)}]\nsources: []\n---\n\n## MLE role blueprint\n\nUsed by [page 0](/${pageId(0)}/), [page 1](/${pageId(1)}/) and [page 2](/${pageId(2)}/).\n`,
  );
  return { root, pages, links, citations, planted };
}
