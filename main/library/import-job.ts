/**
 * One import run: walks the inputs, has the worker extract them (a few in flight so reading overlaps
 * writing), stores the articles, and keeps the progress a UI or the CLI polls. Each input has a time limit
 * in the worker (see worker-client.ts): one that runs past it fails alone and the job goes on. Cancelling
 * stops the inputs in flight and takes no more; what was already stored stays stored and is committed.
 */
import { randomUUID } from 'node:crypto';
import type { ImportProgress, ImportReport } from '../../common/import';
import type { ArticleStore } from './store/article-store';
import { Stopped, type WorkerClient } from './worker-client';
import { isBackupZip } from './export/backup-detect';
import { restoreBackup } from './export/restore-backup';
import type { ImportOutcome } from './import/importer';
import type { WalkItem } from './import/walk-inputs';

/** Inputs in flight at once: keeps the worker busy and lets the file system overlap the fsyncs. */
const IN_FLIGHT = 16;
/**
 * Commit every so many articles or seconds: each commit makes its batch durable, listed and then searchable
 * while the import goes on, and a crash mid-import loses little bookkeeping (never articles).
 */
const COMMIT_EVERY = 1000;
const COMMIT_AFTER_MS = 2000;

export interface JobInput {
  name: string;
  path: string | null;
  bytes: Uint8Array | null;
  folderTags: string[];
}

export class ImportJob {
  readonly id = randomUUID();
  private cancelled = false;
  private readonly stop = new AbortController();
  private readonly report: ImportReport = { imported: [], duplicates: [], failed: [] };
  private progress: ImportProgress;
  readonly finished: Promise<ImportProgress>;

  constructor(
    private readonly store: ArticleStore,
    private readonly worker: WorkerClient,
    inputs: AsyncIterable<WalkItem | JobInput>,
    /** Runs the store writes with the library lock held; resolves when the batch is committed. */
    withLock: <T>(work: () => Promise<T>) => Promise<T>,
    /**
     * Indexes what has been committed (called with the lock held, after each commit). Not awaited mid-run,
     * so the next batch imports while this one is indexed; awaited at the end, so a job is done only when
     * what it imported is searchable. A failure there does not fail the import: the next catch-up redoes it.
     */
    private readonly indexCommitted: () => Promise<void>,
    /** How long one input may take in the worker before it is stopped (and its thread replaced). */
    private readonly fileTimeoutMs: number,
  ) {
    this.progress = {
      jobId: this.id,
      state: 'running',
      phase: 'import',
      total: 0,
      done: 0,
      imported: 0,
      duplicates: 0,
      failed: 0,
      current: null,
      report: null,
      error: null,
    };
    this.finished = withLock(() => this.run(inputs)).then(
      () => this.end(this.cancelled ? 'cancelled' : 'done', null),
      (error: Error) => this.end('failed', error.message),
    );
  }

  status(): ImportProgress {
    return { ...this.progress };
  }

  cancel(): void {
    this.cancelled = true;
    this.stop.abort();
  }

  private end(state: ImportProgress['state'], error: string | null): ImportProgress {
    this.progress = { ...this.progress, state, error, current: null, report: this.report };
    return this.status();
  }

  private async run(inputs: AsyncIterable<WalkItem | JobInput>): Promise<void> {
    const running = new Set<Promise<void>>();
    let sinceCommit = 0;
    let lastCommit = Date.now();
    for await (const item of inputs) {
      if (this.cancelled) break;
      this.progress.total++;
      if ('kind' in item && item.kind === 'failed') {
        this.fail(item.source, item.reason);
        this.progress.done++;
        continue;
      }
      const input: JobInput =
        'kind' in item
          ? { name: item.name, path: item.path, bytes: null, folderTags: item.folderTags }
          : item;
      const task = this.importOne(input).then(async () => {
        this.progress.done++;
        if (
          ++sinceCommit >= COMMIT_EVERY ||
          (sinceCommit > 0 && Date.now() - lastCommit >= COMMIT_AFTER_MS)
        ) {
          sinceCommit = 0;
          lastCommit = Date.now();
          await this.store.commit();
          void this.indexCommitted().catch(() => {});
        }
      });
      const tracked = task.finally(() => running.delete(tracked));
      running.add(tracked);
      if (running.size >= IN_FLIGHT) await Promise.race(running);
    }
    await Promise.all(running);
    await this.store.commit();
    // The job ends when what it imported can be searched: a UI refreshing on "done" then finds it.
    this.progress.current = 'Updating the search index…';
    this.progress.phase = 'index';
    await this.indexCommitted().catch(() => {});
  }

  /** Extracts one input in the worker and stores what it yields, as soon as each article arrives. */
  private async importOne(input: JobInput): Promise<void> {
    this.progress.current = input.name;
    // An Offprint backup is restored, not read as a zip of pages (export/restore-backup.ts).
    if (await isBackupZip(input)) return this.restore(input);
    const stores: Promise<void>[] = [];
    try {
      await this.worker.request(
        { type: 'extract', name: input.name, path: input.path, bytes: input.bytes },
        (o) => {
          stores.push(this.store1(o, input.folderTags));
        },
        { timeLimitMs: this.fileTimeoutMs, signal: this.stop.signal },
      );
    } catch (error) {
      // A cancelled input is not a failed one: the person stopped the job.
      if (!(error instanceof Stopped && error.why === 'cancelled'))
        this.fail(input.name, (error as Error).message);
    }
    await Promise.all(stores);
  }

  private async store1(outcome: ImportOutcome, folderTags: string[]): Promise<void> {
    if (outcome.kind === 'failed') {
      this.fail(outcome.source, outcome.reason);
      return;
    }
    if (folderTags.length) {
      const tags = outcome.article.tags;
      for (const tag of folderTags)
        if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    }
    try {
      const result = await this.store.add(outcome);
      if (result.kind === 'duplicate') {
        this.report.duplicates.push({ id: result.id, source: outcome.source });
        this.progress.duplicates++;
      } else {
        this.report.imported.push({
          id: result.id,
          title: result.title,
          source: outcome.source,
          versionOf: result.versionOf,
          ...(outcome.notes?.length ? { notes: outcome.notes } : {}),
        });
        this.progress.imported++;
      }
    } catch (error) {
      this.fail(outcome.source, `could not be saved: ${(error as Error).message}`);
    }
  }

  /** Restores a backup in this thread (it writes article folders as they are): counted like imported files. */
  private async restore(input: JobInput): Promise<void> {
    await restoreBackup(
      input,
      this.store,
      {
        restored: (id, title, source) => {
          this.report.imported.push({ id, title, source, versionOf: null });
          this.progress.imported++;
        },
        merged: (id, source) => {
          this.report.duplicates.push({ id, source });
          this.progress.duplicates++;
        },
        failed: (source, reason) => this.fail(source, reason),
      },
      this.stop.signal,
    );
  }

  private fail(source: string, reason: string): void {
    this.report.failed.push({ source, reason });
    this.progress.failed++;
  }
}
