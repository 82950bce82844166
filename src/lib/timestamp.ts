/**
 * Podcast timestamps as contributors write them: `m:ss` under an hour, `h:mm:ss` from the first hour on.
 * The written form must be canonical (the way the transcript prints it), so that a citation reads the
 * same in the source, on the page and in the transcript.
 */

export type TimestampError =
  | { kind: 'empty' }
  | { kind: 'whitespace' }
  | { kind: 'negative' }
  | { kind: 'not-digits' }
  | { kind: 'too-many-parts' }
  | { kind: 'too-few-parts' }
  | { kind: 'seconds-not-two-digits' }
  | { kind: 'minutes-not-two-digits' }
  | { kind: 'leading-zero' }
  | { kind: 'field-out-of-range'; field: 'minutes' | 'seconds' }
  | { kind: 'minutes-past-hour'; suggestion: string };

export type TimestampParse = { ok: true; seconds: number } | { ok: false; error: TimestampError };

const DIGITS = /^\d+$/;

export function parseTimestamp(text: string): TimestampParse {
  const fail = (error: TimestampError): TimestampParse => ({ ok: false, error });
  if (text.length === 0) return fail({ kind: 'empty' });
  if (text.trim() !== text || /\s/.test(text)) return fail({ kind: 'whitespace' });
  if (text.startsWith('-')) return fail({ kind: 'negative' });
  const parts = text.split(':');
  if (parts.length > 3) return fail({ kind: 'too-many-parts' });
  if (parts.length < 2) return fail({ kind: 'too-few-parts' });
  if (!parts.every((part) => DIGITS.test(part))) return fail({ kind: 'not-digits' });
  const numbers = parts.map(Number);
  const seconds = numbers.at(-1) ?? 0;
  if (parts.at(-1)?.length !== 2) return fail({ kind: 'seconds-not-two-digits' });
  if (seconds > 59) return fail({ kind: 'field-out-of-range', field: 'seconds' });

  if (parts.length === 2) {
    const [minuteText = ''] = parts;
    const minutes = numbers[0] ?? 0;
    if (minuteText.length > 1 && minuteText.startsWith('0')) return fail({ kind: 'leading-zero' });
    if (minutes > 59) {
      return fail({ kind: 'minutes-past-hour', suggestion: formatTimestamp(minutes * 60 + seconds) });
    }
    return { ok: true, seconds: minutes * 60 + seconds };
  }

  const [hourText = '', minuteText = ''] = parts;
  const [hours = 0, minutes = 0] = numbers;
  if (hourText.length > 1 && hourText.startsWith('0')) return fail({ kind: 'leading-zero' });
  if (hours === 0) return fail({ kind: 'leading-zero' });
  if (minuteText.length !== 2) return fail({ kind: 'minutes-not-two-digits' });
  if (minutes > 59) return fail({ kind: 'field-out-of-range', field: 'minutes' });
  return { ok: true, seconds: hours * 3600 + minutes * 60 + seconds };
}

/** The canonical written form of a number of seconds: `m:ss` or `h:mm:ss`. */
export function formatTimestamp(totalSeconds: number): string {
  const whole = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** A contributor-facing sentence for each way a timestamp can be malformed. */
export function describeTimestampError(text: string, error: TimestampError): string {
  switch (error.kind) {
    case 'empty':
      return 'the timestamp after "@" is empty';
    case 'whitespace':
      return `"${text}" contains spaces; write the time with no spaces, like 17:04`;
    case 'negative':
      return `"${text}" is negative; times count from the start of the episode`;
    case 'not-digits':
      return `"${text}" has a part that is not a number; use digits separated by ":"`;
    case 'too-many-parts':
      return `"${text}" has more than three parts; use m:ss or h:mm:ss`;
    case 'too-few-parts':
      return `"${text}" needs minutes and seconds, like 0:${text.padStart(2, '0')} or 17:04`;
    case 'seconds-not-two-digits':
      return `"${text}" must end in two-digit seconds, like 17:04`;
    case 'minutes-not-two-digits':
      return `"${text}" must have two-digit minutes after the hour, like 1:02:15`;
    case 'leading-zero':
      return `"${text}" starts with a zero; write 7:05 rather than 07:05 and drop a zero hour`;
    case 'field-out-of-range':
      return `"${text}" has ${error.field} above 59`;
    case 'minutes-past-hour':
      return `"${text}" is past the first hour; write it as ${error.suggestion}`;
  }
}
