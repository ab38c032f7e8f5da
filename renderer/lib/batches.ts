/**
 * Browser uploads go in batches so no single request carries more than a few tens of megabytes (base64 adds a
 * third). Order is kept, so the import report lists files in the order they were dropped.
 */
export interface BatchLimits {
  /** Raw bytes per batch; a file bigger than this travels alone. */
  maxBytes: number;
  maxFiles: number;
}

/** 15 MB of file content is 20 MB once base64-encoded. */
export const UPLOAD_LIMITS: BatchLimits = { maxBytes: 15 * 1024 * 1024, maxFiles: 1_000 };

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
