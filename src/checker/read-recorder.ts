import type { SiteData } from '../site/site-data.ts';
import type { SiteIndex } from '../site/site-index.ts';

/**
 * A view of a site index that notes which entries a computation reads, so the incremental checker knows
 * which verdicts an edit can change: a page's verdict depends on exactly what resolving its references
 * read. Keys name one entry (`page:role/skills`, `episode:crisp-dm`, `data:kpis`) or, ending in `:*`,
 * the whole set of a collection's keys (read by "did you mean" suggestions, which look at every page).
 */

/** The key of one entry of a collection. */
export const readKey = (collection: string, key: string): string => `${collection}:${key}`;
/** The key of "which entries a collection has". */
export const everyKey = (collection: string): string => `${collection}:*`;
export const isEveryKey = (key: string): boolean => key.endsWith(':*');

type Note = (key: string) => void;

/** A view of a map that notes each key looked up, and any walk over its keys. */
class RecordingMap<V> implements ReadonlyMap<string, V> {
  readonly #entries: ReadonlyMap<string, V>;
  readonly #collection: string;
  readonly #note: Note;

  constructor(entries: ReadonlyMap<string, V>, collection: string, note: Note) {
    this.#entries = entries;
    this.#collection = collection;
    this.#note = note;
  }

  get(key: string): V | undefined {
    this.#note(readKey(this.#collection, key));
    return this.#entries.get(key);
  }

  has(key: string): boolean {
    this.#note(readKey(this.#collection, key));
    return this.#entries.has(key);
  }

  get size(): number {
    this.#note(everyKey(this.#collection));
    return this.#entries.size;
  }

  keys(): MapIterator<string> {
    this.#note(everyKey(this.#collection));
    return this.#entries.keys();
  }

  values(): MapIterator<V> {
    this.#note(everyKey(this.#collection));
    return this.#entries.values();
  }

  entries(): MapIterator<[string, V]> {
    this.#note(everyKey(this.#collection));
    return this.#entries.entries();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    this.#note(everyKey(this.#collection));
    this.#entries.forEach((value, key) => callback.call(thisArg, value, key, this));
  }
}

/** A copy of a set that notes each member looked up, and any walk over its members. */
class RecordingSet extends Set<string> {
  readonly #collection: string;
  readonly #note: Note;

  constructor(members: ReadonlySet<string>, collection: string, note: Note) {
    super(members);
    this.#collection = collection;
    this.#note = note;
  }

  override has(key: string): boolean {
    this.#note(readKey(this.#collection, key));
    return super.has(key);
  }

  override get size(): number {
    this.#note(everyKey(this.#collection));
    return super.size;
  }

  override values(): SetIterator<string> {
    this.#note(everyKey(this.#collection));
    return super.values();
  }

  override keys(): SetIterator<string> {
    return this.values();
  }

  override entries(): SetIterator<[string, string]> {
    this.#note(everyKey(this.#collection));
    return super.entries();
  }

  override [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  override forEach(callback: (value: string, key: string, set: Set<string>) => void, thisArg?: unknown): void {
    this.#note(everyKey(this.#collection));
    super.forEach(callback, thisArg);
  }
}

/** The collections of the data, by the name their keys are recorded under. */
export const DATA_COLLECTIONS = { episodes: 'episode', sources: 'source', checklists: 'checklist', invalid: 'invalid' } as const;

export interface RecordingIndex {
  index: SiteIndex;
  /** Runs `compute` and returns its result with every key it read. */
  record<T>(compute: (index: SiteIndex) => T): { result: T; reads: Set<string> };
}

/** A recording view of `index`. Lists of the data (KPIs, tools, glossary, resources, the search's vocabulary and questions) are read as a whole: `data:<field>`. */
export function recordingIndex(index: SiteIndex): RecordingIndex {
  let reads: Set<string> | undefined;
  const note: Note = (key) => reads?.add(key);
  const source = index.data;
  // A whole collection read at once: any change to it changes what the reader saw.
  const noted = <K extends keyof SiteData>(key: K): SiteData[K] => {
    note(readKey('data', key));
    return source[key];
  };
  const data: SiteData = {
    episodes: new RecordingMap(source.episodes, DATA_COLLECTIONS.episodes, note),
    sources: new RecordingMap(source.sources, DATA_COLLECTIONS.sources, note),
    checklists: new RecordingMap(source.checklists, DATA_COLLECTIONS.checklists, note),
    invalid: new RecordingSet(source.invalid, DATA_COLLECTIONS.invalid, note),
    get kpis() {
      return noted('kpis');
    },
    get tools() {
      return noted('tools');
    },
    get glossary() {
      return noted('glossary');
    },
    get resources() {
      return noted('resources');
    },
    get searchVocabulary() {
      return noted('searchVocabulary');
    },
    get searchQuestions() {
      return noted('searchQuestions');
    },
  };
  const recording: SiteIndex = { ...index, pages: new RecordingMap(index.pages, 'page', note), files: new RecordingSet(index.files, 'file', note), data };
  return {
    index: recording,
    record(compute) {
      const found = new Set<string>();
      reads = found;
      try {
        return { result: compute(recording), reads: found };
      } finally {
        reads = undefined;
      }
    },
  };
}
