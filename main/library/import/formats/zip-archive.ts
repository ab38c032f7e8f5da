/**
 * Zip archives (recognised by their magic number): every entry is imported by its own type through the same
 * sniff + registry pipeline, so an archive of saved pages, Markdown notes or nested zips all work; each
 * article's source reads `archive.zip › folder/page.html`. Entries are read one at a time (zip-entries.ts).
 * Limits protect against zip bombs (limits.ts): entries and inflated bytes are counted as they come out, over
 * the archive and the archives nested in it together (expansion-budget.ts), and each entry is bounded while it
 * inflates; declared sizes only let a bomb be refused before it is inflated. Unsafe entry names (`../`,
 * absolute paths) fail that entry only.
 */
import fs from 'node:fs';
import type { Entry } from 'yauzl';
import { ExpansionBudget } from '../expansion-budget';
import {
  SOURCE_SEPARATOR,
  type Importer,
  type ImportInput,
  type ImportOutcome,
  type SniffedContent,
} from '../importer';
import { importLimits, LimitExceeded } from '../limits';
import {
  ZIP_LIMITS,
  entryName,
  isJunk,
  nextEntry,
  openWithinLimits,
  readEntryBytes,
  unsafeEntryName,
} from '../zip-entries';

export async function* readZip(input: ImportInput): AsyncGenerator<ImportOutcome> {
  const limits = importLimits();
  const depth = input.name.split(SOURCE_SEPARATOR).length;
  if (depth > ZIP_LIMITS.maxDepth) {
    yield {
      kind: 'failed',
      source: input.name,
      reason: `zip archives nested more than ${ZIP_LIMITS.maxDepth - 1} deep are not read`,
    };
    return;
  }
  const opened = await openWithinLimits(input.path ?? input.bytes);
  if ('reason' in opened) {
    yield { kind: 'failed', source: input.name, reason: opened.reason };
    return;
  }
  const { zip } = opened;
  // An archive nested in another spends its parent's budget; the outermost one starts it from its own size.
  const budget =
    input.budget ??
    new ExpansionBudget(input.path ? (await fs.promises.stat(input.path)).size : input.bytes.length);
  const stopped = (reason: string): ImportOutcome => {
    zip.close();
    return { kind: 'failed', source: input.name, reason: `${reason}; the rest was not read` };
  };
  let files = 0;
  for (;;) {
    input.alive?.();
    let entry: Entry | null;
    try {
      entry = await nextEntry(zip);
    } catch (error) {
      yield {
        kind: 'failed',
        source: input.name,
        reason: `the archive is damaged: ${(error as Error).message}`,
      };
      return;
    }
    if (!entry) {
      if (files === 0) yield { kind: 'failed', source: input.name, reason: 'the archive holds no files' };
      return;
    }
    const name = entryName(entry);
    const source = `${input.name}${SOURCE_SEPARATOR}${name}`;
    if (name.endsWith('/') || name.endsWith('\\') || isJunk(name)) continue;
    files++;
    const unsafe = unsafeEntryName(name);
    if (unsafe) {
      yield { kind: 'failed', source, reason: `entry refused: ${unsafe}` };
      continue;
    }
    try {
      budget.addEntry();
    } catch (limit) {
      yield stopped((limit as Error).message);
      return;
    }
    // Declared sizes can lie (yauzl then stops the entry where its header said it ends), but when they
    // already say "too much", nothing needs inflating to refuse.
    if (!budget.fits(entry.uncompressedSize)) {
      yield stopped(budget.refusal());
      return;
    }
    if (entry.uncompressedSize > Math.min(limits.maxFileBytes, limits.maxEntryBytes)) {
      yield {
        kind: 'failed',
        source,
        reason: `too large to be an article (${Math.round(entry.uncompressedSize / 1048576)} MB)`,
      };
      continue;
    }
    if (
      entry.uncompressedSize > ZIP_LIMITS.ratioFloorBytes &&
      entry.uncompressedSize > entry.compressedSize * limits.maxExpansionRatio
    ) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
      yield {
        kind: 'failed',
        source,
        reason: `entry refused: compressed ${ratio}:1, more than the limit of ${limits.maxExpansionRatio}:1 (a zip bomb?)`,
      };
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readEntryBytes(zip, entry, budget);
    } catch (error) {
      if (error instanceof LimitExceeded && !budget.fits(0)) {
        yield stopped(error.message);
        return;
      }
      const refused = error instanceof LimitExceeded;
      yield {
        kind: 'failed',
        source,
        reason: refused
          ? `entry refused: ${error.message}`
          : `could not be unpacked: ${(error as Error).message}`,
      };
      continue;
    }
    // The same pipeline as a file on disk: sniff, then the first importer that accepts (recursing into zips,
    // which spend this archive's budget). The pipeline is handed in (importer.ts), not imported: importing it
    // would make extract → registry → this file a cycle.
    yield* input.extractEntry(source, bytes, { alive: input.alive, budget });
  }
}

export const zipArchiveImporter: Importer = {
  name: 'zip',
  accepts(_input: ImportInput, sniffed: SniffedContent) {
    return sniffed.binaryKind === 'zip archive' || sniffed.binaryKind === 'empty zip archive';
  },
  read(input: ImportInput): AsyncIterable<ImportOutcome> {
    return readZip(input);
  },
  streamsFromDisk: true,
};
