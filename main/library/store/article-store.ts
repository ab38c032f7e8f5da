/**
 * The archive on disk. Layout (also documented in the README, "Where the library lives"):
 *
 *   offprint-library.json             descriptor with the library format version
 *   index/catalog/                    every article's metadata, derived from the article files (catalog.ts)
 *   articles/<aa>/<id>/article.json   the extracted article (versioned), <aa> = first two id characters
 *   articles/<aa>/<id>/original.<ext> the imported bytes, verbatim
 *   articles/<aa>/<id>/resources/…    local images of the article
 *   import.journal                    present while a batch is being written; on open it means "reconcile"
 *   index/segments/, manifest.json    the search index (see search/engine/), derived like the catalog
 *
 * Articles are written before the catalog names them, so a crash leaves at worst article files the
 * catalog does not know yet; the journal makes the next open find and adopt them. Nothing is ever
 * overwritten: an id is the hash of the original bytes, and a new version of a page gets a new id.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { StoredArticle } from '../../../common/article';
import type { UserData } from '../../../common/user-data';
import { ARTICLE_FORMAT_VERSION } from '../../../common/article';
import { inWords, OffprintError } from '../../../common/errors';
import type { ImportOutcome } from '../import/importer';
import {
  CATALOG_HEAD,
  type CatalogEntry,
  checkArticleVersion,
  commitCatalog,
  readCatalog,
  toCatalogEntry,
} from './catalog';
import { fsyncDirectory, writeFileDurable, writeTempSynced } from './durable-write';
import { articleId, inspectArticle, readdirOrEmpty } from './article-folder';
import { lockHeldByAnotherProcess } from './library-lock';
import { moveToQuarantine } from './quarantine';
import { mapLimited, settleLimited } from './limited';
import { safeResourceName } from '../resource-name';
import {
  readUserData,
  readUserFlagsLenient,
  searchSeesChange,
  userFlags,
  writeUserData,
  type UserFlags,
} from './user-data';

export { articleId };

export const JOURNAL_FILE = 'import.journal';

export type ArticleOutcome = Extract<ImportOutcome, { kind: 'article' }>;

interface StagedArticle {
  entry: CatalogEntry;
  /** Temporary files and the names they get on commit. */
  files: Array<{ temp: string; target: string }>;
  /** Folders whose new entries must be fsynced. */
  dirs: string[];
}

/** An article folder found damaged: moved to quarantine by the next writer (see `repair`). */
export interface DamagedArticle {
  id: string;
  dir: string;
  reason: string;
  /** Found by hashing the original (doctor): looked at again the same way before it is moved. */
  verify?: boolean;
}

export type AddResult =
  | { kind: 'imported'; id: string; title: string; versionOf: string | null }
  | { kind: 'duplicate'; id: string };

export class ArticleStore {
  private entries = new Map<string, CatalogEntry>();
  /** Revision at which each entry was last written (see catalog.ts). */
  private revisions = new Map<string, number>();
  /** Lines per catalog shard, for compaction. */
  private shardLines = new Map<string, number>();
  /** Entries written since the last commit, and whether the whole catalog must be rewritten. */
  private changed = new Set<string>();
  private rewriteAll = false;
  private revision = 0;
  private dirty = false;
  /** Ids being written right now: adds run concurrently, and the same bytes twice in one batch are one article. */
  private reserved = new Set<string>();
  /** Temporary files of a batch a crash cut short, removed by the next commit (which holds the lock). */
  private strayTemps: string[] = [];
  /** Article folders a crash left before their article.json was in place: removed by the next commit. */
  private cutShort: string[] = [];
  /** Damaged articles found by reconcile or on reading, not yet in quarantine. */
  private damaged = new Map<string, DamagedArticle>();
  /** What the last repair did, for the user (doctor, the app's notice). */
  readonly repairs: string[] = [];
  /** Articles written to temporary files, made durable and visible together by `commit`. */
  private staged = new Map<string, StagedArticle>();
  /** Ids of a batch being committed: no longer staged, not yet in `entries`, still not importable again. */
  private committing = new Set<string>();
  /**
   * Whether this process has written (or is writing) the journal of a batch in progress. Apart from `dirty`,
   * which a damaged article noted on reading or an older catalog also sets: a batch staged then must still
   * write its journal first, or a crash leaves its temporary files where no later open looks for them.
   */
  private journalOpen = false;
  /** Journal writes and removals, in the order they were asked for (a new batch may start while one ends). */
  private journalOps: Promise<void> = Promise.resolve();
  /** How many times the catalog was (re)read: part of stateKey. */
  private loads = 0;

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<ArticleStore> {
    const store = new ArticleStore(dir);
    await store.load();
    return store;
  }

