import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeTimestampError, formatTimestamp, parseTimestamp } from '../../src/lib/timestamp.ts';

describe('parseTimestamp', () => {
  it.each([
    ['0:00', 0],
    ['0:09', 9],
    ['17:04', 1024],
    ['59:59', 3599],
    ['1:00:00', 3600],
    ['1:02:15', 3735],
    ['10:00:01', 36001],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseTimestamp(text)).toEqual({ ok: true, seconds });
  });

  it.each([
    ['17:4', 'seconds-not-two-digits'],
    ['61:00', 'minutes-past-hour'],
    ['-1:00', 'negative'],
    ['1:2:3:4', 'too-many-parts'],
    [' 17:04', 'whitespace'],
    ['17: 04', 'whitespace'],
    ['17:04 ', 'whitespace'],
    ['', 'empty'],
    ['17', 'too-few-parts'],
    ['07:05', 'leading-zero'],
    ['0:05:00', 'leading-zero'],
    ['1:5:00', 'minutes-not-two-digits'],
    ['1:60:00', 'field-out-of-range'],
    ['17:60', 'field-out-of-range'],
    ['1a:00', 'not-digits'],
    ['17:04:', 'not-digits'],
  ])('rejects %j as %s', (text, kind) => {
    const result = parseTimestamp(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe(kind);
  });

  it('suggests the hour form for minutes past 59', () => {
    const result = parseTimestamp('61:00');
    expect(result).toEqual({ ok: false, error: { kind: 'minutes-past-hour', suggestion: '1:01:00' } });
  });
});

describe('properties', () => {
  it('never throws and always returns a describable result', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseTimestamp(text);
        if (!result.ok) expect(describeTimestampError(text, result.error)).toMatch(/\S/);
      }),
      { numRuns: 2000 },
    );
  });

  it('formats what it parses back to the same text', () => {
    const timestampLike = fc
      .array(fc.oneof(fc.integer({ min: 0, max: 99 }).map(String), fc.constantFrom('00', '05', '59', '60', '-1', ' 1')), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join(':'));
    fc.assert(
      fc.property(fc.oneof(fc.string(), timestampLike), (text) => {
        const result = parseTimestamp(text);
        if (result.ok) expect(formatTimestamp(result.seconds)).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('parses every formatted number of seconds back to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 3600 }), (seconds) => {
        expect(parseTimestamp(formatTimestamp(seconds))).toEqual({ ok: true, seconds });
      }),
    );
  });
});
