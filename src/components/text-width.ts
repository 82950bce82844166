/**
 * The width of a label in a sans-serif font, estimated from its characters, for layouts computed at
 * build time where no browser measures text. The estimate errs wide, so a label placed with it fits.
 */
const NARROW = new Set([...'iljtfr.,:;\'!|()[] ']);
const WIDE = new Set([...'mwMW@%']);

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) {
    if (NARROW.has(char)) em += 0.32;
    else if (WIDE.has(char)) em += 0.86;
    else if (char >= 'A' && char <= 'Z') em += 0.68;
    else em += 0.56;
  }
  return em * fontSize;
}

/** The longest start of `text` (cut at a word where possible) that fits `width`, with an ellipsis when cut. */
export function fitText(text: string, fontSize: number, width: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, fontSize) > width) cut = cut.slice(0, -1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length >= cut.length * 0.6 ? atWord : cut).trimEnd()}…`;
}

/** `text` broken into at most `maxLines` lines that each fit `width`; the last line is cut with an ellipsis. */
export function wrapText(text: string, fontSize: number, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/);
  for (const [index, word] of words.entries()) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, fontSize) <= width || line === '') {
      line = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) return [...lines, fitText(`${line} ${words.slice(index).join(' ')}`, fontSize, width)];
    lines.push(line);
    line = word;
  }
  return [...lines, fitText(line, fontSize, width)];
}
