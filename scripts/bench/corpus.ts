import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MAX_PAGES_PER_MOMENT } from '../../src/rules/table.ts';
import { WRITTEN_SECTIONS } from '../../src/navigation.ts';

/**
 * A synthetic wiki of `pages` pages, about 20 links and 5 citations each, with errors planted at known
 * places so the benchmark can prove the check finds exactly them. Real episode and source files are
 * copied in so that citations resolve against real transcript segment starts. Citations go round every
 * segment start of every episode, so that no moment is cited on more pages than the rules allow, and
 * each cited start gets a note in the copied episode file, as the rules require.
 */

export interface Corpus {
  root: string;
  pages: number;
  links: number;
  citations: number;
  planted: Record<string, number>;
}

/**
 * The pages are spread over the wiki's first ten written sections, so that the wiki's sidebar lists
 * them as bare Starlight's does: every page of the corpus in the sidebar of every page.
 */
const SECTIONS = WRITTEN_SECTIONS.slice(0, 10);
const sectionOf = (i: number) => SECTIONS[i % SECTIONS.length]!;
const pageId = (i: number) => `${sectionOf(i)}/page-${i}`;
/** The file of the corpus's page `i`, as a path from the project root. */
export const corpusPageFile = (i: number): string => `src/content/docs/${pageId(i)}.mdx`;

/** Every (episode, segment start), taking one start of each episode in turn, so neighbouring citations cite different episodes. */
function citableMoments(episodes: { slug: string; starts: string[] }[]): { slug: string; t: string }[] {
  const moments: { slug: string; t: string }[] = [];
  const longest = Math.max(...episodes.map((episode) => episode.starts.length));
  for (let at = 0; at < longest; at += 1) {
    for (const episode of episodes) {
      const t = episode.starts[at];
      if (t !== undefined) moments.push({ slug: episode.slug, t });
    }
  }
  return moments;
}

/** Writes a note for every cited start into the copied episode files, in the order of their segments. */
function describeCitedMoments(root: string, cited: ReadonlyMap<string, ReadonlySet<string>>): void {
  for (const [slug, times] of cited) {
    const file = join(root, 'src/content/episodes', `${slug}.json`);
    const episode = JSON.parse(readFileSync(file, 'utf8')) as { segments: { t: string }[]; moments: { t: string; note: string }[] };
    episode.moments = episode.segments.filter((segment) => times.has(segment.t)).map((segment) => ({ t: segment.t, note: `A synthetic note for the moment at ${segment.t}.` }));
    writeFileSync(file, JSON.stringify(episode, null, 1));
  }
}

export function generateCorpus(root: string, pages: number, projectRoot: string, episodes: { slug: string; starts: string[] }[]): Corpus {
  rmSync(root, { recursive: true, force: true });
  for (const dir of ['episodes', 'sources']) {
    cpSync(join(projectRoot, 'src/content', dir), join(root, 'src/content', dir), { recursive: true });
  }
  const planted: Record<string, number> = { 'page-missing': 0, 'anchor-missing': 0, 'timestamp-missing': 0, 'source-missing': 0 };
  let links = 0;
  let citations = 0;
  const moments = citableMoments(episodes);
  if (pages * 4 > moments.length * MAX_PAGES_PER_MOMENT) throw new Error(`${pages} pages need more segment starts than the ${moments.length} the episodes have`);
  const cited = new Map<string, Set<string>>();
  const cite = (k: number) => {
    const moment = moments[k % moments.length]!;
    cited.set(moment.slug, (cited.get(moment.slug) ?? new Set()).add(moment.t));
    return moment;
  };
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
      const moment = cite(i * 4 + h);
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
      `section: ${sectionOf(i)}`,
      `related: [${pageId((i + 1) % pages)}, ${pageId((i + 2) % pages)}]`,
      'sources: [mle-role-blueprint]',
      '---',
      '',
    ];
    const file = join(root, corpusPageFile(i));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, [...frontmatter, ...body].join('\n'));
  }
  describeCitedMoments(root, cited);
  mkdirSync(join(root, 'src/content/docs/about'), { recursive: true });
  writeFileSync(
    join(root, 'src/content/docs/about/sources.mdx'),
    `---\ntitle: Sources\ndescription: Sources.\nsection: about\nrelated: [${pageId(0)}]\nsources: []\n---\n\n## MLE role blueprint\n\nUsed by [page 0](/${pageId(0)}/), [page 1](/${pageId(1)}/) and [page 2](/${pageId(2)}/).\n`,
  );
  return { root, pages, links, citations, planted };
}
