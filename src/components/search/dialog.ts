import { READER_FILTERS, SEARCH_RANKING, SEARCH_WEIGHTS, SECTION_FILTER } from '../../site/search.ts';
import type { PagefindApi, PagefindEntry, PagefindFilters, SearchOutcome } from './engine.ts';
import type { Vocabulary, VocabularyData } from './query.ts';

type Runtime = typeof import('./runtime.ts');

/** How many results are shown at once; "Show more results" adds as many again. */
const PAGE_SIZE = 8;

interface Engine {
  pagefind: PagefindApi;
  vocabulary: Vocabulary;
  totalPages: number;
  runtime: Runtime;
}

interface PagefindModule extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}

/**
 * The search box: a button in the header that opens a dialog (also with Ctrl+K or ⌘K), where a reader
 * types a question or keywords and gets the pages that answer it, each with excerpts that read as
 * sentences and the sections that match. Pagefind and the vocabulary load when the reader reaches for
 * the search (see `#warmUp`), or when the dialog opens.
 */
class SiteSearch extends HTMLElement {
  #dialog!: HTMLDialogElement;
  #input: HTMLInputElement | undefined;
  #status!: HTMLElement;
  #results!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #filters!: HTMLElement;
  #engine: Promise<Engine> | undefined;
  #search = 0;
  /** Stops the search under way, if there is one; a newer text waits for it to stop. */
  #running: AbortController | undefined;
  #pending = false;
  #outcome: SearchOutcome | undefined;
  #shown = 0;

