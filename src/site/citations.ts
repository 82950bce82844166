import type { Episode, Segment } from '../schemas/episode.ts';
import { describeTimestampError, formatTimestamp, parseTimestamp } from '../lib/timestamp.ts';
import { oncePerObject } from '../lib/memo.ts';
import type { SiteData } from './site-data.ts';
import { episodePageId, momentAnchor } from './generated-pages.ts';
import { splitCitation } from './links.ts';
import { pagePath } from './routes.ts';

/**
 * What `podcast:<slug>@<time>` means, decided once: the checker reports a failure, the renderer draws
 * the citation from a success, and a component prop links to the moment on its episode page.
 */
export type CitationResolution =
  | { ok: true; episode: Episode; moment?: { t: string; seconds: number } }
  /** The episode file exists but is invalid: its own problem is the one to fix, so the citation is not reported. */
  | { ok: true; episode: undefined; slug: string }
  | { ok: false; rule: 'citation-malformed' | 'episode-missing' | 'timestamp-malformed' | 'timestamp-missing'; message: string; slug?: string };

const segmentsBySecond = oncePerObject((episode: Episode) => new Map(episode.segments.map((segment) => [segment.sec, segment])));

function segmentAt(episode: Episode, seconds: number): Segment | undefined {
  return segmentsBySecond(episode).get(seconds);
}

export function resolveCitation(body: string, data: SiteData, suggestEpisode: (slug: string) => string = () => ''): CitationResolution {
  const { slug, time, parts } = splitCitation(body);
  if (slug === '' || parts > 2) {
    return { ok: false, rule: 'citation-malformed', message: `"podcast:${body}" must be podcast:<episode-slug>@<time> or podcast:<episode-slug>` };
  }
  const episode = data.episodes.get(slug);
  if (!episode && data.invalid.has(`episodes/${slug}`)) return { ok: true, episode: undefined, slug };
  if (!episode) return { ok: false, rule: 'episode-missing', message: `there is no episode "${slug}" in src/content/episodes/${suggestEpisode(slug)}` };
  if (time === undefined) return { ok: true, episode };
  const parsed = parseTimestamp(time);
  if (!parsed.ok) return { ok: false, rule: 'timestamp-malformed', slug, message: `in podcast:${body}, ${describeTimestampError(time, parsed.error)}` };
  const segment = segmentAt(episode, parsed.seconds);
  if (!segment) {
    return {
      ok: false,
      rule: 'timestamp-missing',
      slug,
      message: `${time} is not the start of a transcript segment of "${episode.title}"; ${nearestStarts(parsed.seconds, episode.segments)}. Run: npm run cite -- ${slug} ${time}`,
    };
  }
  return { ok: true, episode, moment: { t: segment.t, seconds: segment.sec } };
}

/** "the nearest starts are 16:48 (before) and 17:04 (after)" */
export function nearestStarts(seconds: number, segments: readonly { t: string; sec: number }[]): string {
  const before = segments.filter((s) => s.sec < seconds).at(-1);
  const after = segments.find((s) => s.sec > seconds);
  const parts = [before && `${before.t} (before)`, after && `${after.t} (after)`].filter(Boolean);
  return parts.length > 0 ? `the nearest starts are ${parts.join(' and ')}` : `the episode ends before ${formatTimestamp(seconds)}`;
}

export function guestNames(episode: Episode): string {
  return episode.guests.map((guest) => guest.name).join(', ');
}

export function youtubeUrl(episode: Episode, seconds?: number): string {
  const url = `https://www.youtube.com/watch?v=${episode.youtube_id}`;
  return seconds === undefined ? url : `${url}&t=${seconds}s`;
}

/** The moment's entry on its episode page (or the episode page): where a citation's notes link goes. */
export function citationPageHref(slug: string, t: string | undefined, base: string): string {
  const page = pagePath(episodePageId(slug), base);
  return t === undefined ? page : `${page}#${momentAnchor(t)}`;
}

/** What a rendered citation shows; shared by the remark plugin and the episode pages. */
export interface CitationView {
  href: string;
  label: string;
  accessibleName: string;
  episodeTitle: string;
  guests: string;
  note: string | undefined;
  episodePageHref: string;
}

export function citationView(episode: Episode, moment: { t: string; seconds: number } | undefined, base: string): CitationView {
  const guests = guestNames(episode);
  if (moment === undefined) {
    return {
      href: youtubeUrl(episode),
      label: episode.title,
      accessibleName: `${episode.title}, ${guests}`,
      episodeTitle: episode.title,
      guests,
      note: episode.summary,
      episodePageHref: citationPageHref(episode.slug, undefined, base),
    };
  }
  return {
    href: youtubeUrl(episode, moment.seconds),
    label: moment.t,
    accessibleName: `${episode.title}, ${guests}, at ${moment.t}`,
    episodeTitle: episode.title,
    guests,
    note: episode.moments.find((m) => m.t === moment.t)?.note,
    episodePageHref: citationPageHref(episode.slug, moment.t, base),
  };
}
