/**
 * The implementation of the API in common/api.ts over one library folder. Every transport (Electron IPC,
 * HTTP, CLI) calls this class and nothing else. Reads need no lock; writes take the library lock.
 */
import path from 'node:path';
import { cleanTags } from '../../common/clean-text';
import type {
  ArgsOf,
  ArticleResource,
  LibraryHealth,
  LibraryInfo,
  OffprintApi,
  Updated,
} from '../../common/api';
import type { BackupResult, Citation, ExportFile } from '../../common/export';
import type { SavedSearch } from '../../common/saved-search';
import type { Highlight, UserData } from '../../common/user-data';
import type { ArticleNeighbour, ArticleSummary, ArticleView, StoredArticle } from '../../common/article';
import { cannotWrite, OffprintError } from '../../common/errors';
import type { ImportProgress } from '../../common/import';
import { DEFAULT_SEARCH, type SearchRequest, type SearchResponse, type TagCount } from '../../common/search';
import { ImportJob, type JobInput } from './import-job';
import { IMAGE_TYPES } from './import/image-type';
import { DEFAULT_LIMITS, type ImportLimits } from './import/limits';
import type { ExportEntry } from './export/export-articles';
import { walkInputs, type WalkItem } from './import/walk-inputs';
import { fileStamp, SegmentedIndex } from './search/engine/segmented-index';
import { hitUserData } from './search/hit-file';
import { DEFAULT_DEADLINE_MS, lagNotice, search } from './search/search-service';
import { SearchPool } from './search/search-pool';
import type { SearchJob } from './search/search-thread-protocol';
import { ArticleStore } from './store/article-store';
import { CATALOG_HEAD } from './store/catalog';
import { LIBRARY_FORMAT_VERSION, openDescriptor } from './store/descriptor';
import { hasLeftovers, removeLeftovers } from './store/leftovers';
import { LibraryLock } from './store/library-lock';
import { listQuarantine } from './store/quarantine';
import { readUserData } from './store/user-data';
import { readSavedSearches, writeSavedSearches } from './store/saved-searches';
import { newSavedSearchId, savedSearchIndex, savedSearchName } from './saved-search-edits';
import { editTagList, renameInTagList, tagName, tagsDiffer } from './tag-edits';
import { highlightIn, withHighlight, withReading } from './user-edits';
import { titleKey } from './title-key';
import { WorkerClient } from './worker-client';

const TEXT_CACHE = 2000;
/** Characters of article text the snippet cache may hold in all (bodies are bounded, not small). */
const TEXT_CACHE_CHARS = 32_000_000;

export interface LibraryOptions {
  /**
   * Make a new library when the folder is missing or empty (the default: import, the app). The CLI's read
   * commands pass false, so a mistyped path is reported instead of becoming an empty library.
   */
  create?: boolean;
  /**
   * Threads that answer searches (default 2). 0 runs each search on the calling thread, for one-shot processes
   * (the CLI) where nothing else waits; the deadline holds either way.
   */
  searchThreads?: number;
  /** Milliseconds one query may take before it answers with what it has (default 2,000). */
  searchDeadlineMs?: number;
  /** What one imported file may cost (limits.ts); the defaults where absent. */
  importLimits?: Partial<ImportLimits>;
}

/**
 * Opens a library: checks the folder and its descriptor, reads the catalog (rebuilding it after a crash or
 * damage), and, when it can write, removes what a crash left and moves damaged articles to quarantine.
 * It never needs to write: a read-only or full library opens and reads as it is.
 */
export async function openLibrary(dir: string, options: LibraryOptions = {}): Promise<Library> {
  const absolute = path.resolve(dir);
  const { problem } = await openDescriptor(absolute, options.create ?? true);
  const catalogStamp = fileStamp(path.join(absolute, CATALOG_HEAD));
  const index = new SegmentedIndex(absolute);
  await index.refresh();
  const library = new Library(absolute, await ArticleStore.open(absolute), index, catalogStamp, options);
  if (problem) library.noteRepair(problem);
  await library.saveReconciledCatalog();
  library.catchUpInBackground();
  return library;
}

