/**
 * Browser uploads go in batches: each is one streamed request and one import job, so a huge drop shows
 * progress batch by batch and a failed request loses one batch. Order is kept, so the import report lists
 * files in the order they were dropped.
 */
export interface BatchLimits {
  /** Raw bytes per batch; a file bigger than this travels alone. */
  maxBytes: number;
  maxFiles: number;
}

/** Well under the server's limits per upload (common/upload.ts). */
export const UPLOAD_LIMITS: BatchLimits = { maxBytes: 256 * 1024 * 1024, maxFiles: 1_000 };

export function batchBySize<T extends { size: number }>(items: readonly T[], limits: BatchLimits): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (batch.length > 0 && (bytes + item.size > limits.maxBytes || batch.length >= limits.maxFiles)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += item.size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
