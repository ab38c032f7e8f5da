import { describe, expect, it } from 'vitest';
import { batchBySize } from '../../../renderer/lib/batches';

describe('batchBySize', () => {
  const files = (...sizes: number[]) => sizes.map((size, index) => ({ name: `f${index}`, size }));

  it('packs files in order without passing the byte limit', () => {
    const batches = batchBySize(files(4, 4, 4, 9, 1), { maxBytes: 10, maxFiles: 100 });
    expect(batches.map((batch) => batch.map((file) => file.size))).toEqual([[4, 4], [4], [9, 1]]);
  });

  it('sends a file bigger than the limit on its own', () => {
    const batches = batchBySize(files(2, 50, 2), { maxBytes: 10, maxFiles: 100 });
    expect(batches.map((batch) => batch.map((file) => file.size))).toEqual([[2], [50], [2]]);
  });

  it('limits the number of files per batch', () => {
    expect(
      batchBySize(files(1, 1, 1, 1, 1), { maxBytes: 100, maxFiles: 2 }).map((batch) => batch.length),
    ).toEqual([2, 2, 1]);
  });
});
