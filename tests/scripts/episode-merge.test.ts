import { describe, expect, it } from 'vitest';
import { mergeEpisode } from '../../scripts/lib/episode-merge.ts';

const archive = {
  slug: 'x',
  title: 'An episode',
  short_title: 'Episode',
  season: 2,
  episode: 3,
  date_added: '',
  guests: [{ id: 'reemmahmoud', name: 'Reem Mahmoud' }],
  youtube_id: 'abcdefghijk',
  links: {},
  chapters: [{ t: '0:00', sec: 0, title: 'Intro' }],
  segments: [{ t: '0:00', sec: 0 }],
};

describe('importing an episode from the archive', () => {
  it('starts a new file with an empty summary and no moments, and leaves out an unknown date', () => {
    const merged = mergeEpisode(archive, undefined, () => undefined);
    expect(merged).toMatchObject({ summary: '', moments: [], chapters: archive.chapters });
    expect('date_added' in merged).toBe(false);
  });

  it("keeps the wiki's summary, notes and corrected facts, and says what it kept", () => {
    const notices: string[] = [];
    const existing = { summary: 'Ours.', moments: [{ t: '0:00', note: 'Ours.' }], guests: [{ id: 'danielsvonava', name: 'Daniel Svonava' }] };
    const merged = mergeEpisode({ ...archive, title: 'A retitled episode' }, existing, (message) => notices.push(message));
    expect(merged).toMatchObject({ summary: 'Ours.', moments: existing.moments, guests: existing.guests, title: 'A retitled episode' });
    expect(notices).toEqual([`kept the wiki's "guests" [{"id":"danielsvonava","name":"Daniel Svonava"}]; the archive says [{"id":"reemmahmoud","name":"Reem Mahmoud"}]`]);
  });
});

describe('an episode the wiki files under a shorter slug', () => {
  it("keeps the wiki's slug and the archive's beside it", () => {
    const notices: string[] = [];
    const merged = mergeEpisode({ ...archive, slug: 's23e01-a-very-long-slug' }, { slug: 'short', archive_slug: 's23e01-a-very-long-slug', summary: 'Ours.' }, (message) => notices.push(message));
    expect(Object.keys(merged).slice(0, 2)).toEqual(['slug', 'archive_slug']);
    expect(merged).toMatchObject({ slug: 'short', archive_slug: 's23e01-a-very-long-slug' });
    expect(notices).toHaveLength(1);
  });
});