  connectedCallback(): void {
    const dialog = this.querySelector('dialog');
    if (!dialog) return;
    this.#dialog = dialog;
    const open = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    open.addEventListener('click', (event) => {
      event.stopPropagation();
      this.open();
    });
    open.disabled = false;
    // Apple keyboards open the search with ⌘K rather than Ctrl+K.
    const key = open.querySelector('kbd kbd');
    if (key && /Mac|iPhone|iPod|iPad/i.test(navigator.platform)) {
      key.textContent = '⌘';
      open.setAttribute('aria-keyshortcuts', 'Meta+K');
    }
    this.querySelector('button[data-close-modal]')?.addEventListener('click', () => this.#dialog.close());
    window.addEventListener('keydown', (event) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        if (this.#dialog.open) this.#dialog.close();
        else this.open();
      }
    });
    dialog.addEventListener('close', () => document.body.toggleAttribute('data-search-modal-open', false));
    // A click on the backdrop (the dialog itself, outside its frame) or on a result closes the dialog.
    dialog.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      if (target === dialog || target.closest('a')) dialog.close();
    });
    // The dev server has no index: its dialog only says how to try the search.
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) return;
    this.#input = input;
    this.#status = this.querySelector('[data-search-status]')!;
    this.#results = this.querySelector('[data-search-results]')!;
    this.#more = this.querySelector('[data-search-more]')!;
    this.#filters = this.querySelector('[data-search-filters]')!;
    dialog.addEventListener('keydown', (event) => this.#moveFocus(event));
    input.addEventListener('input', () => this.#schedule());
    this.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#results.querySelector<HTMLAnchorElement>('a')?.click();
    });
    this.#filters.addEventListener('change', () => {
      this.#countFilters();
      this.#schedule();
    });
    this.#more.addEventListener('click', () => void this.#load().then((engine) => this.#showMore(engine)));
    this.#warmUp(open);
  }

  /**
   * Starts loading the search before the dialog opens, so that the first result follows the first word
   * typed: when the reader points at, touches or tabs to the search button, and as soon as the page is
   * idle if the offline copy already holds the search (the service worker saved it when it installed, so
   * loading it costs no download). A reader who never searches on a first visit downloads nothing more.
   */
  #warmUp(button: HTMLButtonElement): void {
    const warm = () => void this.#load().catch(() => undefined);
    for (const intent of ['pointerenter', 'touchstart', 'focus']) button.addEventListener(intent, warm, { once: true });
    if (navigator.serviceWorker?.controller) (window.requestIdleCallback ?? setTimeout)(warm);
  }

  open(): void {
    this.#dialog.showModal();
    document.body.toggleAttribute('data-search-modal-open', true);
    if (!this.#input) return;
    this.#input.focus();
    this.#input.select();
    void this.#load().catch(() => undefined);
  }

  /** Pagefind, the vocabulary and the page count, loaded once, in parallel, the first time they are wanted. */
  #load(): Promise<Engine> {
    this.#engine ??= (async () => {
      const bundle = this.dataset['bundle'] ?? '/pagefind/';
      const json = <T>(url: string) => fetch(url).then((response) => response.json() as Promise<T>);
      const [pagefind, vocabulary, entry, runtime] = await Promise.all([
        import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (module: PagefindModule) => {
          await module.options({ baseUrl: this.dataset['base'] ?? '/', ranking: SEARCH_RANKING });
          // Loads the index's WebAssembly and metadata now rather than with the first word typed.
          await module.init();
          return module;
        }),
        json<VocabularyData>(this.dataset['vocabulary'] ?? ''),
        json<PagefindEntry>(`${bundle}pagefind-entry.json`),
        import('./runtime.ts'),
      ]);
      return { pagefind, vocabulary: runtime.compileVocabulary(vocabulary), totalPages: runtime.countPages(entry), runtime };
    })();
    this.#engine.catch(() => {
      this.#engine = undefined;
    });
    return this.#engine;
  }

  /**
   * Searches for what the box holds now. The first word typed is searched at once, with no typing pause
   * waited for; while a search is under way, a newer text stops it at its next step and is searched as
   * soon as it has stopped, so searches never pile up on a slow phone and the last text always wins.
   */
  #schedule(): void {
    // Results of an older text still being shown are stale from now on.
    this.#search += 1;
    if (this.#running) {
      this.#running.abort();
      this.#pending = true;
      return;
    }
    this.#pending = false;
    const controller = (this.#running = new AbortController());
    void this.#run(controller.signal)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) throw error;
      })
      .finally(() => {
        this.#running = undefined;
        if (this.#pending) this.#schedule();
      });
  }

  /** The filters the reader chose: the sections ticked (any of them), and contributor pages only when asked for. */
  #chosenFilters(withContributors = this.#contributorsWanted()): PagefindFilters {
    const sections = [...this.#filters.querySelectorAll<HTMLInputElement>('input[name="section"]:checked')].map((box) => box.value);
    return { ...(sections.length > 0 ? { [SECTION_FILTER]: { any: sections } } : {}), ...(withContributors ? {} : READER_FILTERS) };
  }

  #contributorsWanted(): boolean {
    return this.#filters.querySelector<HTMLInputElement>('input[name="contributors"]')?.checked === true;
  }

  #countFilters(): void {
    const count = this.#filters.querySelectorAll('input:checked').length;
    const badge = this.#filters.querySelector('[data-filter-count]');
    if (badge) badge.textContent = count > 0 ? ` (${count} on)` : '';
  }

  async #run(signal: AbortSignal): Promise<void> {
    const search = this.#search;
    const text = this.#input?.value.trim() ?? '';
    this.#outcome = undefined;
    this.#shown = 0;
    if (text === '') {
      this.#results.replaceChildren();
      this.#more.hidden = true;
      this.#status.textContent = '';
      return;
    }
    let engine: Engine;
    try {
      if (!this.#engine) this.#status.textContent = 'Loading the search index…';
      engine = await this.#load();
    } catch {
      if (search === this.#search) this.#status.textContent = 'The search index could not be loaded. Check your connection and try again.';
      return;
    }
    const options = { weights: SEARCH_WEIGHTS, totalPages: engine.totalPages };
    const outcome = await engine.runtime.searchSite(engine.pagefind, engine.vocabulary, text, { ...options, filters: this.#chosenFilters(), signal });
    if (search !== this.#search) return;
    this.#outcome = outcome;
    this.#results.replaceChildren();
    if (outcome.pages.length === 0) {
      await this.#reportNothing(engine, text, options, search);
      return;
    }
    const partial = (outcome.pages[0]?.matched.length ?? 0) < outcome.query.concepts.length;
    const count = `${outcome.pages.length} ${outcome.pages.length === 1 ? 'page' : 'pages'}`;
    this.#status.textContent = partial ? `${count}. No page has every word you typed; those with most of them come first.` : `${count} found.`;
    await this.#showMore(engine, search);
  }

  /** Says that nothing matched, and offers the contributor pages when they would have. */
  async #reportNothing(engine: Engine, text: string, options: { weights: typeof SEARCH_WEIGHTS; totalPages: number }, search: number): Promise<void> {
    this.#more.hidden = true;
    this.#status.textContent = `No page matches “${text}”. Check the spelling, or try other words.`;
    if (this.#contributorsWanted()) return;
    const contributors = await engine.runtime.searchSite(engine.pagefind, engine.vocabulary, text, { ...options, filters: this.#chosenFilters(true) });
    if (search !== this.#search || contributors.pages.length === 0) return;
    const show = engine.runtime.contributorsOffer(contributors.pages.length, () => {
      const box = this.#filters.querySelector<HTMLInputElement>('input[name="contributors"]');
      if (box) box.checked = true;
      this.#countFilters();
      this.#schedule();
    });
    this.#status.append(' ', show);
  }

  /** Adds the next results, each as soon as its page's text has loaded, in ranking order. */
  async #showMore(engine: Engine, search = this.#search): Promise<void> {
    const outcome = this.#outcome;
    if (!outcome) return;
    const pages = outcome.pages.slice(this.#shown, this.#shown + PAGE_SIZE);
    this.#shown += pages.length;
    this.#more.hidden = this.#shown >= outcome.pages.length;
    const fragments = pages.map((page) => page.result.data());
    for (const [index, page] of pages.entries()) {
      const fragment = await fragments[index]!;
      if (search !== this.#search) return;
      this.#results.append(engine.runtime.resultItem(page, fragment, outcome));
    }
  }

  /** Arrow keys move between the search box and the result links; Escape closes the dialog (the browser does that). */
  #moveFocus(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (!this.#input) return;
    const stops = [this.#input, ...this.#results.querySelectorAll<HTMLAnchorElement>('a')];
    const at = stops.indexOf(document.activeElement as HTMLInputElement);
    if (at === -1) return;
    const next = stops[Math.max(0, Math.min(stops.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (!next || next === stops[at]) return;
    event.preventDefault();
    next.focus();
  }
}

customElements.define('site-search', SiteSearch);