export class Library implements OffprintApi {
  private readonly worker: WorkerClient;
  private readonly limits: Readonly<ImportLimits>;
  /** A second thread for index segments, so indexing a batch overlaps extracting the next. */
  private readonly indexWorker: WorkerClient;
  private readonly jobs = new Map<string, ImportJob>();
  /** Catch-ups of the index run one after another; `catchUpQueued` coalesces requests while one waits. */
  private indexChain: Promise<void> = Promise.resolve();
  private catchUpQueued: Promise<void> | null = null;
  /** A catch-up started at open, before which the index may hold nothing yet. */
  private openCatchUp: Promise<void> | null = null;
  private titles: Map<string, string> | null = null;
  private titlesRevision = -1;
  private texts = new Map<string, string>();
  private repairing: Promise<void> | null = null;
  /** Repairs made at open that no other part records (the descriptor). */
  private readonly openRepairs: string[] = [];
  private textChars = 0;
  /** True while a writer of this process holds the library lock. */
  private holdingLock = false;
  /** Serialises this process's writers; the lock file keeps other processes out. */
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** Where searches run; null runs them on this thread. */
  private readonly searchPool: SearchPool | null;
  private readonly searchDeadlineMs: number;

  constructor(
    readonly path: string,
    private readonly store: ArticleStore,
    private readonly index: SegmentedIndex,
    private catalogStamp: string,
    options: LibraryOptions = {},
  ) {
    const threads = options.searchThreads ?? 2;
    this.searchPool = threads > 0 ? new SearchPool(threads) : null;
    this.searchDeadlineMs = options.searchDeadlineMs ?? DEFAULT_DEADLINE_MS;
    this.limits = { ...DEFAULT_LIMITS, ...options.importLimits };
    this.worker = new WorkerClient({ limits: this.limits });
    // The index worker cuts bodies imported before the body limit existed to the same limit.
    this.indexWorker = new WorkerClient({ limits: this.limits });
  }

  /** The extraction worker, for tests that check a stopped thread was replaced. */
  get extractionWorker(): WorkerClient {
    return this.worker;
  }

  // ---- reads -------------------------------------------------------------------------------------------

  async libraryInfo(_args: Record<string, never> = {}): Promise<LibraryInfo> {
    await this.refreshIfChanged();
    return { path: this.path, articles: this.store.size, formatVersion: LIBRARY_FORMAT_VERSION };
  }

