import type { Episode } from '../schemas/episode.ts';
import { episodePageId, momentAnchor } from '../references/generated-pages.ts';
import { pagePath } from '../references/routes.ts';
import { parseTimestamp } from '../references/timestamp.ts';

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

export function guestNames(episode: Episode): string {
  return episode.guests.map((guest) => guest.name).join(', ');
}

export function youtubeUrl(episode: Episode, seconds?: number): string {
  const url = `https://www.youtube.com/watch?v=${episode.youtube_id}`;
  return seconds === undefined ? url : `${url}&t=${seconds}s`;
}

/** The view of `podcast:slug@t` (or of the whole episode when `t` is undefined), or undefined if it does not resolve. */
export function citationView(episode: Episode, t: string | undefined, base: string): CitationView | undefined {
  const pageHref = pagePath(episodePageId(episode.slug), base);
  const guests = guestNames(episode);
  if (t === undefined) {
    return {
      href: youtubeUrl(episode),
      label: episode.title,
      accessibleName: `${episode.title}, ${guests}`,
      episodeTitle: episode.title,
      guests,
      note: episode.summary,
      episodePageHref: pageHref,
    };
  }
  const parsed = parseTimestamp(t);
  if (!parsed.ok || !episode.segments.some((segment) => segment.sec === parsed.seconds)) return undefined;
  return {
    href: youtubeUrl(episode, parsed.seconds),
    label: t,
    accessibleName: `${episode.title}, ${guests}, at ${t}`,
    episodeTitle: episode.title,
    guests,
    note: episode.moments.find((moment) => moment.t === t)?.note,
    episodePageHref: `${pageHref}#${momentAnchor(t)}`,
  };
}
