import { SECTIONS } from '../schemas/page.ts';

export type Severity = 'error' | 'warning';

/** The limits the site-wide rules apply, declared here so that the rule pages state them as they are. */
export const MIN_OUTGOING_LINKS = 3;
export const MAX_PAGES_PER_MOMENT = 6;
const inWords = (n: number): string => ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? String(n);

/**
 * Every problem the checker can report, in one table. The site renders a page per rule from this table
 * (/contributing/rules/<id>/), and every message links to its page, so the explanation lives in one place.
 */
export interface RuleDefinition {
  id: string;
  severity: Severity;
  title: string;
  /** What the rule guards, in a sentence. */
  summary: string;
  why: string;
  fix: string;
  /** A minimal broken example and its fixed form, as a contributor would write them. */
  broken: string;
  fixed: string;
}

const defineRules = <const T extends readonly RuleDefinition[]>(rules: T) => rules;

export const RULES = defineRules([
  {
    id: 'syntax-error',
    severity: 'error',
    title: 'Markdown or MDX that cannot be parsed',
    summary: 'The page has MDX syntax the parser cannot read, so none of its links can be checked and the site cannot build it.',
    why: 'MDX treats `<` and `{` as the start of JSX and JavaScript. A stray one in prose, or a tag that is never closed, stops the whole page from compiling.',
    fix: 'Open the file at the reported line and column. Close the tag, escape the character (`\\<`, `\\{`), or put it in a code span.',
    broken: 'Latency must stay <200 ms for {most} requests.',
    fixed: 'Latency must stay under 200 ms for most requests.',
  },
  {
    id: 'frontmatter-invalid',
    severity: 'error',
    title: 'Frontmatter that is missing, malformed or has a wrong field',
    summary: 'The YAML block at the top of the page is missing, cannot be parsed, or a field has the wrong shape.',
    why: 'The title, section, related pages and sources in the frontmatter drive navigation, search filters, backlinks and the knowledge graph. A broken block breaks all of them for the page.',
    fix: `Start the page with a \`---\` block that has \`title\`, \`description\`, \`section\` (one of ${SECTIONS.join(', ')}), \`related\` and \`sources\`, and follow the message for the field it names.`,
    broken: '---\ntitle: Skills\nsection: skills\nrelated: role/boundaries\n---',
    fixed: '---\ntitle: Skills\ndescription: What an ML engineer needs to know.\nsection: role\nrelated: [role/boundaries]\nsources: [mle-role-blueprint]\n---',
  },
  {
    id: 'data-invalid',
    severity: 'error',
    title: 'A data file that does not match its schema',
    summary: 'A data file in `src/content/` (an episode, a source, the KPIs, a checklist, the tools, the glossary or the resources) has a missing field, a field of the wrong type, or values that contradict each other.',
    why: 'Citations, episode pages, KPI tables and progress checklists are generated from these files. A wrong value would silently produce a wrong page, so the build stops instead.',
    fix: 'Open the file and correct the field named in the message. For episodes, segment times must be sorted, unique, and `t` must be the written form of `sec`.',
    broken: '{ "t": "17:04", "sec": 1204 }',
    fixed: '{ "t": "17:04", "sec": 1024 }',
  },
  {
    id: 'page-missing',
    severity: 'error',
    title: 'A link to a page that does not exist',
    summary: 'A link points to a site path where no page is routed: no MDX page, and no generated page such as an episode page.',
    why: 'Readers who follow the link land on the 404 page. Pages are often renamed; this rule finds every link left behind.',
    fix: 'Point the link at an existing page path, written from the site root with a trailing slash. The message suggests the closest existing page; `npm run check -- --fix` corrects capital letters and a missing leading slash, and applies the suggestion when it is clearly the closest.',
    broken: '[monitoring](/guides/monitoring/)',
    fixed: '[monitoring](/guides/model-monitoring/)',
  },
  {
    id: 'anchor-missing',
    severity: 'error',
    title: 'A link to a heading that does not exist',
    summary: 'The page exists, but the `#fragment` matches no heading id (or other id) on it.',
    why: 'Heading ids are computed from the heading text, so editing a heading silently breaks every link to it. The site and the checker compute ids with the same plugin, rehype-slug: the words the heading shows (a citation counts as its time, an MDX expression not at all, a component as the text between its tags), lowercased, punctuation dropped, spaces to hyphens, and `-1`, `-2` for repeated headings.',
    fix: 'Use one of the ids the message lists, or restore the heading. To find an id, open the page and copy the link from the heading.',
    broken: '[drift](/guides/model-monitoring/#data-drift)',
    fixed: '[drift](/guides/model-monitoring/#drift)',
  },
  {
    id: 'page-draft',
    severity: 'error',
    title: 'A link to a draft page',
    summary: 'The link points to a page whose frontmatter says `draft: true`.',
    why: 'Draft pages are shown by the dev server but left out of production builds, so the link works while you write and is dead on the published site.',
    fix: 'Link to the page once it is published (remove `draft: true` from it), or link to another page for now.',
    broken: '[feature stores](/data/feature-stores/)   # data/feature-stores.mdx has draft: true',
    fixed: '[data quality](/data/data-quality-and-observability/)',
  },
  {
    id: 'link-trailing-slash',
    severity: 'error',
    title: 'A page link without the trailing slash',
    summary: 'A link to a page path does not end with `/`.',
    why: 'The site is built with `trailingSlash: \'always\'`: the dev server and `astro preview` answer `/role/skills` with a 404, and hosts differ in whether they redirect it.',
    fix: 'End the path with `/` before any `#fragment` or `?query`. `npm run check -- --fix` does it for you.',
    broken: '[skills](/role/skills#technical-skills)',
    fixed: '[skills](/role/skills/#technical-skills)',
  },
  {
    id: 'link-base-path',
    severity: 'error',
    title: 'A link that spells out the base path',
    summary: 'A site-root link starts with the base path the site is deployed under (`BASE_PATH`).',
    why: 'The site adds the base path to every site-root link itself. Written by hand it would be added twice, and the link would break wherever the site is deployed under another path.',
    fix: 'Remove the base path from the link: write `/role/` rather than `/mle-wiki/role/`. `npm run check -- --fix` does it for you.',
    broken: '[role](/mle-wiki/role/)',
    fixed: '[role](/role/)',
  },
  {
    id: 'link-absolute-self',
    severity: 'error',
    title: 'A link to this site written as a full URL, or to a local server',
    summary: 'The link points to `localhost`, a loopback address, or the site\'s own address (`SITE_URL`).',
    why: 'A local address works only on the machine of whoever wrote it, and a full URL of the site bypasses the base path and the checks: both break when the site moves.',
    fix: 'Write the link from the site root: `/role/skills/` instead of `http://localhost:4321/role/skills/`. `npm run check -- --fix` does it for you.',
    broken: '[skills](http://localhost:4321/role/skills/)',
    fixed: '[skills](/role/skills/)',
  },
  {
    id: 'asset-missing',
    severity: 'error',
    title: 'A link to a file that the site does not publish',
    summary: 'A site-root link to a file (an image, a download) names no file in `public/` and no file the build writes (the KPI data, the sitemap, the search index, the service worker).',
    why: 'Files in `public/` are copied to the site as they are; a missing one is a broken image or download for every reader.',
    fix: 'Add the file under `public/` at that path, or correct the path. A `?query` or `#fragment` after the file name is ignored.',
    broken: '![diagram](/images/pipeline.png)',
    fixed: '![diagram](/favicon.svg)',
  },
  {
    id: 'file-link',
    severity: 'error',
    title: 'A link to a source file instead of a page',
    summary: 'The link points to an `.md` or `.mdx` file. Readers never see files, only the pages built from them.',
    why: 'A file path works in a code editor but not on the site, where the page lives at a different path and the file is not published.',
    fix: 'Link to the page path the message gives, for example `/role/skills/` for `src/content/docs/role/skills.mdx`. When the page exists, `npm run check -- --fix` does it for you.',
    broken: '[skills](./skills.mdx)',
    fixed: '[skills](/role/skills/)',
  },
  {
    id: 'citation-malformed',
    severity: 'error',
    title: 'A podcast citation that is not of the form podcast:slug@time',
    summary: 'The `podcast:` link is empty or has more than one `@`.',
    why: 'Citations are turned into links that open the episode at the cited second; the checker can only do that with an episode slug and, optionally, one time.',
    fix: 'Write `podcast:<episode-slug>@<m:ss>` for a moment, or `podcast:<episode-slug>` for the whole episode.',
    broken: '[17:04](podcast:@17:04)',
    fixed: '[17:04](podcast:data-team-roles@17:04)',
  },
  {
    id: 'episode-missing',
    severity: 'error',
    title: 'A citation of an episode that is not in the episodes collection',
    summary: 'The slug after `podcast:` names no file in `src/content/episodes/`.',
    why: 'Without the episode file the citation has no title, guest, video or transcript times, so it cannot be rendered or verified.',
    fix: 'Use the slug of an existing episode (the message suggests the closest), or add the episode file first. `npm run cite -- <slug>` lists what exists.',
    broken: '[17:04](podcast:data-roles@17:04)',
    fixed: '[17:04](podcast:data-team-roles@17:04)',
  },
  {
    id: 'timestamp-malformed',
    severity: 'error',
    title: 'A citation time that is not written as m:ss or h:mm:ss',
    summary: 'The time after `@` is not in the form the transcripts use: `m:ss` in the first hour, `h:mm:ss` after it, no spaces, no leading zeros, no negative numbers.',
    why: 'One written form per moment keeps citations comparable with transcript times and lets the checker catch `61:00` when `1:01:00` was meant.',
    fix: 'Rewrite the time as the message suggests, for example `1:01:00` rather than `61:00`, or `17:04` rather than `17:4`.',
    broken: '[61:00](podcast:crisp-dm@61:00)',
    fixed: '[1:01:00](podcast:crisp-dm@1:01:00)',
  },
  {
    id: 'timestamp-missing',
    severity: 'error',
    title: 'A citation time that is not the start of a transcript segment',
    summary: 'The time is well formed, but the episode has no transcript segment starting at it.',
    why: 'A citation must point at a moment a reader can check in the transcript. Times copied from memory or from another page are often off by a few seconds, and then point at the wrong sentence.',
    fix: 'Read the transcript near the time and cite the segment start where the claim is made. The message names the nearest starts before and after; `npm run cite -- <slug> <time>` lists more.',
    broken: '[17:00](podcast:data-team-roles@17:00)',
    fixed: '[17:04](podcast:data-team-roles@17:04)',
  },
  {
    id: 'moment-undescribed',
    severity: 'error',
    title: 'A cited moment without a note on its episode',
    summary: 'A page cites a moment that the episode file does not describe in `moments`.',
    why: 'Episode pages list every cited moment with a one-line note, and the citation preview shows the note. Without one, readers cannot see what is said there before they press play.',
    fix: 'Add `{ "t": "<time>", "note": "<what is said, in your own words>" }` to the `moments` list of the episode file, in time order.',
    broken: '"moments": []',
    fixed: '"moments": [{ "t": "17:04", "note": "Defines ML engineers as the people who scale model services." }]',
  },
  {
    id: 'moment-overcited',
    severity: 'error',
    title: 'A podcast moment cited on too many pages',
    summary: `The same second of an episode is cited on more than ${inWords(MAX_PAGES_PER_MOMENT)} pages.`,
    why: 'When one quotable moment carries page after page, the wiki repeats itself and leans on a single voice. The archive has thousands of moments; each page should find the one that makes its own point.',
    fix: 'Keep the citation where the moment makes the page\'s central point and cite another moment (or another episode) elsewhere. `npm run cite -- <slug>` lists the described moments.',
    broken: '[46:28](podcast:human-centered-mlops-and-model-monitoring@46:28)   # on a 7th page',
    fixed: '[29:23](podcast:human-centered-mlops-and-model-monitoring@29:23)',
  },
  {
    id: 'entry-missing',
    severity: 'error',
    title: 'A link to a tool, glossary term or KPI that does not exist',
    summary: 'A `tool:`, `term:` or `kpi:` link names no entry of the tools directory, the glossary or the KPI list.',
    why: 'These links lead to the tool\'s row in the directory, the term\'s definition or the KPI\'s page; an unknown id would lead nowhere.',
    fix: 'Use the id of an existing entry (the message suggests the closest), or add the entry to `src/content/tools/`, `src/content/glossary/` or `src/content/kpis/kpis.yaml` first.',
    broken: '[MLflow](tool:ml-flow)',
    fixed: '[MLflow](tool:mlflow)',
  },
  {
    id: 'source-missing',
    severity: 'error',
    title: 'A reference to a written source that does not exist',
    summary: 'A `source:` link or a `sources` frontmatter entry names no file in `src/content/sources/`.',
    why: 'Source references render as links to the entry on the Sources page; an unknown id would render a dead reference.',
    fix: 'Use the id of an existing source (the file name without `.json`); the message suggests the closest.',
    broken: '[blueprint](source:role-blueprint)',
    fixed: '[blueprint](source:mle-role-blueprint)',
  },
  {
    id: 'related-missing',
    severity: 'error',
    title: 'A related page that does not exist',
    summary: 'An entry of the `related` frontmatter list names no page.',
    why: 'Related pages are shown at the end of every page and drawn in the knowledge graph.',
    fix: 'Use a page id: the page path without the slashes at the ends, such as `role/skills` or `podcast/crisp-dm`.',
    broken: 'related: [role/skill]',
    fixed: 'related: [role/skills]',
  },
  {
    id: 'self-reference',
    severity: 'error',
    title: 'A page that lists itself as related',
    summary: 'The `related` list of a page contains the page itself.',
    why: 'A related block that points back at the page the reader is on wastes a slot and adds a loop to the graph.',
    fix: 'Remove the page from its own `related` list.',
    broken: '# in role/skills.mdx\nrelated: [role/skills, role/boundaries]',
    fixed: '# in role/skills.mdx\nrelated: [role/boundaries]',
  },
  {
    id: 'page-orphan',
    severity: 'error',
    title: 'A page that no other page links to',
    summary: 'No other page links to this page in its text, so readers only find it through the sidebar or search.',
    why: 'A wiki is a web of pages: every page should be reachable from the pages on neighbouring topics, and it appears in their backlinks and in the graph.',
    fix: 'Link to the page from at least one page that discusses its topic, in a sentence where a reader would want to go further.',
    broken: '# no page contains [ml pipelines](/guides/ml-pipelines-in-practice/)',
    fixed: 'The day-to-day reality is described in [ML pipelines in practice](/guides/ml-pipelines-in-practice/).',
  },
  {
    id: 'page-few-links',
    severity: 'error',
    title: `A page that links to fewer than ${inWords(MIN_OUTGOING_LINKS)} other pages`,
    summary: `The text of the page links to fewer than ${inWords(MIN_OUTGOING_LINKS)} other pages of the wiki.`,
    why: 'Links to related pages let readers follow a topic; a page with almost none is a dead end.',
    fix: `Link to at least ${inWords(MIN_OUTGOING_LINKS)} other pages where the text mentions their topic; the related block in the frontmatter does not count.`,
    broken: 'Monitoring matters.',
    fixed: 'Monitoring covers [drift](/guides/model-monitoring/#drift), the [KPIs](/kpis/) and [incident work](/role/work-rhythms/).',
  },
  {
    id: 'related-empty',
    severity: 'error',
    title: 'A page without related pages',
    summary: 'The `related` list in the frontmatter is empty or missing.',
    why: 'The related block at the end of every page is how a reader who finished a page finds the next one.',
    fix: 'List two to six page ids in `related`.',
    broken: 'related: []',
    fixed: 'related: [role/skills, kpis]',
  },
  {
    id: 'output-link-broken',
    severity: 'error',
    title: 'A link in the built site that points to no file',
    summary: 'After the build, an internal `href` or `src` in the HTML points to no file in the output.',
    why: 'Links made by components, the sidebar and generated pages are not in any MDX file, so only the built HTML shows them.',
    fix: 'Find the component or page named in the message and correct the path it builds; paths must include the base path.',
    broken: '<a href="/kpis/kpis.csv">',
    fixed: '<a href="/kpis.csv">',
  },
  {
    id: 'output-anchor-broken',
    severity: 'error',
    title: 'A link in the built site to an id that is not on the target page',
    summary: 'After the build, an internal link has a `#fragment` that matches no `id` in the target HTML file.',
    why: 'This catches anchors that generated pages and components promise but do not render.',
    fix: 'Make the component render the id, or change the link to an id that exists.',
    broken: '<a href="/kpis/#mttr">',
    fixed: '<a href="/kpis/#mttr-ml-incidents">',
  },
  {
    id: 'output-file-empty',
    severity: 'error',
    title: 'An empty file in the built site',
    summary: 'After the build, a file in the output has no content at all.',
    why: 'No page, script, style or search file of this site is legitimately empty. An empty one means a build step was cut short, for example Pagefind writing its search files on an overloaded machine, and the feature that needs it would fail for readers.',
    fix: 'Run the build again. If the file stays empty, find the integration that writes it and look at its log.',
    broken: 'dist/pagefind/wasm.unknown.pagefind  (0 bytes)',
    fixed: 'dist/pagefind/wasm.unknown.pagefind  (68 kB)',
  },
]);

export type RuleId = (typeof RULES)[number]['id'];

export const RULES_BY_ID: ReadonlyMap<RuleId, RuleDefinition> = new Map(RULES.map((rule) => [rule.id, rule]));

export function severityOf(rule: RuleId): Severity {
  return RULES_BY_ID.get(rule)?.severity ?? 'error';
}

