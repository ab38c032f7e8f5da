/**
 * Reading zips entry by entry, called directly on zips written for the test (and yauzl reading them): entry
 * names in UTF-8 or the old IBM code page, names refused as unsafe, archivers' junk, the entry-count limit at
 * open, and each entry's bytes counted as they inflate against the entry limit and the archive's budget.
 * zip-archive.test.ts and zip-depth.test.ts check the same through whole imports.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Entry } from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import { ExpansionBudget } from '../../../main/library/import/expansion-budget';
import { DEFAULT_LIMITS as DEFAULTS, setImportLimits } from '../../../main/library/import/limits';
import {
  entryName,
  isJunk,
  nextEntry,
  openWithinLimits,
  openZip,
  readEntryBytes,
  unsafeEntryName,
  ZIP_LIMITS,
} from '../../../main/library/import/zip-entries';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { makeZip } from './zip-writer';

afterEach(() => setImportLimits());

const ZIP = makeZip([
  { name: 'notes/one.txt', data: 'First note.' },
  { name: 'two.txt', data: 'x'.repeat(5000) },
  { name: 'stored.txt', data: 'Stored, not deflated.', deflate: false },
]);

async function names(source: Uint8Array | string): Promise<string[]> {
  const zip = await openZip(source);
  const out: string[] = [];
  for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) out.push(entryName(entry));
  return out;
}

describe('zip entries', () => {
  it('lists every entry in order, from memory or from a file on disk', async () => {
    expect(await names(ZIP)).toEqual(['notes/one.txt', 'two.txt', 'stored.txt']);
    // From a slice of a larger buffer: only the slice is the zip.
    const padded = Buffer.concat([Buffer.from('garbage'), ZIP, Buffer.from('trailing')]);
    expect(await names(padded.subarray(7, 7 + ZIP.length))).toEqual([
      'notes/one.txt',
      'two.txt',
      'stored.txt',
    ]);
    const dir = await tempDir();
    try {
      const file = path.join(dir, 'a.zip');
      await fs.writeFile(file, ZIP);
      expect(await names(file)).toEqual(['notes/one.txt', 'two.txt', 'stored.txt']);
    } finally {
      await removeDir(dir);
    }
  });

  it('decodes names as UTF-8 when the zip says so, else as the IBM PC code page', () => {
    const entry = (bytes: number[], flag: number) =>
      ({ fileName: Buffer.from(bytes), generalPurposeBitFlag: flag }) as unknown as Entry;
    // "café": é is C3 A9 in UTF-8, 82 in code page 437; the other flag bits do not matter.
    expect(entryName(entry([0x63, 0x61, 0x66, 0xc3, 0xa9], 0x800))).toBe('café');
    expect(entryName(entry([0x63, 0x61, 0x66, 0x82], 0))).toBe('café');
    expect(entryName(entry([0x63, 0x61, 0x66, 0x82], 0x801 & ~0x800))).toBe('café');
    expect(entryName({ fileName: 'already text' } as unknown as Entry)).toBe('already text');
    expect(entryName({ fileName: 'déjà vu', generalPurposeBitFlag: 0 } as unknown as Entry)).toBe('déjà vu');
  });

  it('refuses names with a NUL, absolute or pointing outside the archive, saying which', () => {
    const cases: [string, string | null][] = [
      ['notes/one.txt', null],
      ['a..b/c..txt', null],
      ['.hidden/..x', null],
      ['a\0b', 'its name contains a NUL character'],
      ['/etc/passwd', 'its name is an absolute path'],
      ['\\windows\\system.ini', 'its name is an absolute path'],
      ['C:/boot.ini', 'its name is an absolute path'],
      ['z:file', 'its name is an absolute path'],
      ['../up.txt', 'its name points outside the archive (`..`)'],
      ['a/../../up.txt', 'its name points outside the archive (`..`)'],
      ['a\\..\\up.txt', 'its name points outside the archive (`..`)'],
      ['a/..', 'its name points outside the archive (`..`)'],
      ['notes/c:file', null],
      ['notes/x:', null],
    ];
    for (const [name, reason] of cases) expect(unsafeEntryName(name), name).toBe(reason);
  });

  it("skips archivers' junk and nothing else", () => {
    for (const junk of [
      '__MACOSX/._a.txt',
      'x/__MACOSX/a',
      '.DS_Store',
      'a/.DS_Store',
      'Thumbs.db',
      'b/desktop.ini',
    ])
      expect(isJunk(junk), junk).toBe(true);
    for (const kept of ['a.txt', '__MACOSX.txt', 'x.DS_Store', 'my Thumbs.db', 'desktop.ini.txt', 'MACOSX/a'])
      expect(isJunk(kept), kept).toBe(false);
  });

  it('opens an archive within the entry limit, and says why one is not', async () => {
    const opened = await openWithinLimits(ZIP);
    expect('zip' in opened && opened.zip.entryCount).toBe(3);
    if ('zip' in opened) opened.zip.close();
    setImportLimits({ maxEntries: 3 });
    expect('zip' in (await openWithinLimits(ZIP))).toBe(true);
    setImportLimits({ maxEntries: 2 });
    expect(await openWithinLimits(ZIP)).toEqual({
      reason: 'the archive has 3 entries, more than the limit of 2',
    });
    const broken = await openWithinLimits(Buffer.from('PK\u0003\u0004 not really a zip'));
    expect('reason' in broken && broken.reason).toMatch(/^not a readable zip archive: .+/);
  });

  it("reads an entry's bytes, deflated or stored, and stops one past the entry limit or the budget", async () => {
    const read = async (name: string, budget?: ExpansionBudget) => {
      const zip = await openZip(ZIP, false);
      try {
        for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip))
          if (entryName(entry) === name) return (await readEntryBytes(zip, entry, budget)).toString();
        throw new Error(`no ${name}`);
      } finally {
        zip.close();
      }
    };
    expect(await read('notes/one.txt')).toBe('First note.');
    expect(await read('stored.txt')).toBe('Stored, not deflated.');
    setImportLimits({ maxEntryBytes: 5000 });
    expect(await read('two.txt')).toBe('x'.repeat(5000));
    setImportLimits({ maxEntryBytes: 4999 });
    await expect(read('two.txt')).rejects.toThrow('the entry expands past 5 KB');
    setImportLimits();
    // The budget counts what inflates, and its refusal stops the entry.
    const budget = new ExpansionBudget(10, { ...DEFAULTS, maxExpansionRatio: 1, expansionFloorBytes: 4000 });
    await expect(read('two.txt', budget)).rejects.toThrow(/the archive expands past/);
    const roomy = new ExpansionBudget(10, { ...DEFAULTS, maxExpansionRatio: 1, expansionFloorBytes: 6000 });
    expect(await read('two.txt', roomy)).toHaveLength(5000);
    expect(roomy.used).toBe(5000);
  });

  it('lists every entry past an unsafe name, which fails alone', async () => {
    const zip = makeZip([
      { name: 'ok.txt', data: 'a' },
      { name: '../evil.txt', data: 'b' },
      { name: 'after.txt', data: 'c' },
    ]);
    expect(await names(zip)).toEqual(['ok.txt', '../evil.txt', 'after.txt']);
  });

  it('refuses an entry whose bytes are damaged or longer than its header says', async () => {
    const readFirst = async (bytes: Buffer) => {
      const zip = await openZip(bytes, false);
      try {
        const entry = (await nextEntry(zip))!;
        return (await readEntryBytes(zip, entry)).toString();
      } finally {
        zip.close();
      }
    };
    const text = 'Lorem ipsum dolor sit amet. '.repeat(50);
    const good = makeZip([{ name: 'a.txt', data: text }]);
    expect(await readFirst(good)).toBe(text);
    // Deflated bytes garbled in the middle: the inflater fails, and so does the read.
    const garbled = Buffer.from(good);
    for (let i = 40; i < 60; i++) garbled[i] = 0xff;
    await expect(readFirst(garbled)).rejects.toThrow();
    // A header that says 10 bytes for 1,400: yauzl stops at the size it was told, and says so.
    const lying = Buffer.from(good);
    lying.writeUInt32LE(10, 22); // local header: uncompressed size
    const central = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(10, central + 24); // central directory: uncompressed size
    await expect(readFirst(lying)).rejects.toThrow(/too many bytes|expected/i);
  });

  it("closes an archive on disk once its last entry is listed, unless told not to, and says why one can't open", async () => {
    const dir = await tempDir();
    try {
      const file = path.join(dir, 'a.zip');
      await fs.writeFile(file, ZIP);
      const listed = async (zip: Awaited<ReturnType<typeof openZip>>) => {
        while (await nextEntry(zip));
        return zip.isOpen;
      };
      // Closed by itself (the file descriptor goes back), from openZip and openWithinLimits alike.
      expect(await listed(await openZip(file))).toBe(false);
      const opened = await openWithinLimits(file);
      expect('zip' in opened && (await listed(opened.zip))).toBe(false);
      // Kept open for entries read after the listing (the Omnivore importer), until closed.
      const kept = await openZip(file, false);
      expect(await listed(kept)).toBe(true);
      kept.close();
      const keptWithin = await openWithinLimits(file, false);
      expect('zip' in keptWithin && (await listed(keptWithin.zip))).toBe(true);
      if ('zip' in keptWithin) keptWithin.zip.close();
    } finally {
      await removeDir(dir);
    }
    // The reason names what yauzl found, not a word of our own.
    const broken = await openWithinLimits(Buffer.from('PK\u0003\u0004 not really a zip'));
    expect('reason' in broken && broken.reason).toMatch(
      /end of central directory record signature not found/i,
    );
  });

  it('leaves no listener behind between entries, and rejects on a damaged directory record', async () => {
    const zip = await openZip(ZIP);
    for (let i = 0; i < 3; i++) {
      expect(await nextEntry(zip)).not.toBeNull();
      for (const event of ['entry', 'end', 'error']) expect(zip.listenerCount(event), event).toBe(0);
    }
    // The second entry's central directory record garbled: the first is listed, the next read rejects.
    const damaged = Buffer.from(ZIP);
    const first = damaged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const second = damaged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), first + 4);
    damaged.writeUInt32LE(0xdeadbeef, second);
    const bad = await openZip(damaged);
    expect(entryName((await nextEntry(bad))!)).toBe('notes/one.txt');
    await expect(nextEntry(bad)).rejects.toThrow(/invalid central directory file header signature/);
  });

  it("rejects an entry whose local header is damaged, with yauzl's reason", async () => {
    const damaged = Buffer.from(ZIP);
    damaged.writeUInt32LE(0xdeadbeef, 0); // the first entry's local header signature
    const zip = await openZip(damaged, false);
    try {
      const entry = (await nextEntry(zip))!;
      await expect(readEntryBytes(zip, entry)).rejects.toThrow(/invalid local file header signature/);
    } finally {
      zip.close();
    }
  });

  it('uses the default limits of limits.ts as the zip limits it names', () => {
    expect(ZIP_LIMITS).toEqual({
      maxEntries: DEFAULTS.maxEntries,
      maxTotalBytes: DEFAULTS.maxExpandedBytes,
      maxRatio: DEFAULTS.maxExpansionRatio,
      ratioFloorBytes: 1024 * 1024,
      maxDepth: 4,
    });
  });
});
