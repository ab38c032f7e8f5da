/**
 * The search index of one library, as the main thread sees it: the segments the manifest names, opened
 * lazily readable, and the catalog's view of which of their documents are live. Writers (holding the library
 * lock) bring it up to date with `catchUp`: the catalog entries written since the index's covered revision go
 * into a new segment built in the worker, then the manifest names it; merges follow the same path. Readers
 * in other processes notice a new manifest by its mtime and reopen.
 */
import { statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArticleStore } from '../../store/article-store';
import type { BuiltSegment } from '../../worker-protocol';
import { FIELD_NAMES } from '../parse-query';
import { DocColumns } from './doc-columns';
import {
  type Manifest,
  MANIFEST_FILE,
  SEGMENTS_DIR,
  emptyManifest,
  readManifest,
  segmentPath,
  writeManifest,
} from './manifest';
import { planMerge } from './merge-policy';
import { FileVersionError } from '../../store/file-versions';
import { OlderSegmentError } from './segment-format';
import { SegmentReader } from './segment-reader';
import { SegmentSet } from './segment-set';

/** Articles per segment when catching up on many (a rebuild): each becomes searchable as it lands. */
const CATCH_UP_CHUNK = 5000;

export interface IndexWorker {
  request(body: object): Promise<unknown>;
}

export interface IndexView {
  set: SegmentSet;
  columns: DocColumns;
}

export class SegmentedIndex {
  private manifest: Manifest = emptyManifest();
  private readers = new Map<string, SegmentReader>();
  private manifestStamp = '';
  private view: IndexView | null = null;
  /** What the cached view was built for (see viewFor). */
  private viewKey = '';
  /** Damage found and dealt with (the documents concerned are indexed again), for the user to see. */
  readonly problems: string[] = [];

  constructor(readonly dir: string) {}

  /**
   * Re-reads the manifest when it changed on disk (another process, or first use). The stamp is taken only
   * once the manifest and its segments were read: a manifest or segment from a newer Offprint throws at every
   * refresh, so no later catch-up goes on from the old view and writes a manifest over the newer one.
   */
  async refresh(): Promise<void> {
    const stamp = fileStamp(path.join(this.dir, MANIFEST_FILE));
    if (stamp === this.manifestStamp) return;
    const { manifest, problem } = await readManifest(this.dir);
    if (problem) this.problems.push(problem);
    const kept: Manifest['segments'] = [];
    const open = new Map<string, SegmentReader>();
    let older: number | null = null;
    for (const seg of manifest.segments) {
      let reader = this.readers.get(seg.name);
      if (!reader) {
        try {
          reader = SegmentReader.open(segmentPath(this.dir, seg.name));
        } catch (error) {
          // Never dropped and rebuilt: the rebuild would overwrite what a newer Offprint wrote.
          if (error instanceof FileVersionError && error.reason === 'newer') {
            for (const [name, opened] of open) if (!this.readers.has(name)) opened.close();
            throw error;
          }
          // An upgrade, not damage: the segment is dropped like a damaged one, and said once, in other words.
          if (error instanceof OlderSegmentError) {
            older = error.version;
            continue;
          }
          // Its documents are no longer in any segment, so the next catch-up indexes them again.
          this.problems.push(
            `search segment ${seg.name} could not be read (${(error as Error).message}); re-indexing its articles`,
          );
          continue;
        }
      }
      open.set(seg.name, reader);
      kept.push(seg);
    }
    if (older !== null)
      this.problems.push(
        `the search index was written by an earlier Offprint (segment format ${older}); re-indexing its articles`,
      );
    for (const [name, reader] of this.readers) if (!open.has(name)) reader.close();
    this.readers = open;
    this.manifest = { ...manifest, segments: kept };
    this.view = null;
    this.manifestStamp = stamp;
  }

  /** The segments as one, with columns, for the store as it is now. */
  current(store: ArticleStore): IndexView {
    return this.viewFor(`catalog ${store.stateKey}`, (id) => store.get(id) !== undefined);
  }

