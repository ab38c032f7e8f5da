/**
 * Zip archives (recognised by their magic number): every entry is imported by its own type through the same
 * sniff + registry pipeline, so an archive of saved pages, Markdown notes or nested zips all work; each
 * article's source reads `archive.zip › folder/page.html`. Entries are read one at a time (yauzl,
 * `lazyEntries`). Limits protect against zip bombs: at most 10,000 entries and 1 GiB uncompressed per archive,
 * at most 100:1 compression per entry. Unsafe entry names (`../`, absolute paths) fail that entry only: yauzl
 * would stop reading the whole archive on one, so names are decoded (`decodeStrings: false`) and checked here.
 */
import iconv from 'iconv-lite';
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import type { Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';

export const ZIP_LIMITS = {
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
  if (zip.entryCount > ZIP_LIMITS.maxEntries) {
    zip.close();
    return {
      reason: `the archive has ${zip.entryCount} entries, more than the limit of ${ZIP_LIMITS.maxEntries}`,
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

export function readEntryBytes(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no data'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

export async function* readZip(input: ImportInput): AsyncGenerator<ImportOutcome> {
  // Loaded here, not at the top: extract → registry → this file would be an import cycle, and whichever
  // module loads first would see the other half-initialised.
  const { MAX_FILE_BYTES, extract } = await import('../extract');
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
  let total = 0;
  let files = 0;
  for (;;) {
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
    total += entry.uncompressedSize;
    if (total > ZIP_LIMITS.maxTotalBytes) {
      zip.close();
      yield {
        kind: 'failed',
        source: input.name,
        reason: 'the archive uncompresses to more than 1 GiB; the rest was not read',
      };
      return;
    }
    if (entry.uncompressedSize > MAX_FILE_BYTES) {
      yield {
        kind: 'failed',
        source,
        reason: `too large to be an article (${Math.round(entry.uncompressedSize / 1048576)} MB)`,
      };
      continue;
    }
    if (
      entry.uncompressedSize > ZIP_LIMITS.ratioFloorBytes &&
      entry.uncompressedSize > entry.compressedSize * ZIP_LIMITS.maxRatio
    ) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
      yield {
        kind: 'failed',
        source,
        reason: `entry refused: compressed ${ratio}:1, more than the limit of ${ZIP_LIMITS.maxRatio}:1 (a zip bomb?)`,
      };
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readEntryBytes(zip, entry);
    } catch (error) {
      yield { kind: 'failed', source, reason: `could not be unpacked: ${(error as Error).message}` };
      continue;
    }
    // The same pipeline as a file on disk: sniff, then the first importer that accepts (recursing into zips).
    yield* extract(source, null, bytes);
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