  /** (Re)reads the catalog; reconciles with the article files when a batch was interrupted or the catalog is gone. */
  async load(options: { verify?: boolean } = {}): Promise<void> {
    const catalog = await readCatalog(this.dir).catch((error: unknown) => {
      if (error instanceof OffprintError) throw error;
      throw new OffprintError('failed', inWords(error));
    });
    // A journal beside a lock another live process holds is that process's batch in progress, not a crash's:
    // reconciling then would scan every article folder at each refresh, adopt files not yet committed, and give
    // this process a revision of its own that the writer's next commit reuses for other contents.
    const interrupted =
      (await exists(path.join(this.dir, JOURNAL_FILE))) && !(await lockHeldByAnotherProcess(this.dir));
    this.loads++;
    this.entries = catalog?.entries ?? new Map();
    this.revisions = catalog?.revisions ?? new Map();
    this.shardLines = catalog?.lines ?? new Map();
    this.revision = catalog?.revision ?? 0;
    this.changed.clear();
    this.rewriteAll = catalog?.legacy ?? false;
    if (catalog?.legacy) this.dirty = true;
    if (!catalog && (await exists(path.join(this.dir, 'index', 'catalog', 'head.json'))))
      this.repairs.push('the catalog was damaged; rebuilt from the article files');
    if (!catalog || interrupted || options.verify) await this.reconcile(options.verify ?? false);
  }