  /**
   * The segments as one when the index covers the catalog's revision exactly, without the catalog: every
   * newest copy is live but those the manifest lists as removed. Null when the index is behind.
   */
  currentWithoutCatalog(catalogRevision: number): IndexView | null {
    if (this.manifest.coveredRevision !== catalogRevision || this.manifest.segments.length === 0) return null;
    const listed = this.manifest.removed ?? [];
    const removed = new Set(listed);
    return this.viewFor(`bare ${catalogRevision} ${listed.join(' ')}`, (id) => !removed.has(id));
  }

  /**
   * The segments as one for a catalog this index does not hold (a search thread's): live are the newest
   * copies but the ids the catalog no longer lists, which its owner sends along with `revision`.
   */
  currentFor(revision: number, removed: ReadonlySet<string>): IndexView {
    // The removed ids are part of the key: the same revision number may come with another catalog (see
    // ArticleStore.stateKey), and a view kept for it would answer from the old one until the manifest changed.
    return this.viewFor(`thread ${revision} ${[...removed].join(' ')}`, (id) => !removed.has(id));
  }

  private removedCache: { state: string; manifestStamp: string; ids: string[] } | null = null;

  /** What a search thread needs besides the files: the ids the index holds that the catalog does not. */
  removedFor(store: ArticleStore): string[] {
    const cached = this.removedCache;
    if (cached && cached.state === store.stateKey && cached.manifestStamp === this.manifestStamp)
      return cached.ids;
    const ids = this.removedIds(store);
    this.removedCache = { state: store.stateKey, manifestStamp: this.manifestStamp, ids };
    return ids;
  }

  /** The segments as one for `key` (what decides which documents are live), rebuilt when the key changes. */
  private viewFor(key: string, isLive: (id: string) => boolean): IndexView {
    if (!this.view || this.viewKey !== key) {
      const readers = this.manifest.segments.map((s) => this.readers.get(s.name)!);
      const set = new SegmentSet(FIELD_NAMES, readers, isLive);
      this.view = { set, columns: new DocColumns(set) };
      this.viewKey = key;
    }
    return this.view;
  }

  /** Ids a segment holds as its newest copy that the catalog no longer lists (articles removed). */
  private removedIds(store: ArticleStore): string[] {
    const newest = new Set<string>();
    const removed: string[] = [];
    for (let s = this.manifest.segments.length - 1; s >= 0; s--) {
      for (const id of this.readers.get(this.manifest.segments[s]!.name)!.ids) {
        if (newest.has(id)) continue;
        newest.add(id);
        if (store.get(id) === undefined) removed.push(id);
      }
    }
    return removed;
  }

  /** True when the catalog holds anything the index does not (entries, edits or removals). */
  behind(store: ArticleStore): boolean {
    return this.manifest.coveredRevision < store.currentRevision || this.pending(store).length > 0;
  }

  /**
   * True when search would answer differently once caught up: articles to index, or removals to record. A
   * catalog revision bumped with nothing changed is not worth the lock at open (another process may be about
   * to import); the next writer records it.
   */
  hasWork(store: ArticleStore): boolean {
    if (this.pending(store).length > 0) return true;
    const removed = this.removedIds(store);
    const listed = this.manifest.removed ?? [];
    return removed.length !== listed.length || removed.some((id, i) => id !== listed[i]);
  }

  /** Catalog entries the index does not hold as they are now. */
  pending(store: ArticleStore): string[] {
    const { set } = this.current(store);
    const covered = this.manifest.coveredRevision;
    const ids: string[] = [];
    for (const entry of store.all()) {
      if (store.revisionOf(entry.id) > covered || !set.slotOfId.has(entry.id)) ids.push(entry.id);
    }
    return ids;
  }

