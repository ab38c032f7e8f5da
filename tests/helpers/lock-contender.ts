/** A separate process that tries to take a library's lock, says whether it did, and holds it for a while. */
import { LibraryLock } from '../../main/library/store/library-lock';

const [dir, holdMs] = process.argv.slice(2);
try {
  const lock = await LibraryLock.acquire(dir!);
  process.stdout.write('got\n');
  await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
  await lock.release();
} catch (error) {
  process.stdout.write(`refused: ${(error as Error).message}\n`);
}