  /** Damaged articles found and not yet moved to quarantine. */
  get damagedArticles(): DamagedArticle[] {
    return [...this.damaged.values()];
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The catalog state this process holds, as a cache key: its revision, and which load it came from. A
   * reconcile after a crash gives this process a revision of its own, which the next writer may reuse for other
   * contents: caches keyed by the revision alone would then answer from the state before.
   */
  get stateKey(): string {
    return `${this.loads}:${this.revision}`;
  }

  get currentRevision(): number {
    return this.revision;
  }

  all(): IterableIterator<CatalogEntry> {
    return this.entries.values();
  }

  get(id: string): CatalogEntry | undefined {
    return this.entries.get(id);
  }

  /** The revision at which the entry was last written (0 when unknown). */
  revisionOf(id: string): number {
    return this.revisions.get(id) ?? 0;
  }

  articleDir(id: string): string {
    return path.join(this.dir, 'articles', id.slice(0, 2), id);
  }

  async readArticle(id: string): Promise<StoredArticle> {
    if (!this.entries.has(id))
      throw new OffprintError('not-found', `No article with id ${id} in this library.`);
    const file = path.join(this.articleDir(id), 'article.json');
    let raw: string;
    try {
      raw = await fs.readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new OffprintError('failed', inWords(error));
      throw this.noteDamage(id, `its article.json is missing`);
    }
    let parsed: Partial<StoredArticle>;
    try {
      parsed = JSON.parse(raw) as Partial<StoredArticle>;
    } catch {
      throw this.noteDamage(id, `its article.json is damaged (not valid JSON)`);
    }
    if (parsed.id !== id) throw this.noteDamage(id, `its article.json is damaged (it names another id)`);
    return checkArticleVersion(parsed, file);
  }

  /**
   * Records an article found damaged while reading: it leaves the list now (in memory; the next writer saves
   * that and moves it to quarantine), and the reader gets an error that says so.
   */
  private noteDamage(id: string, reason: string): OffprintError {
    this.damaged.set(id, { id, dir: this.articleDir(id), reason: `article ${id}: ${reason}` });
    if (this.entries.delete(id)) {
      this.revision++;
      this.changed.add(id);
      this.dirty = true;
    }
    return new OffprintError(
      'failed',
      `Article ${id} is damaged (${reason}); it was taken out of the library. Run "offprint doctor" for details.`,
    );
  }

  /** Adds one extracted article; the caller holds the library lock and calls `commit` at the end of the batch. */
  async add(outcome: ArticleOutcome): Promise<AddResult> {
    const id = articleId(outcome.original);
    if (this.entries.has(id) || this.staged.has(id) || this.reserved.has(id) || this.committing.has(id))
      return { kind: 'duplicate', id };
    this.reserved.add(id);
    try {
      const staged = await this.stage(id, outcome);
      this.staged.set(id, staged);
      return { kind: 'imported', id, title: staged.entry.title, versionOf: staged.entry.previousVersion };
    } catch (error) {
      if (error instanceof OffprintError) throw error;
      throw new OffprintError('failed', inWords(error));
    } finally {
      this.reserved.delete(id);
    }
  }

  private async stage(id: string, outcome: ArticleOutcome): Promise<StagedArticle> {
    await this.openJournal();
    const dir = this.articleDir(id);
    await fs.mkdir(dir, { recursive: true });
    const files: StagedArticle['files'] = [];
    const stageFile = async (target: string, data: Uint8Array | string) => {
      files.push({ temp: await writeTempSynced(target, data), target });
    };
    const originalFile = `original${safeExtension(outcome.originalName)}`;
    const resources: string[] = [];
    for (const resource of outcome.resources) {
      // Resource names come from imported content: keep only a plain file name so nothing escapes the folder.
      const name = safeResourceName(resource.name);
      if (!name || resources.includes(name)) continue;
      if (resources.length === 0) await fs.mkdir(path.join(dir, 'resources'), { recursive: true });
      await stageFile(path.join(dir, 'resources', name), resource.bytes);
      resources.push(name);
    }
    const article: StoredArticle = {
      ...outcome.article,
      formatVersion: ARTICLE_FORMAT_VERSION,
      id,
      source: storedSource(outcome.source),
      importer: outcome.importer,
      encoding: outcome.encoding,
      original: originalFile,
      importedAt: new Date().toISOString(),
      previousVersion: this.latestWithUrl(outcome.article.url),
      resources,
    };
    await stageFile(path.join(dir, originalFile), outcome.original);
    await stageFile(path.join(dir, 'article.json'), JSON.stringify(article, null, 1));
    const dirs = [dir, path.dirname(dir), path.dirname(path.dirname(dir))];
    if (resources.length) dirs.push(path.join(dir, 'resources'));
    return { entry: toCatalogEntry(article), files, dirs };
  }

  /**
   * Adds an article folder restored from a backup with its files as they were (its article.json too, so its
   * import date and every field are kept): staged and committed like an import's, article.json renamed last.
   * `files` are paths inside the folder (`original.html`, `resources/a.png`, `user.json`), checked by the caller.
   */
  async addRestored(
    article: StoredArticle,
    files: ReadonlyArray<{ name: string; bytes: Uint8Array }>,
    flags?: UserFlags,
  ): Promise<AddResult> {
    const id = article.id;
    if (this.entries.has(id) || this.staged.has(id) || this.reserved.has(id) || this.committing.has(id))
      return { kind: 'duplicate', id };
    this.reserved.add(id);
    try {
      await this.openJournal();
      const dir = this.articleDir(id);
      await fs.mkdir(dir, { recursive: true });
      const staged: StagedArticle = {
        entry: toCatalogEntry(article, flags),
        files: [],
        dirs: [dir, path.dirname(dir), path.dirname(path.dirname(dir))],
      };
      for (const file of files) {
        const target = path.join(dir, ...file.name.split('/'));
        const folder = path.dirname(target);
        if (!staged.dirs.includes(folder)) {
          await fs.mkdir(folder, { recursive: true });
          staged.dirs.push(folder);
        }
        staged.files.push({ temp: await writeTempSynced(target, file.bytes), target });
      }
      this.staged.set(id, staged);
      return { kind: 'imported', id, title: article.title, versionOf: article.previousVersion };
    } catch (error) {
      if (error instanceof OffprintError) throw error;
      throw new OffprintError('failed', inWords(error));
    } finally {
      this.reserved.delete(id);
    }
  }

  /** Replaces an article's tags; rewrites its article.json atomically. */
  async setTags(id: string, tags: string[]): Promise<StoredArticle> {
    const [updated] = await this.setTagsOf(new Map([[id, tags]]));
    return updated!;
  }

  /**
   * Replaces the tags of many articles in one commit: one revision, so the index takes them in one catch-up.
   * Every article is read before any is written, so an unknown or unreadable one changes nothing.
   */
  async setTagsOf(changes: ReadonlyMap<string, string[]>): Promise<StoredArticle[]> {
    const articles = await mapLimited([...changes.keys()], (id) => this.readArticle(id));
    const updated = articles.map((article) => {
      const tags = changes.get(article.id)!;
      return { ...article, tags: [...new Set(tags.map((t) => t.trim()).filter(Boolean))] };
    });
    if (updated.length === 0) return [];
    // The journal covers the moment article.json and the catalog disagree: a crash there is reconciled.
    await this.openJournal();
    const written = await settleLimited(updated, (article) =>
      writeFileDurable(
        path.join(this.articleDir(article.id), 'article.json'),
        JSON.stringify(article, null, 1),
      ),
    );
    this.revision++;
    for (const article of written.done) {
      const before = this.entries.get(article.id);
      this.entries.set(article.id, toCatalogEntry(article, before));
      this.revisions.set(article.id, this.revision);
      this.changed.add(article.id);
    }
    await this.commit();
    if (written.error) throw written.error;
    return updated;
  }

  /**
   * Changes the user data (user.json) of articles; the caller holds the library lock. `change` gets a copy of
   * each article's user data and returns it changed; it may throw to refuse. Everything is read and changed in
   * memory first, so an unknown article, a refused change or a user.json from a newer Offprint writes nothing.
   * A change search sees (read, starred, note, highlights) updates the catalog entry at a new revision, under
   * the journal, so the index takes that article again; the caller then catches the index up once.
   * Returns the articles whose user.json was written, and how many of them search must index again.
   */
  async updateUserData(
    ids: readonly string[],
    change: (data: UserData, id: string) => UserData,
  ): Promise<{ written: string[]; reindex: number }> {
    const unique = [...new Set(ids)];
    for (const id of unique)
      if (!this.entries.has(id))
        throw new OffprintError('not-found', `No article with id ${id} in this library.`);
    const before = await mapLimited(unique, (id) => readUserData(this.articleDir(id)));
    const planned = unique.flatMap((id, i) => {
      const old = before[i]!;
      const next = change(structuredClone(old), id);
      return JSON.stringify(next) === JSON.stringify(old)
        ? []
        : [{ id, next, seen: searchSeesChange(old, next) }];
    });
    const seen = planned.filter((p) => p.seen);
    if (seen.length) await this.openJournal();
    const written = await settleLimited(planned, (p) => writeUserData(this.articleDir(p.id), p.next));
    const seenWritten = written.done.filter((p) => p.seen);
    if (seenWritten.length) {
      this.revision++;
      for (const { id, next } of seenWritten) {
        this.entries.set(id, { ...this.entries.get(id)!, ...userFlags(next) });
        this.revisions.set(id, this.revision);
        this.changed.add(id);
      }
    }
    if (seen.length) await this.commit();
    if (written.error) throw written.error;
    return { written: written.done.map((p) => p.id), reindex: seenWritten.length };
  }

  /**
   * Makes the staged articles visible: their temporary files were fsynced as they were written
   * (writeTempSynced); rename them into place, fsync the folders, then save the catalog that names them and
   * drop the journal. The folders are flushed once per batch, however many articles share them.
   */
  async commit(): Promise<void> {
    try {
      await this.commitNow();
    } catch (error) {
      if (error instanceof OffprintError) throw error;
      throw new OffprintError('failed', `The import could not be saved: ${inWords(error)}`);
    }
  }

  private async commitNow(): Promise<void> {
    await this.repair();
    const batch = [...this.staged.values()];
    this.staged.clear();
    // Before any await: from here until `entries` names them, these ids must still count as present.
    for (const { entry } of batch) this.committing.add(entry.id);
    try {
      // article.json last: an article folder that holds one holds its original and resources too, even when
      // a crash stops the renames half-way (the journal then makes the next open finish the cleanup).
      const files = batch.flatMap((s) => s.files);
      const last = (f: { target: string }) => path.basename(f.target) === 'article.json';
      await Promise.all(files.filter((f) => !last(f)).map((f) => fs.rename(f.temp, f.target)));
      await Promise.all(files.filter(last).map((f) => fs.rename(f.temp, f.target)));
      await Promise.all([...new Set(batch.flatMap((s) => s.dirs))].map(fsyncDirectory));
      if (batch.length) this.revision++;
      for (const { entry } of batch) {
        this.entries.set(entry.id, entry);
        this.revisions.set(entry.id, this.revision);
        this.changed.add(entry.id);
      }
    } finally {
      for (const { entry } of batch) this.committing.delete(entry.id);
    }
    const written = [...this.changed].flatMap((id) => this.entries.get(id) ?? []);
    const removed = [...this.changed].filter((id) => !this.entries.has(id));
    this.changed.clear();
    const full = this.rewriteAll;
    this.rewriteAll = false;
    await commitCatalog(
      this.dir,
      this.revision,
      { written, removed },
      this.entries,
      this.revisions,
      this.shardLines,
      full,
    );
    if (this.dirty && this.reserved.size === 0 && this.staged.size === 0) await this.closeJournal();
  }

  /** Marks a batch as begun before any of its files is written; the flag flips at once, the file in order. */
  private openJournal(): Promise<void> {
    if (!this.journalOpen) {
      this.journalOpen = true;
      this.dirty = true;
      this.journalOps = this.journalOps
        .catch(() => {})
        .then(() => writeFileDurable(path.join(this.dir, JOURNAL_FILE), new Date().toISOString()));
    }
    return this.journalOps;
  }

  private closeJournal(): Promise<void> {
    this.dirty = false;
    this.journalOpen = false;
    this.journalOps = this.journalOps
      .catch(() => {})
      .then(() => fs.rm(path.join(this.dir, JOURNAL_FILE), { force: true }));
    return this.journalOps;
  }

  private latestWithUrl(url: string | null): string | null {
    if (!url) return null;
    let latest: CatalogEntry | null = null;
    const staged = [...this.staged.values()].map((s) => s.entry);
    for (const entry of [...this.entries.values(), ...staged]) {
      if (entry.url === url && (!latest || entry.importedAt >= latest.importedAt)) latest = entry;
    }
    return latest?.id ?? null;
  }

  async readResource(id: string, name: string): Promise<Uint8Array> {
    const entry = this.entries.get(id);
    const safe = safeResourceName(name);
    if (!entry || !safe || !entry.resources.includes(safe)) {
      throw new OffprintError('not-found', `Article ${id} has no resource named ${name}.`);
    }
    return fs.readFile(path.join(this.articleDir(id), 'resources', safe));
  }

  /**
   * Removes what a crash left in article folders and moves damaged articles to quarantine; the caller holds
   * the lock. Each folder is looked at again first: another process may have finished it since it was found.
   */
  private async repair(): Promise<void> {
    const stray = this.strayTemps.splice(0);
    await Promise.all(stray.map((file) => fs.rm(file, { force: true })));
    for (const dir of this.cutShort.splice(0)) {
      const id = path.basename(dir);
      // The same bytes imported again since: this batch's own files are in that folder now.
      if (this.staged.has(id) || this.reserved.has(id) || this.committing.has(id)) continue;
      if (await exists(path.join(dir, 'article.json'))) continue;
      await fs.rm(dir, { recursive: true, force: true });
    }
    for (const damage of [...this.damaged.values()]) {
      this.damaged.delete(damage.id);
      if (!(await exists(damage.dir))) continue;
      const again = await inspectArticle(damage.dir, damage.verify ?? false);
      if (again.kind === 'article') {
        // Whole again (written since by another process): a reconcile since has adopted it, or the next one
        // does. Moving it now would take a whole article out from under a catalog that names it.
        continue;
      }
      const moved = await moveToQuarantine(this.dir, damage.dir, damage.reason);
      this.repairs.push(`${damage.reason}; moved to ${path.relative(this.dir, moved)}`);
    }
  }

  /**
   * Rebuilds the catalog from the article folders: adopts article files the catalog does not list (a batch
   * cut short), drops entries whose files are gone, and sets aside what a crash left (temporary files, folders
   * without article.json) and what is damaged (for quarantine). With `verify`, each original is also hashed
   * against its id (what `offprint doctor` does; an open does not read every original).
   */
  private async reconcile(verify: boolean): Promise<void> {
    const found = new Map<string, CatalogEntry>();
    this.strayTemps = [];
    this.cutShort = [];
    const root = path.join(this.dir, 'articles');
    for (const shard of await readdirOrEmpty(root)) {
      for (const name of await readdirOrEmpty(path.join(root, shard))) {
        const dir = path.join(root, shard, name);
        const seen = await inspectArticle(dir, verify);
        this.strayTemps.push(...seen.temps);
        if (seen.kind === 'article')
          found.set(seen.article.id, toCatalogEntry(seen.article, await readUserFlagsLenient(dir)));
        else if (seen.kind === 'cut-short') this.cutShort.push(dir);
        else if (seen.kind === 'damaged')
          this.damaged.set(name, { id: name, dir, reason: `article ${name}: ${seen.reason}`, verify });
      }
    }
    this.revision++;
    // An entry the old catalog held unchanged keeps its revision, so the search index does not redo it.
    const revisions = new Map<string, number>();
    for (const [id, entry] of found) {
      const before = this.entries.get(id);
      const same = before !== undefined && JSON.stringify(before) === JSON.stringify(entry);
      revisions.set(id, same ? (this.revisions.get(id) ?? this.revision) : this.revision);
    }
    const hadCatalog = this.entries.size > 0 || (await exists(path.join(this.dir, CATALOG_HEAD)));
    this.entries = found;
    this.revisions = revisions;
    this.rewriteAll = true;
    // Saved by the next writer (under the lock): a reader must not write, another process may be importing.
    // A new library (no catalog, no articles, nothing left by a crash) has nothing to save.
    const nothing = !hadCatalog && found.size === 0 && this.cutShort.length === 0 && this.damaged.size === 0;
    this.dirty = !nothing || this.strayTemps.length > 0 || (await exists(path.join(this.dir, JOURNAL_FILE)));
  }

  /** True when the catalog on disk lags what was reconciled in memory. */
  get needsCommit(): boolean {
    return this.dirty;
  }
}

/**
 * The source kept with an article: the file name without its folders (they may be private), and for an entry
 * of an archive (`crawl.warc.gz › https://…/tides`) the entry part as it is.
 */
export function storedSource(source: string): string {
  const [file = '', ...entry] = source.split(' › ');
  return [path.basename(file), ...entry].join(' › ');
}

function safeExtension(name: string): string {
  const ext = path.extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : '';
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
