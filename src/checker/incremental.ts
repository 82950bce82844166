import { dataFileOf, type LoadedData } from '../site/data.ts';
import type { PageDocument } from '../site/document.ts';
import { generatedPages } from '../site/generated-pages.ts';
import type { PageEntry } from '../site/page.ts';
import type { ResolvedReference } from '../site/resolve.ts';
import type { SiteSettings } from '../site/settings.ts';
import { assembleSiteIndex, entryReadsData, indexDocument, type IndexedPage, type SiteIndex } from '../site/site-index.ts';
import { checkDataReferences, checkDocument, type CheckResult } from './check.ts';
import { compareProblems, type Problem } from '../rules/problem.ts';
import { DATA_COLLECTIONS, everyKey, isEveryKey, readKey, recordingIndex } from './read-recorder.ts';
import { checkLearningResources } from './resources.ts';
import { connectionProblems, pageWeb, spreadProblems, WebTally, type PageWeb } from './web.ts';

/**
 * The reference check kept up to date edit by edit, for the dev server and `npm run check -- --watch`.
 * It holds every page's parse, index entry and verdict (`checkDocument`), and for each verdict the index
 * entries it read. After an edit only the verdicts that read something the edit changed are computed
 * again; the site-wide rules are re-evaluated from a tally in which only the changed pages' contributions
 * are replaced. Its problems are always those `checkSite` finds on the same files (a test proves it).
 */

export interface ProjectState {
  /** Every page, parsed. */
  documents: Iterable<PageDocument>;
  /** Problems of files as files (see `SiteIndexInput.fileProblems`). */
  fileProblems?: readonly Problem[];
  data: LoadedData;
  /** Published files that are not pages (see `readPublishedFiles`). */
  files: ReadonlySet<string>;
  settings: SiteSettings;
}

export interface Change {
  /** Pages saved (their new parse) or deleted (undefined), by repo-relative path. */
  documents?: ReadonlyMap<string, PageDocument | undefined>;
  /** The data collections read again after `files` (repo-relative paths) changed. */
  data?: { loaded: LoadedData; files: readonly string[] };
  /** The published files, read again after public/ changed. */
  files?: ReadonlySet<string>;
  /** Every problem of files as files, when the files were listed or read again. */
  fileProblems?: readonly Problem[];
}

export interface Recheck {
  /** Pages whose references were resolved again. */
  rechecked: readonly string[];
  /** Every file whose problems changed, with its problems now (empty once all are fixed). */
  changed: ReadonlyMap<string, readonly Problem[]>;
}

interface Verdict extends CheckResult {
  /** Keys of the index entries resolving the page read (see read-recorder.ts). */
  reads: ReadonlySet<string>;
}

export class IncrementalChecker {
  readonly #settings: SiteSettings;
  #data: LoadedData;
  #generated: readonly PageEntry[];
  #files: ReadonlySet<string>;
  #fileProblems: readonly Problem[];
  readonly #documents = new Map<string, PageDocument>();
  readonly #entries = new Map<string, IndexedPage>();
  /** Page files in the order the site lists them, which decides which page wins a shared id. */
  #order: string[] = [];
  #index: SiteIndex;
  readonly #verdicts = new Map<string, Verdict>();
  /** For each key, the pages whose verdicts read it. */
  readonly #readers = new Map<string, Set<string>>();
  #dataVerdict: CheckResult = { problems: [], resolved: [] };
  readonly #tally = new WebTally();
  /**
   * The site-wide rules' verdicts: on the connections of each page (by file) and the spread of each cited
   * moment (by `slug@t`). After an edit only those the changed contributions can touch are judged again.
   */
  readonly #connections = new Map<string, Problem[]>();
  readonly #spreads = new Map<string, Problem[]>();
  #resourceProblems: Problem[] = [];
  #problems: Problem[] = [];
  #byFile = new Map<string, Problem[]>();

  constructor({ documents, fileProblems = [], data, files, settings }: ProjectState) {
    this.#settings = settings;
    this.#data = data;
    this.#files = files;
    this.#fileProblems = fileProblems;
    this.#generated = generatedPages(data.data);
    for (const document of documents) {
      this.#documents.set(document.file, document);
      this.#entries.set(document.file, indexDocument(document, data.data));
    }
    this.#order = [...this.#entries.keys()].sort();
    this.#index = this.#assemble();
    this.#recheck(new Set(this.#order), new Set());
  }

  /** The site index as of the last update. */
  get index(): SiteIndex {
    return this.#index;
  }

  /** Every problem, sorted as `checkSite` sorts them. */
  get problems(): readonly Problem[] {
    return this.#problems;
  }

  /** How many data files were read. */
  get dataFileCount(): number {
    return this.#data.files.length;
  }

  problemsOf(file: string): readonly Problem[] {
    return this.#byFile.get(file) ?? [];
  }

