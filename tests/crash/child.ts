/**
 * The process the kill harness (kill-points.test.ts) runs under strace and kills: one library operation,
 * bundled with the real library code (never mocked). Usage: `node child.js <import|tag|mark|index> LIBRARY [PATH…]`.
 *
 * Before the operation it pads the thread pool's count of `openat` and `write` calls: strace counts injections
 * per thread, and the pool thread (UV_THREADPOOL_SIZE=1) is where every library write happens; padded past
 * what the main and worker threads ever reach, "the Nth call" names a write of the library, not a module load.
 */
import fs from 'node:fs/promises';
import { openLibrary } from '../../main/library/library';

const PAD = Number(process.env.OFFPRINT_CRASH_PAD ?? '0');

async function pad(): Promise<void> {
  for (let i = 0; i < PAD; i++) {
    const handle = await fs.open('/dev/null', 'w');
    await handle.write('x');
    await handle.close();
  }
}

async function run(): Promise<void> {
  const [operation, dir, ...paths] = process.argv.slice(2);
  if (!operation || !dir) throw new Error('usage: child <import|tag|mark|index> LIBRARY [PATH…]');
  await pad();
  process.stdout.write('padded\n');
  const library = await openLibrary(dir, { create: operation === 'import' });
  try {
    if (operation === 'import') {
      const job = await library.importPaths({ paths, folderTags: true });
      const done = await library.waitForImport(job.jobId);
      if (done.state !== 'done') throw new Error(`import ended ${done.state}: ${done.error ?? ''}`);
    } else if (operation === 'tag') {
      // The article the harness checks: the first by id (the list's order depends on dates and titles).
      const [first] = (await library.list({})).map((a) => a.id).sort();
      if (!first) throw new Error('no article to tag');
      await library.setTags({ id: first, tags: ['crash-edited', 'second'] });
    } else if (operation === 'mark') {
      const [first] = (await library.list({})).map((a) => a.id).sort();
      if (!first) throw new Error('no article to mark');
      await library.setReading({ ids: [first], read: true, starred: true });
    } else if (operation === 'index') {
      await library.whenIndexed();
      await library.compactIndex();
    } else throw new Error(`unknown operation ${operation}`);
  } finally {
    await library.close();
  }
  process.stdout.write('done\n');
}

run().catch((error: unknown) => {
  process.stderr.write(`child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
