/**
 * Zip archives (recognised by their magic number): every entry is imported by its own type through the same
 * sniff + registry pipeline, so an archive of saved pages, Markdown notes or nested zips all work; each
 * article's source reads `archive.zip › folder/page.html`. Entries are read one at a time (yauzl,
 * `lazyEntries`). Limits protect against zip bombs (limits.ts): entries and inflated bytes are counted as
 * they come out, over the archive and the archives nested in it together (expansion-budget.ts), and each
 * entry is bounded while it inflates; declared sizes only let a bomb be refused before it is inflated.
 * Unsafe entry names (`../`, absolute paths) fail that entry only: yauzl would stop reading the whole
 * archive on one, so names are decoded (`decodeStrings: false`) and checked here.
 */
import fs from 'node:fs';
import iconv from 'iconv-lite';
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import { ExpansionBudget } from '../expansion-budget';
import type { Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';
import { importLimits, LimitExceeded, megabytes } from '../limits';

export const ZIP_LIMITS = {
  /** The defaults of limits.ts, for importers that check declared sizes (the limits in force are importLimits()). */
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 100,
  /** Entries smaller than this are not ratio-checked: a 1 MiB file cannot bomb anything, and text compresses well. */
  ratioFloorBytes: 1024 * 1024,
  /** `a.zip › b.zip › c.zip › …`: deeper nesting is refused. */
  maxDepth: 4,
};

export const SOURCE_SEPARATOR = ' › ';

/** The entry's name as text: UTF-8 when the zip says so (flag bit 11), else the legacy IBM PC code page. */
export function entryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer | string;
  if (typeof raw === 'string') return raw;
  return (entry.generalPurposeBitFlag & 0x800) !== 0 ? raw.toString('utf8') : iconv.decode(raw, 'cp437');
}

/** Why an entry name is unsafe to use, or null. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\0')) return 'its name contains a NUL character';
  if (/^[/\\]/.test(name) || /^[a-z]:/i.test(name)) return 'its name is an absolute path';
  if (name.split(/[/\\]/).includes('..')) return 'its name points outside the archive (`..`)';
  return null;
}

/** Files every archiver adds that are not content. */
export function isJunk(name: string): boolean {
  const parts = name.split('/');
  const base = parts[parts.length - 1] ?? '';
  return parts.includes('__MACOSX') || base === '.DS_Store' || base === 'Thumbs.db' || base === 'desktop.ini';
}

/**
 * Opens a zip from memory, or from disk when a path is given: yauzl then reads only the central directory and
 * the entries asked for, so a large archive is never held whole. `autoClose: false` when entries are read
 * after the listing ended (the Omnivore importer); close it yourself.
 */
export function openZip(source: Uint8Array | string, autoClose = true): Promise<ZipFile> {
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: ZipFile): void =>
      error || !zip ? reject(error ?? new Error('unreadable zip')) : resolve(zip);
    if (typeof source === 'string') yauzl.open(source, options, done);
    else yauzl.fromBuffer(Buffer.from(source.buffer, source.byteOffset, source.byteLength), options, done);
  });
}

/** Opens an archive that is within the entry limit, or says why it cannot be read. */
export async function openWithinLimits(
  source: Uint8Array | string,
  autoClose = true,
): Promise<{ zip: ZipFile } | { reason: string }> {
  let zip: ZipFile;
  try {
    zip = await openZip(source, autoClose);
  } catch (error) {
    return { reason: `not a readable zip archive: ${(error as Error).message}` };
  }
  const { maxEntries } = importLimits();
  if (zip.entryCount > maxEntries) {
    zip.close();
    return {
      reason: `the archive has ${zip.entryCount} entries, more than the limit of ${maxEntries.toLocaleString('en')}`,
    };
  }
  return { zip };
}

export function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry): void => (cleanup(), resolve(entry));
    const onEnd = (): void => (cleanup(), resolve(null));
    const onError = (error: Error): void => (cleanup(), reject(error));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/**
 * An entry's bytes, counted as they inflate: past `maxEntryBytes`, or past the archive's budget, reading
 * stops and the promise rejects with LimitExceeded (so a lying header never costs more than the limit).
 */
export function readEntryBytes(zip: ZipFile, entry: Entry, budget?: ExpansionBudget): Promise<Buffer> {
  const max = importLimits().maxEntryBytes;
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no data'));
      const chunks: Buffer[] = [];
      let length = 0;
      stream.on('data', (c: Buffer) => {
        length += c.length;
        try {
          if (length > max) throw new LimitExceeded(`the entry expands past ${megabytes(max)}`);
          budget?.add(c.length);
        } catch (limit) {
          stream.destroy();
          chunks.length = 0;
          reject(limit as Error);
          return;
        }
        chunks.push(c);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

export async function* readZip(input: ImportInput): AsyncGenerator<ImportOutcome> {
  // Loaded here, not at the top: extract → registry → this file would be an import cycle, and whichever
  // module loads first would see the other half-initialised.
  const { extract } = await import('../extract');
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
    // which spend this archive's budget).
    yield* extract(source, null, bytes, { alive: input.alive, budget });
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
