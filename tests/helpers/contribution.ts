import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSite } from '../../src/site/load.ts';
import { siteSettings } from '../../src/site/settings.ts';

/**
 * A first-time contributor's pull request, as issue 23 tried it, following only README and CONTRIBUTING:
 * a new guide with links, a new tool and a new glossary term it links to, two citations of moments with
 * their notes, a link to it from a neighbouring page, and (unless left out) the two learning resources a
 * guide needs. It is written against the wiki as it is when the test runs: the pages it links to, the
 * episode it cites and the neighbour it edits are found in the content, so the change stays valid as the
 * content grows. Every sentence here is the test's own; the moment notes describe nothing real.
 */

export const CONTRIBUTION_PAGE_ID = 'guides/first-contribution';
export const CONTRIBUTION_PAGE = `src/content/docs/${CONTRIBUTION_PAGE_ID}.mdx`;
export const CONTRIBUTION_TOOL = 'first-contribution-tracker';
export const CONTRIBUTION_TERM = 'first-contribution-term';
const TOOLS = 'src/content/tools/tools.yaml';
const GLOSSARY = 'src/content/glossary/glossary.yaml';
const RESOURCES = 'src/content/resources/resources.yaml';

export interface Contribution {
  /** Repo-relative path → new text of every file the change adds or edits. */
  files: Record<string, string>;
  /** The episode cited and the two moments, as `podcast:` bodies. */
  citations: string[];
  /** The page that now links to the new guide. */
  neighbour: string;
}

/** The change, computed from the project at `root`; `resources: false` leaves out the learning resources. */
export function contribution(root: string, { resources = true } = {}): Contribution {
  const { index } = loadSite(root, siteSettings({}));
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  const guides = index.documents.filter((document) => index.pages.get(document.pageId)?.section === 'guides' && !index.pages.get(document.pageId)?.draft && document.pageId !== CONTRIBUTION_PAGE_ID);
  const neighbour = guides.find((document) => document.pageId === 'guides') ?? guides[0];
  const linked = guides.filter((document) => document !== neighbour).slice(0, 3);
  if (!neighbour || linked.length < 3) throw new Error('the wiki has too few guides to write the contribution against');
  const sourceId = [...index.data.sources.keys()][0];

  // Two segment starts nobody has described yet, in an episode with a YouTube id (every episode has one).
  const cited = new Set([...index.data.episodes.values()].flatMap((episode) => episode.moments.map((moment) => `${episode.slug}@${moment.t}`)));
  const episode = [...index.data.episodes.values()].find((candidate) => candidate.segments.filter((segment) => !cited.has(`${candidate.slug}@${segment.t}`)).length >= 2);
  if (!episode) throw new Error('no episode has two undescribed segment starts to cite');
  const [first, second] = episode.segments.filter((segment) => !cited.has(`${episode.slug}@${segment.t}`));
  const episodeFile = `src/content/episodes/${episode.slug}.json`;
  const episodeJson = JSON.parse(read(episodeFile)) as { moments?: { t: string; note: string }[]; segments: { t: string; sec: number }[] };
  const secOf = (t: string) => episodeJson.segments.find((segment) => segment.t === t)?.sec ?? 0;
  episodeJson.moments = [
    ...(episodeJson.moments ?? []),
    { t: first!.t, note: 'A test note for the first moment the contribution cites.' },
    { t: second!.t, note: 'A test note for the second moment the contribution cites.' },
  ].sort((a, b) => secOf(a.t) - secOf(b.t));

  const page = `---
title: A first contribution
description: A guide written by the tests as a first-time contributor would write one.
section: guides
related: [${linked.map((document) => document.pageId).join(', ')}]
sources: [${sourceId ?? ''}]
---

This guide stands in for a new contributor's page. It builds on [${index.pages.get(linked[0]!.pageId)?.title}](/${linked[0]!.pageId}/),
and readers who want more can go on to [the next guide](/${linked[1]!.pageId}/) or [another one](/${linked[2]!.pageId}/).

## Tools and words

It names a tool of the directory, [the tracker](tool:${CONTRIBUTION_TOOL}), and a term of the glossary,
[a first-contribution term](term:${CONTRIBUTION_TERM}).

## What the podcast says

The episode is cited at two moments, each described in the episode file
([${first!.t}](podcast:${episode.slug}@${first!.t})), and a little later ([${second!.t}](podcast:${episode.slug}@${second!.t})).
`;
  const files: Record<string, string> = {
    [CONTRIBUTION_PAGE]: page,
    [neighbour.file]: `${read(neighbour.file).trimEnd()}\n\nA newcomer's guide, [a first contribution](/${CONTRIBUTION_PAGE_ID}/), shows the whole path from draft to review.\n`,
    [episodeFile]: `${JSON.stringify(episodeJson, null, 1)}\n`,
    [TOOLS]: `${read(TOOLS).trimEnd()}\n- id: ${CONTRIBUTION_TOOL}
  name: First Contribution Tracker
  category: experiment-tracking
  phase: beginner
  what: A tool the tests add to the directory, as a contributor adds one.
  when: Never in practice; it exists so that a test can link to a new row.
  licence: MIT
  docs: https://example.org/first-contribution-tracker/
`,
    [GLOSSARY]: `${read(GLOSSARY).trimEnd()}\n\n- id: ${CONTRIBUTION_TERM}
  term: First-contribution term
  definition: A term the tests add to the glossary, defined in one sentence as a contributor would.
  see: /${CONTRIBUTION_PAGE_ID}/#tools-and-words
`,
  };
  if (resources) {
    files[RESOURCES] = `${read(RESOURCES).trimEnd()}\n${[1, 2]
      .map(
        (n) => `- id: first-contribution-resource-${n}
  title: First contribution resource ${n}
  provider: Example
  kind: guide
  url: https://example.org/first-contribution-resource-${n}
  description: A resource the tests add, as a contributor adds one for a new guide.
  pages: [${CONTRIBUTION_PAGE_ID}]
`,
      )
      .join('')}`;
  }
  return { files, citations: [`${episode.slug}@${first!.t}`, `${episode.slug}@${second!.t}`], neighbour: neighbour.file };
}
