import { describe, expect, it } from 'vitest';
import { pageExcerpts, type Segment } from '../../../src/components/search/excerpt.ts';

/** A page as Pagefind stores it: the title, then the text, headings among it with their positions. */
function page(parts: (string | { heading: string; id: string })[]) {
  let content = 'Model Monitoring.';
  const anchors = [{ element: 'h1', id: '_top', text: 'Model Monitoring', location: 0 }];
  for (const part of parts) {
    if (typeof part === 'string') content += ` ${part}`;
    else {
      anchors.push({ element: 'h2', id: part.id, text: part.heading, location: content.split(/\s+/).length });
      content += ` ${part.heading}.`;
    }
  }
  return { content, anchors };
}
const positions = (content: string, ...words: string[]) => content.split(/\s+/).flatMap((word, at) => (words.includes(word.replace(/[^\w]/g, '').toLowerCase()) ? [at] : []));
const text = (segments: Segment[]) => segments.map((segment) => (segment.marked ? `[${segment.text}]` : segment.text)).join('');

describe('pageExcerpts', () => {
  const fragment = page([
    'Every model in production needs an owner. A model drifts when its inputs change over time, and drift shows first in the inputs.',
    { heading: 'Alerts', id: 'alerts' },
    'Send alerts on drift to a named person. Quiet alerts are ignored.',
    { heading: 'Logging', id: 'logging' },
    'Log every prediction with its inputs.',
  ]);

  it('starts at the sentence with the most searched words and marks them without their punctuation', () => {
    const { excerpt } = pageExcerpts(fragment, positions(fragment.content, 'drift', 'inputs'));
    expect(text(excerpt)).toBe('A model drifts when its [inputs] change over time, and [drift] shows first in the [inputs].');
  });

  it('lists the other sections with a match, each with its own sentence, in page order', () => {
    const { sections } = pageExcerpts(fragment, positions(fragment.content, 'drift', 'inputs'));
    expect(sections.map((section) => [section.title, section.anchor, text(section.excerpt)])).toEqual([
      ['Alerts', 'alerts', 'Send alerts on [drift] to a named person. Quiet alerts are ignored.'],
      ['Logging', 'logging', 'Log every prediction with its [inputs].'],
    ]);
  });

  it('cuts a long sentence around its matches, with an ellipsis where it was cut', () => {
    const long = page([`${Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ')} drift ${Array.from({ length: 40 }, (_, index) => `more${index}`).join(' ')}.`]);
    const excerpt = text(pageExcerpts(long, positions(long.content, 'drift'), { maxWords: 12, maxSectionWords: 12, maxSections: 3 }).excerpt);
    expect(excerpt).toBe('… word37 word38 word39 [drift] more0 more1 more2 more3 more4 more5 more6 more7 …');
  });

  it('shows the opening sentences of a page matched only by its title or description', () => {
    const { excerpt, sections } = pageExcerpts(fragment, []);
    expect(text(excerpt)).toBe('Every model in production needs an owner. A model drifts when its inputs change over time, and drift shows first in the inputs.');
    expect(sections).toEqual([]);
  });
});
