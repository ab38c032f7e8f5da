/**
 * A separate process that tries to take a library's lock and says whether it did. A winner holds the lock until
 * the test closes its stdin, so every contender has tried before anyone lets go (a fixed hold shorter than a
 * process start let two processes both "get" it, one after the other).
 */
import { LibraryLock } from '../../main/library/store/library-lock';

const [dir] = process.argv.slice(2);
const released = new Promise<void>((resolve) => {
  process.stdin.on('end', resolve);
  process.stdin.resume();
});
try {
  const lock = await LibraryLock.acquire(dir!);
  process.stdout.write('got\n');
  await released;
  await lock.release();
} catch (error) {
  process.stdout.write(`refused: ${(error as Error).message}\n`);
}
