/**
 * One import as the user sees it: a progress bar, a Cancel button, and a final report. Behind it may be several
 * server jobs (browser uploads go in batches, and a menu import can start while another runs); this follows them
 * one after the other, polling each, and adds their counts and reports together.
 */
import type { OffprintApi } from '../../common/api';
import type { FailedItem, ImportJobState, ImportProgress, ImportReport } from '../../common/import';

export interface BatchStart {
  /** The server job, or null when nothing in the batch could even be read. */
  job: ImportProgress | null;
  /** Inputs that failed before reaching the server (an unreadable file). */
  failed: FailedItem[];
}

export interface ImportBatch {
  /** Inputs it adds to the total before its job reports; 0 when only the server knows (folders it walks). */
  count: number;
  start(): Promise<BatchStart>;
}

export type ImportState = ImportJobState;

/** Several jobs shown as one: the progress fields summed, and one report that is never null. */
export type ImportView = Omit<ImportProgress, 'jobId' | 'phase' | 'report'> & { report: ImportReport };

export interface ImportSessionOptions {
  api: Pick<OffprintApi, 'importStatus' | 'cancelImport'>;
  onUpdate(view: ImportView): void;
  /** After each job: the library changed, so the list and tags should refresh without waiting for the rest. */
  onJobEnded(): void;
  sleep?(ms: number): Promise<void>;
  pollMs?: number;
}

interface Counts {
  total: number;
  done: number;
  imported: number;
  duplicates: number;
  failed: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ImportSession {
  private readonly queue: ImportBatch[] = [];
  private readonly finished: Counts = { total: 0, done: 0, imported: 0, duplicates: 0, failed: 0 };
  /** Replaced, never mutated, so each view handed out stays as it was. */
  private report: ImportReport = { imported: [], duplicates: [], failed: [] };
  /** The batch being started or followed: its inputs count towards the total until its job reports more. */
  private currentCount = 0;
  private job: ImportProgress | null = null;
  private state: ImportState = 'running';
  private error: string | null = null;
  private cancelRequested = false;
  private running = false;

  constructor(private readonly options: ImportSessionOptions) {}

  get ended(): boolean {
    return this.state !== 'running';
  }

  /** Queues batches; they run after those already queued. Ignored once the session has ended. */
  add(batches: ImportBatch[]): void {
    if (this.ended) return;
    this.queue.push(...batches);
    this.update();
    if (!this.running) void this.run();
  }

  /** Follows a job something else started (the native menu). */
  follow(job: ImportProgress): void {
    this.add([{ count: 0, start: async () => ({ job, failed: [] }) }]);
  }

  /** Cancels the running job at its next poll and drops the batches not started yet. */
  cancel(): void {
    if (this.ended) return;
    this.cancelRequested = true;
    this.queue.length = 0;
    this.update();
  }

  view(): ImportView {
    const job = this.job;
    const queued = this.queue.reduce((sum, batch) => sum + batch.count, 0);
    return {
      state: this.state,
      total: this.finished.total + Math.max(job?.total ?? 0, this.currentCount) + queued,
      done: this.finished.done + (job?.done ?? 0),
      imported: this.finished.imported + (job?.imported ?? 0),
      duplicates: this.finished.duplicates + (job?.duplicates ?? 0),
      failed: this.finished.failed + (job?.failed ?? 0),
      current: job?.current ?? (this.running && this.state === 'running' ? 'Reading files…' : null),
      report: this.report,
      error: this.error,
    };
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let batch = this.queue.shift(); batch && !this.cancelRequested; batch = this.queue.shift()) {
        this.currentCount = batch.count;
        this.update();
        const started = await batch.start();
        this.addFailures(started.failed);
        if (started.job) await this.followJob(started.job);
        this.currentCount = 0;
        if (this.error !== null) break;
      }
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
    this.running = false;
    this.job = null;
    this.currentCount = 0;
    this.state = this.error !== null ? 'failed' : this.cancelRequested ? 'cancelled' : 'done';
    this.update();
  }

  private async followJob(first: ImportProgress): Promise<void> {
    const { api, sleep = defaultSleep, pollMs = 200 } = this.options;
    let progress = first;
    let cancelSent = false;
    this.job = progress;
    this.update();
    while (progress.state === 'running') {
      if (this.cancelRequested && !cancelSent) {
        cancelSent = true;
        progress = await api.cancelImport({ jobId: progress.jobId });
      } else {
        await sleep(pollMs);
        progress = await api.importStatus({ jobId: progress.jobId });
      }
      this.job = progress;
      this.update();
    }
    this.job = null;
    this.addJob(progress);
    // A job cancelled elsewhere (another window, the CLI) ends the whole session like our own Cancel would.
    if (progress.state === 'cancelled') this.cancelRequested = true;
    if (progress.state === 'failed') this.error = progress.error ?? 'The import failed.';
    this.options.onJobEnded();
  }

  private addJob(progress: ImportProgress): void {
    this.finished.total += Math.max(progress.total, this.currentCount);
    this.finished.done += progress.done;
    this.finished.imported += progress.imported;
    this.finished.duplicates += progress.duplicates;
    this.finished.failed += progress.failed;
    this.currentCount = 0;
    if (progress.report) {
      this.report = {
        imported: [...this.report.imported, ...progress.report.imported],
        duplicates: [...this.report.duplicates, ...progress.report.duplicates],
        failed: [...this.report.failed, ...progress.report.failed],
      };
    }
  }

  private addFailures(failed: FailedItem[]): void {
    this.finished.total += failed.length;
    this.finished.done += failed.length;
    this.finished.failed += failed.length;
    this.currentCount -= failed.length;
    if (failed.length > 0) this.report = { ...this.report, failed: [...this.report.failed, ...failed] };
  }

  private update(): void {
    this.options.onUpdate(this.view());
  }
}
