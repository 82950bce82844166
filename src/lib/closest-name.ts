import { distance } from 'fastest-levenshtein';
import { oncePerObject } from './memo.ts';

/**
 * "Did you mean": the candidate a mistyped id most likely meant. Edit distance alone misses what people
 * do most: they type the start of a name (`seldon` for `seldon-core`), a word of it (`monitoring` for
 * `model-monitoring`), or another name of the thing (`kfserving` for `kserve`). So a candidate is
 * compared by its id and by each of its other names, and, best first:
 *
 * 1. a name equal to what was written (an alias);
 * 2. a slip of a character or two (`mlfow` → `mlflow`);
 * 3. a name that starts with what was written, or that it starts with, at a word boundary;
 * 4. a name that holds what was written as whole words, or is held by it;
 * 5. otherwise the fewest single-character edits for the length.
 *
 * Within a rank, the name closest in length wins, then the earlier candidate. Ids and names are compared
 * as lowercase words joined by "-", the way the wiki writes ids.
 */

export interface NamedCandidate {
  id: string;
  /** Other names of the entry: its display name, aliases, an older id. Empty strings are ignored. */
  names?: readonly string[];
}

/** Lowercase words joined by "-": `Seldon Core` → `seldon-core`, `/guides/Model_Monitoring` → `guides-model-monitoring`. */
export const asWords = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The shortest text that prefixes and containment are trusted for: "ml" starts half the directory. */
const MIN_PART = 3;

/** How well `key` answers `wanted`; lower is better. */
function score(wanted: string, key: string): number {
  if (key === '' || wanted === '') return Number.POSITIVE_INFINITY;
  if (key === wanted) return 0;
  const edits = distance(wanted, key);
  const longer = Math.max(wanted.length, key.length);
  const spread = Math.abs(wanted.length - key.length) / 1000;
  if (edits <= Math.max(1, Math.floor(longer / 8))) return 1 + edits / 10;
  const shorter = wanted.length <= key.length ? wanted : key;
  const other = shorter === wanted ? key : wanted;
  if (shorter.length >= MIN_PART) {
    if (other.startsWith(`${shorter}-`) || other.endsWith(`-${shorter}`)) return 2 + spread;
    if (other.includes(`-${shorter}-`)) return 3 + spread;
    if (other.includes(shorter)) return 3.5 + spread;
  }
  return 4 + edits / longer;
}

/** Scores from here on are edit distances of more than a third of the length: a guess, not a near miss. */
const FAR = 4 + 1 / 3;

/** A candidate as it is compared: its id, and its id and other names as lowercase words. */
interface CandidateKeys {
  id: string;
  keys: string[];
}

function candidateKeys(candidate: string | NamedCandidate): CandidateKeys {
  const { id, names = [] } = typeof candidate === 'string' ? { id: candidate } : candidate;
  return { id, keys: [asWords(id) || id, ...names.map((name) => asWords(name))] };
}

/**
 * The keys of a list of candidates, kept as long as the list is: a site's pages or anchors are one list
 * that every broken link of a check compares against, and normalising the names costs more than comparing.
 */
const keysOf = oncePerObject((candidates: readonly (string | NamedCandidate)[]): readonly CandidateKeys[] => candidates.map(candidateKeys));

/**
 * The id of the candidate `wanted` most likely meant (see above), or undefined when there are none.
 * With `nearOnly`, also undefined when even the best candidate is far from what was written.
 */
export function closestName(wanted: string, candidates: readonly (string | NamedCandidate)[], { nearOnly = false } = {}): string | undefined {
  const target = asWords(wanted) || wanted;
  let best: { id: string; score: number } | undefined;
  for (const { id, keys } of keysOf(candidates)) {
    let own = Number.POSITIVE_INFINITY;
    for (const key of keys) own = Math.min(own, score(target, key));
    if (!best || own < best.score) best = { id, score: own };
  }
  return best && (!nearOnly || best.score <= FAR) ? best.id : undefined;
}
