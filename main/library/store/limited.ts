/**
 * Many small file operations at once, but not all at once: a tag rename may touch thousands of articles, and
 * each durable write holds a file open until its fsync returns.
 */
const LIMIT = 16;

/** `work` on every item, at most 16 at a time; results in the items' order; the first error rejects. */
export async function mapLimited<T, R>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LIMIT, items.length) }, lane));
  return results;
}

/**
 * The same for writes: every item is attempted, and the caller learns which were done and the first error, so
 * it can record what reached the disk before it reports the failure.
 */
export async function settleLimited<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
): Promise<{ done: T[]; error: unknown }> {
  const done: boolean[] = items.map(() => false);
  let error: unknown = null;
  await mapLimited(items, async (item, i) => {
    try {
      await work(item);
      done[i] = true;
    } catch (caught) {
      if (error === null) error = caught;
    }
  });
  return { done: items.filter((_, i) => done[i]), error };
}