  /**
   * Indexes what the catalog holds beyond the index, chunk by chunk, then merges as the policy says. The
   * caller holds the library lock: only one process writes the manifest.
   */
  async catchUp(store: ArticleStore, worker: IndexWorker): Promise<void> {
    await this.refresh();
    const revision = store.currentRevision;
    const ids = this.pending(store);
    for (let i = 0; i < ids.length; i += CATCH_UP_CHUNK) {
      const chunk = ids.slice(i, i + CATCH_UP_CHUNK);
      const built = (await worker.request({
        type: 'build-segment',
        libraryDir: this.dir,
        ids: chunk,
      })) as BuiltSegment;
      const last = i + CATCH_UP_CHUNK >= ids.length;
      await this.commit({
        ...this.manifest,
        // Covered only once every pending entry is in: a crash in between redoes the rest, never skips it.
        coveredRevision: last ? revision : this.manifest.coveredRevision,
        segments: [...this.manifest.segments, { name: built.name, docs: built.docs }],
        ...(last ? { removed: this.removedIds(store) } : {}),
      });
    }
    await this.mergeAsNeeded(store, worker);
    // What the catalog dropped, so a search without the catalog leaves it out too.
    if (this.manifest.coveredRevision < revision || this.hasWork(store)) {
      await this.commit({ ...this.manifest, coveredRevision: revision, removed: this.removedIds(store) });
    }
    await this.removeUnlisted();
  }

  /** Merges every segment into one, dropping all tombstones (the caller holds the library lock). */
  async compact(store: ArticleStore, worker: IndexWorker): Promise<void> {
    await this.catchUp(store, worker);
    const names = this.manifest.segments.map((s) => s.name);
    if (names.length > 1 || this.current(store).set.deadCount > 0) await this.merge(store, worker, names);
    await this.removeUnlisted();
  }

  private async mergeAsNeeded(store: ArticleStore, worker: IndexWorker): Promise<void> {
    for (;;) {
      const { set } = this.current(store);
      const stats = this.manifest.segments.map((s, i) => ({
        name: s.name,
        docs: s.docs,
        dead: set.segments[i]!.deadCount,
      }));
      const names = planMerge(stats);
      if (!names) return;
      await this.merge(store, worker, names);
    }
  }

  private async merge(store: ArticleStore, worker: IndexWorker, names: string[]): Promise<void> {
    {
      const { set } = this.current(store);
      const chosen = new Set(names);
      const keep = set.segments
        .filter((_, i) => chosen.has(this.manifest.segments[i]!.name))
        .map((s) => Uint8Array.from(s.dead, (dead) => 1 - dead));
      const merged = (await worker.request({
        type: 'merge-segments',
        libraryDir: this.dir,
        names,
        keep,
      })) as BuiltSegment;
      // The merged segment takes the place of the newest one it replaces, so newer copies still win.
      const newest = names[names.length - 1];
      const segments = this.manifest.segments.flatMap((s) =>
        s.name === newest ? [{ name: merged.name, docs: merged.docs }] : chosen.has(s.name) ? [] : [s],
      );
      await this.commit({ ...this.manifest, segments });
    }
  }

  /** How the index stands, for diagnostics and tests. */
  stats(store: ArticleStore): { segments: number; live: number; dead: number; coveredRevision: number } {
    const { set } = this.current(store);
    return {
      segments: set.segments.length,
      live: set.liveCount,
      dead: set.deadCount,
      coveredRevision: this.manifest.coveredRevision,
    };
  }

  private async commit(manifest: Manifest): Promise<void> {
    await writeManifest(this.dir, manifest);
    this.manifestStamp = '';
    await this.refresh();
  }

  /** Segment files no manifest names: left by a merge (once swapped out) or by a crash before the manifest. */
  private async removeUnlisted(): Promise<void> {
    const listed = new Set(this.manifest.segments.map((s) => s.name));
    const dir = path.join(this.dir, SEGMENTS_DIR);
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    await Promise.all(
      names.filter((n) => !listed.has(n)).map((n) => fs.rm(path.join(dir, n), { force: true })),
    );
  }

  close(): void {
    for (const reader of this.readers.values()) reader.close();
    this.readers.clear();
    this.view = null;
  }
}

/**
 * Identifies a version of a file written by rename: a new inode each time, so two writes within one
 * timestamp tick still differ. A synchronous stat costs microseconds; an async one would queue behind an import.
 */
export function fileStamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}
