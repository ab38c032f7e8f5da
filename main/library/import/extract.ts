/**
 * One input to import outcomes: read the bytes, sniff them, ask the importers in order. Runs in the worker.
 * Every failure becomes a `failed` outcome with a reason a person understands; nothing here throws.
 */
import fs from 'node:fs/promises';
import type { ImportInput, ImportOutcome } from './importer';
import { importers } from './registry';
import { sniff } from './sniff';
import { describeFsError } from './walk-inputs';

/** Larger files are not articles; refusing them keeps one bad input from exhausting memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export async function* extract(
  name: string,
  filePath: string | null,
  given: Uint8Array | null,
): AsyncGenerator<ImportOutcome> {
  let bytes: Uint8Array;
  try {
    if (given) {
      bytes = given;
    } else {
      const stat = await fs.stat(filePath!);
      if (stat.size > MAX_FILE_BYTES) {
        yield {
          kind: 'failed',
          source: name,
          reason: `too large to be an article (${Math.round(stat.size / 1048576)} MB)`,
        };
        return;
      }
      bytes = await fs.readFile(filePath!);
    }
  } catch (error) {
    yield { kind: 'failed', source: name, reason: describeFsError(error) };
    return;
  }
  if (bytes.length === 0) {
    yield { kind: 'failed', source: name, reason: 'the file is empty' };
    return;
  }
  const input: ImportInput = { name, bytes, path: filePath };
  const sniffed = sniff(name, bytes);
  const importer = importers.find((i) => i.accepts(input, sniffed));
  if (!importer) {
    const what = sniffed.binaryKind
      ? `looks like ${article(sniffed.binaryKind)}`
      : `a .${sniffed.extension} text file that is not an article format Offprint reads`;
    yield { kind: 'failed', source: name, reason: `not supported: ${what}` };
    return;
  }
  try {
    yield* await importer.read(input, sniffed);
  } catch (error) {
    yield {
      kind: 'failed',
      source: name,
      reason: `could not be read as ${importer.name}: ${(error as Error).message}`,
    };
  }
}

function article(kind: string): string {
  return /^[aeiou]/i.test(kind) ? `an ${kind}` : `a ${kind}`;
}
