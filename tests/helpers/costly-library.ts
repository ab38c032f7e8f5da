/**
 * A library where some query shapes are costly: the usual fixtures plus one article holding a single very long
 * word, over which a wildcard automaton with several stars (or a long run of letters after a leading star)
 * has to read every letter in many states at once.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFixtures } from './fixtures';

export const LONG_WORD_LETTERS = 1_000_000;

/** Shapes that cost seconds over that library, each of which must answer by its deadline with a notice. */
export const COSTLY_QUERIES = ['a*a*a*a*a*', `*${'a'.repeat(300)}`];

export async function writeCostlyInputs(dir: string): Promise<void> {
  await writeFixtures(dir);
  await fs.writeFile(
    path.join(dir, 'long-word.txt'),
    `One very long word\n\n${'a'.repeat(LONG_WORD_LETTERS)}\n\nand a few ordinary words after it.\n`,
  );
}
