/**
 * One input to import outcomes: read the bytes, sniff them, ask the importers in order. Runs in the worker.
 * Every failure becomes a `failed` outcome with a reason a person understands; nothing here throws. Each
 * article's body is bounded here (body-limit.ts), whichever importer read it.
 */
import { readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import { boundBody } from './body-limit';
import type { EntryContext, ImportInput, ImportOutcome } from './importer';
import { importLimits, LimitExceeded } from './limits';
import { importers } from './registry';
import { sniff } from './sniff';
import { describeFsError } from './walk-inputs';

/** What a streaming importer's `accepts` sees of a file too large to load. */
const HEAD_BYTES = 64 * 1024;

async function readHead(file: string, length: number): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function* extract(
  name: string,
  filePath: string | null,
  given: Uint8Array | null,
  /** Set for an entry of an archive (see importer.ts). */
  context: EntryContext = {},
): AsyncGenerator<ImportOutcome> {
  const limits = importLimits();
  for await (const outcome of extractUnbounded(name, filePath, given, context)) {
    if (outcome.kind === 'article') outcome.article = boundBody(outcome.article, limits.maxBodyChars);
    yield outcome;
  }
}

async function* extractUnbounded(
  name: string,
  filePath: string | null,
  given: Uint8Array | null,
  context: EntryContext,
): AsyncGenerator<ImportOutcome> {
  const maxFileBytes = importLimits().maxFileBytes;
  let bytes: Uint8Array;
  /** Set when the file is too large to load: only importers that stream from disk may take it. */
  let tooLarge: string | null = null;
  try {
    if (given) {
      bytes = given;
    } else {
      // Synchronous: this runs in the worker thread, where blocking is free, while each async call would
      // queue on libuv's small thread pool shared with the main thread's writes.
      const stat = statSync(filePath!);
      if (stat.size > maxFileBytes) {
        tooLarge = `too large to be an article (${Math.round(stat.size / 1048576)} MB)`;
        bytes = await readHead(filePath!, HEAD_BYTES);
      } else {
        bytes = readFileSync(filePath!);
      }
    }
  } catch (error) {
    yield { kind: 'failed', source: name, reason: describeFsError(error) };
    return;
  }
  if (bytes.length === 0) {
    yield { kind: 'failed', source: name, reason: 'the file is empty' };
    return;
  }
  const input: ImportInput = { name, bytes, path: filePath, ...context, extractEntry };
  const sniffed = sniff(name, bytes);
  const importer = importers.find((i) => (!tooLarge || i.streamsFromDisk) && i.accepts(input, sniffed));
  if (!importer && tooLarge) {
    yield { kind: 'failed', source: name, reason: tooLarge };
    return;
  }
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
      // A limit's reason is the whole story ("the page is nested deeper than 256 elements").
      reason:
        error instanceof LimitExceeded
          ? `refused: ${error.message}`
          : `could not be read as ${importer.name}: ${(error as Error).message}`,
    };
  }
}

/** An archive's entry goes through the same pipeline as a file on disk (its bytes are already in memory). */
function extractEntry(name: string, bytes: Uint8Array, context: EntryContext): AsyncIterable<ImportOutcome> {
  return extract(name, null, bytes, context);
}

function article(kind: string): string {
  return /^[aeiou]/i.test(kind) ? `an ${kind}` : `a ${kind}`;
}
