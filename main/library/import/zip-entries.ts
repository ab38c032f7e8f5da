/**
 * Reading a zip one entry at a time (yauzl, `lazyEntries`), with the zip-bomb limits every reader of zips
 * applies: the zip importer, the Omnivore importer and a backup's restore. Here, not in formats/, so that
 * those need not import each other. Entry names are decoded here (`decodeStrings: false`) because yauzl
 * would stop reading the whole archive on one unsafe name; `unsafeEntryName` fails that entry only.
 */
import iconv from 'iconv-lite';
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import type { ExpansionBudget } from './expansion-budget';
import { importLimits, LimitExceeded, megabytes } from './limits';

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