  async list(_args: Record<string, never> = {}): Promise<ArticleSummary[]> {
    await this.refreshIfChanged();
    return [...this.store.all()]
      .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title))
      .map(({ id, title, published, tags, site, read, starred }) => ({
        id,
        title,
        published,
        tags,
        site,
        read,
        starred,
      }));
  }

  /** Damage found and repaired, and what is in quarantine: for `offprint doctor` and the app's notice. */
  async libraryHealth(_args: Record<string, never> = {}): Promise<LibraryHealth> {
    await this.refreshIfChanged();
    return {
      repairs: [...this.openRepairs, ...this.store.repairs, ...this.index.problems],
      unrepaired: this.store.damagedArticles.map(
        (d) => `${d.reason} (not moved: the library could not be written)`,
      ),
      quarantined: (await listQuarantine(this.path)).map(({ id, folder, reason, at }) => ({
        id,
        folder,
        reason,
        at,
      })),
    };
  }

  /**
   * Checks every article (article.json whole, original present and matching its id), moves damaged ones to
   * quarantine, rebuilds the catalog, and brings the index up to date. Takes the lock.
   */
  async doctor(): Promise<LibraryHealth> {
    await this.withLock(async () => {
      await this.store.load({ verify: true });
      await removeLeftovers(this.path);
      await this.store.commit();
      await this.catchUpLocked();
    });
    this.texts.clear();
    return this.libraryHealth({});
  }

  /** Quarantines what reading found damaged, when the library can be written (awaited by `close`). */
  private repairSoon(): void {
    this.repairing ??= this.saveReconciledCatalog()
      .catch(() => {})
      .finally(() => {
        this.repairing = null;
      });
  }

  noteRepair(text: string): void {
    this.openRepairs.push(text);
  }

  async tags(_args: Record<string, never> = {}): Promise<TagCount[]> {
    const response = await this.search({ ...DEFAULT_SEARCH, sort: 'date', limit: 0 });
    return response.tags;
  }

  async getArticle({ id }: ArgsOf<'getArticle'>): Promise<ArticleView> {
    await this.refreshIfChanged();
    try {
      const article = await this.store.readArticle(id);
      return this.view(article, await readUserData(this.store.articleDir(id)));
    } catch (error) {
      if (this.store.damagedArticles.length) this.repairSoon();
      throw error;
    }
  }

  async getResource({ id, name }: ArgsOf<'getResource'>): Promise<ArticleResource> {
    const bytes = await this.store.readResource(id, name);
    return { mediaType: mediaTypeOf(name), data: Buffer.from(bytes).toString('base64') };
  }

  // ---- citations, export, backup -----------------------------------------------------------------------

  async cite({ ids, format }: ArgsOf<'cite'>): Promise<Citation> {
    const articles = await this.articlesFor(ids);
    // citation-js is loaded when a citation is first asked for, not with every library (the CLI's start-up).
    const { citeArticles } = await import('./export/cite');
    return citeArticles(articles, format);
  }

  async exportArticles({ ids, format }: ArgsOf<'exportArticles'>): Promise<ExportFile> {
    const entries: ExportEntry[] = [];
    for (const article of await this.articlesFor(ids)) {
      const images = new Map<string, string>();
      if (format === 'html')
        for (const name of article.resources) {
          const bytes = await this.store.readResource(article.id, name);
          images.set(name, `data:${mediaTypeOf(name)};base64,${Buffer.from(bytes).toString('base64')}`);
        }
      entries.push({ article, user: await readUserData(this.store.articleDir(article.id)), images });
    }
    const { exportFile } = await import('./export/export-articles');
    return exportFile(entries, format);
  }

  /**
   * Writes the whole library to one zip (export/backup-format.ts) under the lock, so no import or edit
   * commits while article folders are read. Restored by importing the zip (export/restore-backup.ts).
   */
  async backup({ path: target }: ArgsOf<'backup'>): Promise<BackupResult> {
    return this.withLock(async () => {
      const { writeBackup } = await import('./export/write-backup');
      return writeBackup(
        {
          libraryDir: this.path,
          articles: [...this.store.all()],
          articleDir: (id) => this.store.articleDir(id),
        },
        target,
      );
    });
  }

  // ---- search ------------------------------------------------------------------------------------------

  async search(request: SearchRequest): Promise<SearchResponse> {
    await this.refreshIfChanged();
    if (!this.searchPool) return this.searchHere(request);
    // Taken before the search is sent: the catch-up may end while the search thread answers from the index as
    // it was, and an answer of "nothing indexed" must then still wait for it and ask again.
    const building = this.openCatchUp;
    let answer = await this.searchPool.run(this.searchJob(request));
    // A library whose index is being built from nothing (an upgrade, a lost index): wait for it rather than
    // answer "no hits"; otherwise answer from what is indexed and say what is not yet.
    if (answer.indexed === 0 && this.store.size > 0 && building) {
      await building;
      await this.refreshIfChanged();
      answer = await this.searchPool.run(this.searchJob(request));
    }
    return answer.response;
  }

  /** Searches now running or waiting for a search thread (0 when searches run on this thread). */
  get searchesInFlight(): number {
    return this.searchPool?.inFlight ?? 0;
  }

  /** What a search thread needs to answer as this library would. */
  private searchJob(request: SearchRequest): SearchJob {
    return {
      libraryDir: this.path,
      request,
      revision: this.store.currentRevision,
      removed: this.index.removedFor(this.store),
      articles: this.store.size,
      deadlineMs: this.searchDeadlineMs,
    };
  }

  /** A search on this thread: only where nothing else waits for it (one-shot CLI commands). */
  private async searchHere(request: SearchRequest): Promise<SearchResponse> {
    let view = this.index.current(this.store);
    if (view.set.liveCount === 0 && this.store.size > 0 && this.openCatchUp) {
      await this.openCatchUp;
      view = this.index.current(this.store);
    }
    return search(request, {
      ...view,
      hitSource: async (id) => {
        const entry = this.store.get(id);
        if (!entry) throw new OffprintError('not-found', `No article with id ${id} in this library.`);
        const [text, user] = await Promise.all([this.textOf(id), hitUserData(this.store.articleDir(id))]);
        return { ...entry, text, user };
      },
      lag: lagNotice(this.store.size, view.set.liveCount),
      deadlineMs: this.searchDeadlineMs,
    });
  }

  // ---- writes ------------------------------------------------------------------------------------------

  async setTags({ id, tags }: ArgsOf<'setTags'>): Promise<ArticleView> {
    const updated = await this.withLock(async () => {
      // Tags typed by a person or sent by any API client are held to the same rules as imported ones.
      const article = await this.store.setTags(id, cleanTags(tags));
      // Only this article is indexed again (into the newest segment); the old copy becomes a tombstone.
      await this.catchUpLocked();
      return article;
    });
    return this.view(updated, await readUserData(this.store.articleDir(id)));
  }

  // ---- reading state, highlights, notes ----------------------------------------------------------------

  async setReading({ ids, read, starred }: ArgsOf<'setReading'>): Promise<Updated> {
    const now = new Date().toISOString();
    return this.changeUserData(ids, (data) => withReading(data, { read, starred }, now));
  }

  async setPosition({ id, position }: ArgsOf<'setPosition'>): Promise<Updated> {
    // Search does not see the position: user.json alone is written, and nothing is indexed again.
    return this.changeUserData([id], (data) => ({ ...data, reading: { ...data.reading, position } }));
  }

  async addHighlight(args: ArgsOf<'addHighlight'>): Promise<Highlight> {
    let added: Highlight | undefined;
    await this.changeUserData([args.id], (data) => {
      added = withHighlight(data, args, new Date().toISOString());
      return data;
    });
    return added!;
  }

  async updateHighlight({ id, highlightId, color, note }: ArgsOf<'updateHighlight'>): Promise<Highlight> {
    let updated: Highlight | undefined;
    await this.changeUserData([id], (data) => {
      const highlight = highlightIn(data, id, highlightId);
      if (color !== undefined) highlight.color = color;
      if (note !== undefined) highlight.note = note;
      highlight.modified = new Date().toISOString();
      updated = highlight;
      return data;
    });
    return updated!;
  }

  async removeHighlight({ id, highlightId }: ArgsOf<'removeHighlight'>): Promise<Updated> {
    return this.changeUserData([id], (data) => {
      const highlight = highlightIn(data, id, highlightId);
      return { ...data, highlights: data.highlights.filter((h) => h !== highlight) };
    });
  }

  async setNote({ id, note }: ArgsOf<'setNote'>): Promise<Updated> {
    return this.changeUserData([id], (data) => ({ ...data, note }));
  }

  /** One change to many articles' user.json under the lock; one index catch-up for what search sees. */
  private async changeUserData(
    ids: readonly string[],
    change: (data: UserData, id: string) => UserData,
  ): Promise<Updated> {
    return this.withLock(async () => {
      const { written, reindex } = await this.store.updateUserData(ids, change);
      if (reindex > 0) await this.catchUpLocked();
      return { updated: written.length };
    });
  }

  // ---- tags across the library -------------------------------------------------------------------------

  async editTags({ ids, add, remove }: ArgsOf<'editTags'>): Promise<Updated> {
    return this.withLock(async () => {
      const changes = new Map<string, string[]>();
      for (const id of new Set(ids)) {
        const entry = this.store.get(id);
        if (!entry) throw new OffprintError('not-found', `No article with id ${id} in this library.`);
        const tags = editTagList(entry.tags, add, remove);
        if (tagsDiffer(tags, entry.tags)) changes.set(id, tags);
      }
      return this.writeTags(changes);
    });
  }

  async renameTag({ from, to }: ArgsOf<'renameTag'>): Promise<Updated> {
    const source = tagName(from, 'from');
    const target = tagName(to, 'to');
    return this.withLock(async () => {
      const changes = new Map<string, string[]>();
      for (const entry of this.store.all()) {
        const tags = renameInTagList(entry.tags, source, target);
        if (tagsDiffer(tags, entry.tags)) changes.set(entry.id, tags);
      }
      return this.writeTags(changes);
    });
  }

  /** New tags for many articles: one catalog commit, then one index catch-up for all of them. */
  private async writeTags(changes: ReadonlyMap<string, string[]>): Promise<Updated> {
    if (changes.size === 0) return { updated: 0 };
    await this.store.setTagsOf(changes);
    await this.catchUpLocked();
    return { updated: changes.size };
  }

  // ---- saved searches ----------------------------------------------------------------------------------

  async savedSearches(_args: Record<string, never> = {}): Promise<SavedSearch[]> {
    return readSavedSearches(this.path);
  }

  async saveSearch({ name, criteria }: ArgsOf<'saveSearch'>): Promise<SavedSearch> {
    return this.withLock(async () => {
      const searches = await readSavedSearches(this.path);
      const { offset: _o, limit: _l, ...defaults } = DEFAULT_SEARCH;
      const saved: SavedSearch = {
        id: newSavedSearchId(searches),
        name: savedSearchName(name, searches),
        criteria: { ...defaults, ...criteria },
        created: new Date().toISOString(),
      };
      await writeSavedSearches(this.path, [...searches, saved]);
      return saved;
    });
  }

  async renameSavedSearch({ id, name }: ArgsOf<'renameSavedSearch'>): Promise<SavedSearch> {
    return this.withLock(async () => {
      const searches = await readSavedSearches(this.path);
      const at = savedSearchIndex(searches, id);
      const renamed = { ...searches[at]!, name: savedSearchName(name, searches, id) };
      await writeSavedSearches(this.path, searches.with(at, renamed));
      return renamed;
    });
  }

  async deleteSavedSearch({ id }: ArgsOf<'deleteSavedSearch'>): Promise<Updated> {
    return this.withLock(async () => {
      const searches = await readSavedSearches(this.path);
      const at = savedSearchIndex(searches, id);
      await writeSavedSearches(
        this.path,
        searches.filter((_, i) => i !== at),
      );
      return { updated: 1 };
    });
  }

  // ---- imports -----------------------------------------------------------------------------------------

  async importPaths({ paths, folderTags }: ArgsOf<'importPaths'>): Promise<ImportProgress> {
    return this.startJob(walkInputs(paths, folderTags));
  }

  async importFiles({ files }: ArgsOf<'importFiles'>): Promise<ImportProgress> {
    async function* uploaded(): AsyncGenerator<JobInput> {
      for (const file of files) {
        // Only the base name: an uploaded name must never become a path.
        yield {
          name: path.basename(file.name.replace(/\\/g, '/')),
          path: null,
          bytes: Buffer.from(file.data, 'base64'),
          folderTags: [],
        };
      }
    }
    return this.startJob(uploaded());
  }

  /**
   * Imports files an upload wrote to disk (the browser mode streams uploads there): `name` is shown and
   * sniffed, `path` is read. `removeStaged` runs once the job has ended, whatever its outcome.
   */
  importStaged(
    files: Array<{ name: string; path: string }>,
    removeStaged: () => Promise<void>,
  ): ImportProgress {
    async function* staged(): AsyncGenerator<JobInput> {
      for (const { name, path: file } of files) yield { name, path: file, bytes: null, folderTags: [] };
    }
    const progress = this.startJob(staged());
    void this.job(progress.jobId)
      .finished.finally(removeStaged)
      .catch(() => {});
    return progress;
  }

  async importStatus({ jobId }: ArgsOf<'importStatus'>): Promise<ImportProgress> {
    return this.job(jobId).status();
  }

  async cancelImport({ jobId }: ArgsOf<'cancelImport'>): Promise<ImportProgress> {
    const job = this.job(jobId);
    job.cancel();
    return job.status();
  }

  /** Resolves when the job has ended and the search index covers what it imported. */
  async waitForImport(jobId: string): Promise<ImportProgress> {
    // The job itself brings the index up to date before it ends (see ImportJob's afterImport).
    return this.job(jobId).finished;
  }

  /** Resolves when the search index matches the library (indexing what it lacks, under the lock). */
  async whenIndexed(): Promise<void> {
    await this.refreshIfChanged();
    if (!this.index.behind(this.store)) return;
    await this.withLock(() => this.catchUpLocked());
  }

  /** Merges the whole index into one segment without tombstones (as a background merge would, at once). */
  async compactIndex(): Promise<void> {
    await this.withLock(async () => {
      await this.indexChain;
      await this.index.compact(this.store, this.indexWorker);
    });
  }

  /** Segments, live and dead documents of the index. */
  async indexStats(): Promise<ReturnType<SegmentedIndex['stats']>> {
    await this.refreshIfChanged();
    return this.index.stats(this.store);
  }

  /** Problems found in the index and dealt with (segments rebuilt). */
  get indexProblems(): readonly string[] {
    return this.index.problems;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.jobs.values()].map((j) => (j.cancel(), j.finished)));
    await this.openCatchUp?.catch(() => {});
    await this.repairing;
    await this.indexChain.catch(() => {});
    this.index.close();
    await Promise.all([this.worker.close(), this.indexWorker.close(), this.searchPool?.close()]);
  }

  // ---- internals ---------------------------------------------------------------------------------------

  private startJob(inputs: AsyncIterable<WalkItem | JobInput>): ImportProgress {
    const job = new ImportJob(
      this.store,
      this.worker,
      inputs,
      (work) => this.withLock(work),
      () => this.catchUpLocked(),
      this.limits.fileTimeoutMs,
    );
    this.jobs.set(job.id, job);
    return job.status();
  }

  /** The articles named, in the order given (each once); an unknown id is an error that names it. */
  private async articlesFor(ids: readonly string[]): Promise<StoredArticle[]> {
    await this.refreshIfChanged();
    if (ids.length === 0) throw new OffprintError('invalid-argument', 'No article ids were given.');
    const articles: StoredArticle[] = [];
    for (const id of new Set(ids)) articles.push(await this.store.readArticle(id));
    return articles;
  }

  private job(jobId: string): ImportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new OffprintError('not-found', `No import job ${jobId}.`);
    return job;
  }

  private withLock<T>(work: () => Promise<T>): Promise<T> {
    const run = async () => {
      const lock = await LibraryLock.acquire(this.path);
      try {
        // Another process may have committed since we last read the catalog: start from what is on disk, or
        // this process's stale copy would be written over theirs.
        await this.refreshIfChanged();
        this.holdingLock = true;
        return await work();
      } finally {
        this.holdingLock = false;
        await lock.release();
        this.catalogStamp = fileStamp(path.join(this.path, CATALOG_HEAD));
      }
    };
    const result = this.writeQueue.then(run, run);
    this.writeQueue = result.catch(() => {});
    return result;
  }

  /**
   * After a crash or damage the catalog was rebuilt in memory: save it, remove the crash's leftovers and
   * quarantine what is damaged, unless another process is writing or the library cannot be written (then
   * the library is read as it is, and the next writer repairs it).
   */
  async saveReconciledCatalog(): Promise<void> {
    if (!this.store.needsCommit && !(await hasLeftovers(this.path))) return;
    try {
      await this.withLock(async () => {
        await removeLeftovers(this.path);
        if (this.store.needsCommit) await this.store.commit();
      });
    } catch (error) {
      if (!this.readOnlyOrBusy(error)) throw error;
    }
  }

  /** Errors that leave a library readable as it is: locked by another writer, read-only, full. */
  private readOnlyOrBusy(error: unknown): boolean {
    if (error instanceof OffprintError && error.kind === 'locked') return true;
    const cause = error instanceof OffprintError ? (error.cause ?? error) : error;
    return (
      cannotWrite(cause) ||
      (error instanceof OffprintError && /read-only|disk is full|quota|permission/.test(error.message))
    );
  }

  /** Another process (the CLI beside the app) may have changed the library: reload when the catalog did. */
  private async refreshIfChanged(): Promise<void> {
    const stamp = fileStamp(path.join(this.path, CATALOG_HEAD));
    // While this process holds the lock, the catalog on disk is the one it is writing: its memory is newer
    // (reloading then would mistake the running batch's temporary files for a crash's leftovers).
    if (stamp !== this.catalogStamp && !this.holdingLock) {
      this.catalogStamp = stamp;
      await this.store.load();
      this.texts.clear();
      this.textChars = 0;
    }
    await this.index.refresh();
  }

  /** Indexes what the catalog holds beyond the index; the caller holds the library lock. */
  private catchUpLocked(): Promise<void> {
    if (this.catchUpQueued) return this.catchUpQueued;
    const run = () => {
      this.catchUpQueued = null;
      return this.index.catchUp(this.store, this.indexWorker);
    };
    const queued = this.indexChain.then(run, run);
    this.catchUpQueued = queued;
    this.indexChain = queued.catch(() => {});
    return queued;
  }

  /** At open: index what the index lacks (after a crash, an upgrade or damage) unless another process writes. */
  catchUpInBackground(): void {
    if (!this.index.hasWork(this.store)) return;
    this.openCatchUp = this.withLock(() => this.catchUpLocked())
      .catch((error: unknown) => {
        // Another process holds the lock (it is writing, and indexes as it goes), or the library cannot be
        // written: search answers from the index as it is.
        if (!this.readOnlyOrBusy(error)) throw error;
      })
      .finally(() => {
        this.openCatchUp = null;
      });
  }

  private async textOf(id: string): Promise<string> {
    let text = this.texts.get(id);
    if (text === undefined) {
      // A damaged article leaves the list (see ArticleStore.readArticle); the search still answers.
      text = await this.store.readArticle(id).then(
        (article) => article.text,
        () => {
          this.repairSoon();
          return '';
        },
      );
      // Bounded in entries and in characters, oldest first out.
      while (
        this.texts.size &&
        (this.texts.size >= TEXT_CACHE || this.textChars + text.length > TEXT_CACHE_CHARS)
      ) {
        const [oldest, old] = this.texts.entries().next().value!;
        this.texts.delete(oldest);
        this.textChars -= old.length;
      }
      this.texts.set(id, text);
      this.textChars += text.length;
    }
    return text;
  }

  private neighbour(title: string | null): ArticleNeighbour | null {
    if (!title) return null;
    if (!this.titles || this.titlesRevision !== this.store.currentRevision) {
      this.titles = new Map();
      for (const e of this.store.all())
        if (!this.titles.has(titleKey(e.title))) this.titles.set(titleKey(e.title), e.id);
      this.titlesRevision = this.store.currentRevision;
    }
    return { title, id: this.titles.get(titleKey(title)) ?? null };
  }

  private view(article: StoredArticle, user: UserData): ArticleView {
    const { formatVersion: _v, encoding: _e, original: _o, previousTitle, nextTitle, ...shown } = article;
    return { ...shown, previous: this.neighbour(previousTitle), next: this.neighbour(nextTitle), user };
  }
}

// From the kept image types themselves, so a type the import keeps is never served as bytes; plus `.jpeg`
// (restored from older libraries) and SVG, which imports never keep but a restored folder can hold.
const MEDIA_TYPES: Record<string, string> = {
  ...Object.fromEntries(IMAGE_TYPES.map((t) => [t.extension.slice(1), t.mediaType])),
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
};

function mediaTypeOf(name: string): string {
  return MEDIA_TYPES[path.extname(name).slice(1).toLowerCase()] ?? 'application/octet-stream';
}
