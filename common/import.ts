/** The import contract: results per input, and jobs that report progress and can be cancelled. */

export interface ImportedItem {
  id: string;
  title: string;
  source: string;
  /** Set when the article has the canonical URL of one already in the library: it is a new version of that id. */
  versionOf: string | null;
  /** What was left out of an input that otherwise imported (e.g. a date that could not be read). */
  notes?: string[];
}

export interface DuplicateItem {
  id: string;
  source: string;
}

export interface FailedItem {
  source: string;
  reason: string;
}

export interface ImportReport {
  imported: ImportedItem[];
  duplicates: DuplicateItem[];
  failed: FailedItem[];
}

export type ImportJobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface ImportProgress {
  jobId: string;
  state: ImportJobState;
  /** While running: reading and storing the inputs, then bringing the search index up to date. */
  phase: 'import' | 'index';
  /** Inputs found so far (grows while folders are walked) and inputs finished. */
  total: number;
  done: number;
  imported: number;
  duplicates: number;
  failed: number;
  /** The input being read now, for the progress line. */
  current: string | null;
  /** The full report once the job has ended. */
  report: ImportReport | null;
  /** Set when the job itself failed (e.g. the library is locked by another process). */
  error: string | null;
}

/** A file sent by content (browser drag and drop); `data` is base64. */
export interface UploadedFile {
  name: string;
  data: string;
}
