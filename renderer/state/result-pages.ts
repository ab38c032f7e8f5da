/**
 * One search's hits, loaded page by page. The list shows a window of possibly 100,000 rows and the reader walks
 * the whole list with previous/next, so hits are fetched in pages of `pageSize` as rows come into view or as the
 * reader steps past what is loaded. One instance per search: a new query or filter makes a new one, and the old
 * one is closed so its late answers are dropped.
 */
import type { SearchHit, SearchResponse, TagCount } from '../../common/search';

/** What the first answer says about the whole list; the same on every page of one search. */
export interface ResultsSummary {
  total: number;
  tookMs: number;
  tags: TagCount[];
  notice: string | null;
  terms: string[];
}

export type PageFetcher = (offset: number, limit: number) => Promise<SearchResponse>;

export type RowState = 'loaded' | 'loading' | 'failed';

export interface ResultPagesOptions {
  /** Hits per request: big enough that scrolling rarely waits, small enough to answer in one frame or two. */
  pageSize?: number;
  /** Pages fetched at once for rows on screen; dragging the scrollbar across 100,000 rows must not flood the server. */
  maxConcurrent?: number;
}

export class ResultPages {
  readonly pageSize: number;
  private readonly maxConcurrent: number;
  private readonly pages = new Map<number, readonly SearchHit[]>();
  private readonly loading = new Map<number, Promise<void>>();
  private readonly failed = new Set<number>();
  /** Pages of the rows on screen, in order; only these are fetched in the background. */
  private wanted: number[] = [];
  private readonly listeners = new Set<() => void>();
  private closed = false;
  private summaryValue: ResultsSummary | null = null;
  private lastError: unknown = null;
  /** Bumped on every change: the snapshot React compares to know when to render again. */
  revision = 0;

  constructor(
    private readonly fetchPage: PageFetcher,
    options: ResultPagesOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 200;
    this.maxConcurrent = options.maxConcurrent ?? 2;
  }

  get summary(): ResultsSummary | null {
    return this.summaryValue;
  }

  get total(): number {
    return this.summaryValue?.total ?? 0;
  }

  /** The last failure loading a page, for the list to show in place. */
  get error(): unknown {
    return this.lastError;
  }

  /** Runs the search (its first page); rejects when the search itself failed. */
  async start(): Promise<ResultsSummary> {
    await this.load(0);
    if (this.summaryValue === null) throw new Error('The search was abandoned.');
    return this.summaryValue;
  }

  hitAt(index: number): SearchHit | undefined {
    return this.pages.get(this.pageOf(index))?.[index % this.pageSize];
  }

  rowState(index: number): RowState {
    const page = this.pageOf(index);
    if (this.pages.has(page)) return 'loaded';
    return this.failed.has(page) ? 'failed' : 'loading';
  }

  /** The hit at `index`, fetching its page first when needed (previous/next past the loaded part). */
  async hitAtLoaded(index: number): Promise<SearchHit | undefined> {
    if (index < 0 || index >= this.total) return undefined;
    if (!this.pages.has(this.pageOf(index))) await this.load(this.pageOf(index));
    // A closed search may still hold pages; its hits no longer describe the current list.
    return this.closed ? undefined : this.hitAt(index);
  }

  /** Where `id` sits among the loaded hits, or null: used to keep the open article's place when the list changes. */
  indexOf(id: string): number | null {
    for (const [page, hits] of this.pages) {
      const offset = hits.findIndex((hit) => hit.id === id);
      if (offset >= 0) return page * this.pageSize + offset;
    }
    return null;
  }

  /** Every hit loaded so far, in list order: what "select all" selects, and where a selected id's tags are. */
  loadedHits(): SearchHit[] {
    return [...this.pages.entries()].sort(([a], [b]) => a - b).flatMap(([, hits]) => hits);
  }

  /** Declares rows `first..last` (inclusive) on screen: their pages load, a few at a time, in order. */
  show(first: number, last: number): void {
    if (this.closed || last < first) return;
    const wanted: number[] = [];
    for (let page = this.pageOf(first); page <= this.pageOf(last); page++) wanted.push(page);
    this.wanted = wanted;
    // Scrolling is a fresh request: a page that failed earlier may be tried again.
    for (const page of wanted) this.failed.delete(page);
    this.pump();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stops this search: answers still in flight are ignored and listeners are no longer told anything. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.wanted = [];
  }

  private pageOf(index: number): number {
    return Math.floor(index / this.pageSize);
  }

  private pump(): void {
    for (const page of this.wanted) {
      if (this.loading.size >= this.maxConcurrent) return;
      if (this.pages.has(page) || this.loading.has(page) || this.failed.has(page)) continue;
      // The failure is kept in `error` and the rows say so; nobody awaits a background page.
      this.load(page).catch(() => undefined);
    }
  }

  private load(page: number): Promise<void> {
    const inFlight = this.loading.get(page);
    if (inFlight) return inFlight;
    const request = this.fetchPage(page * this.pageSize, this.pageSize).then(
      (response) => {
        this.loading.delete(page);
        if (this.closed) return;
        this.pages.set(page, response.hits);
        this.summaryValue ??= summaryOf(response);
        this.changed();
        this.pump();
      },
      (error: unknown) => {
        this.loading.delete(page);
        if (!this.closed) {
          this.failed.add(page);
          this.lastError = error;
          this.changed();
          this.pump();
        }
        throw error;
      },
    );
    this.loading.set(page, request);
    return request;
  }

  private changed(): void {
    this.revision++;
    for (const listener of this.listeners) listener();
  }
}

function summaryOf(response: SearchResponse): ResultsSummary {
  const { total, tookMs, tags, notice, terms } = response;
  return { total, tookMs, tags, notice, terms };
}
