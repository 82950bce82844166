/** Lowercase words of a name or a query: letters and digits, split at everything else. */
const wordsOf = (text: string): string[] => text.toLocaleLowerCase('en').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The names that match what a reader typed, best first, as indexes into `names`: every word typed must
 * start a word of the name ("feat sto" finds "Feature store") or occur inside the name ("ops" finds
 * "MLOps"). An exact name comes first, then names that start with the text, then names whose words the
 * typed words start, then the rest; within each, the order of `names` (the graph lists its nodes most
 * connected first). Pure, shared by the graph's find field and its tests.
 */
export function findNodes(names: readonly string[], typed: string, limit: number): number[] {
  const query = typed.trim().toLocaleLowerCase('en');
  const wanted = wordsOf(query);
  if (wanted.length === 0) return [];
  const ranked: { index: number; rank: number }[] = [];
  names.forEach((name, index) => {
    const lower = name.toLocaleLowerCase('en');
    const words = wordsOf(name);
    const starts = wanted.every((word) => words.some((candidate) => candidate.startsWith(word)));
    const inside = wanted.every((word) => lower.includes(word));
    if (!starts && !inside) return;
    const rank = lower === query ? 0 : lower.startsWith(query) ? 1 : starts ? 2 : 3;
    ranked.push({ index, rank });
  });
  return ranked
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.index);
}
