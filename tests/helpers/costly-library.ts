/**
 * A library where some query shapes are costly: the usual fixtures plus one article holding a single very long
 * word, over which a wildcard automaton with several stars (or a long run of letters after a leading star)
 * has to read every letter in many states at once.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFixtures } from './fixtures';

export const LONG_WORD_LETTERS = 1_000_000;

/**
 * Shapes that cost much over that library. The first (300 letters after a star: hundreds of automaton states
 * alive at every letter) runs for minutes unbounded, so it always ends stopped by its deadline or step budget.
 * The second froze the app before its states were deduplicated; now it may finish within its budget.
 */
export const COSTLY_QUERIES = [`*${'a'.repeat(300)}`, 'a*a*a*a*a*'];

export async function writeCostlyInputs(dir: string): Promise<void> {
  await writeFixtures(dir);
  await fs.writeFile(
    path.join(dir, 'long-word.txt'),
    `One very long word\n\n${'a'.repeat(LONG_WORD_LETTERS)}\n\nand a few ordinary words after it.\n`,
  );
}
