/** Percent-decodes a URL part, or returns it as written when it is not valid percent-encoding (`a%zz`). */
export function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
