import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Episode } from '../../src/schemas/episode.ts';

/**
 * A synthetic wiki of `pages` pages, about 20 links and 5 citations each, with errors planted at known
 * places so the benchmark can prove the check finds exactly them. Real episodes are written in with a
 * note on every segment start, and citations walk through those moments in turn, so that no moment is
 * cited on more pages than the wiki allows, as on a real site.
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

export function generateCorpus(root: string, pages: number, projectRoot: string, episodes: readonly Episode[]): Corpus {
  rmSync(root, { recursive: true, force: true });
  cpSync(join(projectRoot, 'src/content/sources'), join(root, 'src/content/sources'), { recursive: true });
  mkdirSync(join(root, 'src/content/episodes'), { recursive: true });
  for (const episode of episodes) {
    const moments = episode.segments.map((segment) => ({ t: segment.t, note: `Benchmark note for the moment at ${segment.t}.` }));
    writeFileSync(join(root, 'src/content/episodes', `${episode.slug}.json`), JSON.stringify({ ...episode, moments }));
  }
  const moments = episodes.flatMap((episode) => episode.segments.map((segment) => ({ slug: episode.slug, t: segment.t })));
  // A time that is no segment start of the first episode: the planted timestamp-missing errors.
  const drifted = episodes[0]!;
  const missingTime = ['0:01', '0:02', '0:03'].find((t) => !drifted.segments.some((segment) => segment.t === t))!;
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
      const moment = moments[citations % moments.length]!;
      sentences.push(`A guest makes the point here ([${moment.t}](podcast:${moment.slug}@${moment.t})).`);
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
      body.push(`A drifted citation ([${missingTime}](podcast:${drifted.slug}@${missingTime})).`, '');
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