  /** Applies a change and checks again what it can affect. */
  update(change: Change): Recheck {
    const before = this.#index;
    /** Keys of index entries that changed (see read-recorder.ts). */
    const changedKeys = new Set<string>();
    /** Pages to index again. */
    const touched = new Set<string>();
    /** Page ids whose entries may have changed. */
    const candidateIds = new Set<string>();
    if (change.data) this.#takeData(change.data, changedKeys, touched, candidateIds);
    if (change.files) {
      for (const key of fileKeys(this.#files, change.files)) changedKeys.add(key);
      this.#files = change.files;
    }
    if (change.fileProblems) this.#fileProblems = change.fileProblems;
    for (const [file, document] of change.documents ?? []) {
      touched.add(file);
      if (document) this.#documents.set(file, document);
      else this.#documents.delete(file);
    }
    const touchedIds = this.#reindex(touched);
    for (const id of touchedIds) candidateIds.add(id);
    for (const key of changedEntryKeys(before, this.#index, candidateIds)) changedKeys.add(key);
    const recheck = new Set([...touched].filter((file) => this.#entries.has(file)));
    for (const key of changedKeys) for (const file of this.#readers.get(key) ?? []) recheck.add(file);
    // "Did you mean" suggestions walk whole collections, so failing references are checked again whenever one gains or loses a key.
    if ([...changedKeys].some(isEveryKey)) {
      for (const [file, verdict] of this.#verdicts) if (verdict.problems.length > 0) recheck.add(file);
    }
    const removed = new Set([...touched].filter((file) => !this.#entries.has(file)));
    return this.#recheck(recheck, removed, touchedIds);
  }

  /** New data: the keys its changed files can change, the generated pages, and the pages whose entries read data. */
  #takeData(data: NonNullable<Change['data']>, changedKeys: Set<string>, touched: Set<string>, candidateIds: Set<string>): void {
    const oldGenerated = this.#generated;
    this.#data = data.loaded;
    this.#generated = generatedPages(this.#data.data);
    for (const page of [...oldGenerated, ...this.#generated]) candidateIds.add(page.id);
    for (const file of data.files) for (const key of dataKeys(file)) changedKeys.add(key);
    for (const [file, document] of this.#documents) if (entryReadsData(document)) touched.add(file);
  }

  /** Indexes the touched pages again (or drops the deleted ones) and assembles the index; returns their page ids before and after. */
  #reindex(touched: ReadonlySet<string>): Set<string> {
    const ids = new Set<string>();
    for (const file of touched) {
      const old = this.#entries.get(file);
      if (old) ids.add(old.document.pageId);
      const document = this.#documents.get(file);
      if (document) {
        const entry = indexDocument(document, this.#data.data);
        this.#entries.set(file, entry);
        ids.add(entry.document.pageId);
      } else {
        this.#entries.delete(file);
      }
    }
    if (touched.size > 0) this.#order = [...this.#entries.keys()].sort();
    this.#index = this.#assemble();
    return ids;
  }

  #assemble(): SiteIndex {
    const { data, problems, references } = this.#data;
    const indexed = this.#order.map((file) => this.#entries.get(file)).filter((entry) => entry !== undefined);
    return assembleSiteIndex({
      indexed,
      data,
      dataProblems: problems,
      fileProblems: this.#fileProblems,
      dataReferences: references,
      files: this.#files,
      settings: this.#settings,
      generated: this.#generated,
    });
  }

  /** Computes the verdicts of `files` again, forgets those of `removed` pages, and brings the site-wide rules up to date. */
  #recheck(files: ReadonlySet<string>, removed: ReadonlySet<string>, touchedIds: ReadonlySet<string> = new Set()): Recheck {
    const affectedIds = new Set(touchedIds);
    for (const file of removed) {
      this.#forget(file);
      this.#connections.delete(file);
    }
    const recording = files.size > 0 ? recordingIndex(this.#index) : undefined;
    for (const file of files) {
      const entry = this.#entries.get(file);
      if (!entry || !recording) continue;
      this.#forget(file);
      const { result, reads } = recording.record((index) => checkDocument(entry.document, index));
      this.#verdicts.set(file, { ...result, reads });
      for (const key of reads) this.#readers.set(key, (this.#readers.get(key) ?? new Set()).add(file));
      affectedIds.add(entry.document.pageId);
    }
    for (const item of this.#dataVerdict.resolved) affectedIds.add(item.from.pageId);
    this.#dataVerdict = checkDataReferences(this.#index);
    for (const item of this.#dataVerdict.resolved) affectedIds.add(item.from.pageId);
    const before = new Map([...affectedIds].map((id) => [id, this.#tally.contributionOf(id)]));
    this.#retally(affectedIds);
    this.#rejudgeWeb(affectedIds, before);
    // Which pages name which resources is read from the whole index; judged again on every change.
    this.#resourceProblems = checkLearningResources(this.#index);
    return this.#collect(files);
  }

  /**
   * Judges the site-wide rules again where the contributions of `affectedIds` changed: a page's
   * connections depend on its own entry and on the pages linking to it, so the affected pages and every
   * page they linked to before or link to now are judged again; so is every moment they cited or cite.
   */
  #rejudgeWeb(affectedIds: ReadonlySet<string>, before: ReadonlyMap<string, PageWeb | undefined>): void {
    if (affectedIds.size === 0) return;
    const pages = new Set(affectedIds);
    const moments = new Set<string>();
    for (const id of affectedIds) {
      for (const web of [before.get(id), this.#tally.contributionOf(id)]) {
        if (!web) continue;
        for (const to of web.linksTo) pages.add(to);
        for (const moment of web.moments.keys()) moments.add(moment);
      }
    }
    for (const document of this.#index.documents) {
      if (pages.has(document.pageId)) this.#connections.set(document.file, connectionProblems(document, this.#index, this.#tally));
    }
    for (const moment of moments) {
      const citing = this.#tally.citing(moment);
      if (citing) this.#spreads.set(moment, spreadProblems(moment, citing));
      else this.#spreads.delete(moment);
    }
  }

  #forget(file: string): void {
    const verdict = this.#verdicts.get(file);
    if (!verdict) return;
    for (const key of verdict.reads) this.#readers.get(key)?.delete(file);
    this.#verdicts.delete(file);
  }

  /** Replaces the web contributions of the pages with these ids, from their documents' verdicts and the data links published on them. */
  #retally(pageIds: ReadonlySet<string>): void {
    if (pageIds.size === 0) return;
    const resolvedOf = new Map<string, ResolvedReference[]>([...pageIds].map((id) => [id, []]));
    for (const document of this.#index.documents) {
      resolvedOf.get(document.pageId)?.push(...(this.#verdicts.get(document.file)?.resolved ?? []));
    }
    for (const item of this.#dataVerdict.resolved) resolvedOf.get(item.from.pageId)?.push(item);
    for (const [pageId, resolved] of resolvedOf) this.#tally.set(pageId, resolved.length > 0 ? pageWeb(resolved) : undefined);
  }

  /** Gathers every problem in `checkSite`'s order and reports the files whose problems changed. */
  #collect(rechecked: ReadonlySet<string>): Recheck {
    const problems: Problem[] = [...this.#index.problems];
    for (const document of this.#index.documents) problems.push(...(this.#verdicts.get(document.file)?.problems ?? []));
    problems.push(...this.#dataVerdict.problems);
    for (const document of this.#index.documents) problems.push(...(this.#connections.get(document.file) ?? []));
    for (const found of this.#spreads.values()) problems.push(...found);
    problems.push(...this.#resourceProblems);
    this.#problems = problems.sort(compareProblems);
    const before = this.#byFile;
    this.#byFile = new Map();
    for (const found of this.#problems) {
      const list = this.#byFile.get(found.file);
      if (list) list.push(found);
      else this.#byFile.set(found.file, [found]);
    }
    const changed = new Map<string, readonly Problem[]>();
    for (const file of new Set([...before.keys(), ...this.#byFile.keys()])) {
      const now = this.#byFile.get(file) ?? [];
      if (!sameProblems(before.get(file) ?? [], now)) changed.set(file, now);
    }
    return { rechecked: [...rechecked], changed };
  }
}

/** The keys of the pages among `ids` whose entries differ between two indexes, and of the page set when one appeared or went. */
function changedEntryKeys(before: SiteIndex, after: SiteIndex, ids: ReadonlySet<string>): string[] {
  const keys: string[] = [];
  for (const id of ids) {
    const was = before.pages.get(id);
    const is = after.pages.get(id);
    if (sameEntry(was, is)) continue;
    keys.push(readKey('page', id));
    if ((was === undefined) !== (is === undefined)) keys.push(everyKey('page'));
  }
  return keys;
}

/** The keys a change of a data file can change: its entry, its collection's key set, and whether it is invalid. */
function dataKeys(file: string): string[] {
  const found = dataFileOf(file);
  if (!found) return [];
  const invalid = [readKey(DATA_COLLECTIONS.invalid, `${found.kind}/${found.name}`), everyKey(DATA_COLLECTIONS.invalid)];
  if (found.kind === 'episodes' || found.kind === 'sources' || found.kind === 'checklists') {
    const collection = DATA_COLLECTIONS[found.kind];
    return [readKey(collection, found.name), everyKey(collection), ...invalid];
  }
  return [readKey('data', found.kind), ...invalid];
}

function fileKeys(before: ReadonlySet<string>, after: ReadonlySet<string>): string[] {
  const changed = [...before].filter((file) => !after.has(file)).concat([...after].filter((file) => !before.has(file)));
  return changed.length === 0 ? [] : [...changed.map((file) => readKey('file', file)), everyKey('file')];
}

function sameEntry(a: PageEntry | undefined, b: PageEntry | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.section === b.section &&
    a.source === b.source &&
    a.generated === b.generated &&
    a.draft === b.draft &&
    a.anchorsUnknown === b.anchorsUnknown &&
    a.anchors.size === b.anchors.size &&
    [...a.anchors].every((anchor) => b.anchors.has(anchor)) &&
    sameList(a.related, b.related) &&
    sameList(a.sources, b.sources)
  );
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item, i) => item === b[i]);

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return q !== undefined && p.rule === q.rule && p.message === q.message && p.position.line === q.position.line && p.position.column === q.position.column;
    })
  );
}
