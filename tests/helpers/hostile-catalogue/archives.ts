/**
 * Archives and folders: zip slip, zip bombs by ratio, by count and by nesting, lying sizes, damaged archives,
 * symbolic links in zips and in folders (loops, escapes, dangling), a named pipe, and a compressed WARC bomb.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { httpResponse, makeWarc } from '../../library/import/warc-writer';
import type { HostileCase } from './case';
import { markerOf, mkfifo, symlink, textBody, writeFile } from './build';
import {
  deflatedEntry,
  repeatedDeflate,
  repeatedGzip,
  storedEntry,
  writeZip,
  type RawZipEntry,
} from './bombs';

const F = 'archives' as const;
const MIB = 1024 * 1024;

/** An article-like text entry, titled and holding the case's marker. */
function article(name: string, title: string): string {
  return `${title}\n\n${textBody(markerOf(name))}\n`;
}

const BOMB_REASON = /expands past|ratio|compress|bomb|larger than|more than/i;

/** `count` entries of `size` bytes of one letter, all sharing one compressed body. */
function letterEntries(prefix: string, count: number, size: number): RawZipEntry[] {
  const { body, crc } = repeatedDeflate(Buffer.alloc(size, 0x61), 1);
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix}${String(i + 1).padStart(4, '0')}.txt`,
    body,
    method: 8 as const,
    crc,
    declaredSize: size,
  }));
}

function zipCase(
  spec: Omit<HostileCase, 'family' | 'write'> & { zip: () => Buffer; extension?: string },
): HostileCase {
  const { zip, extension, ...rest } = spec;
  return {
    ...rest,
    family: F,
    async write(dir) {
      return [await writeFile(dir, `${spec.name}.${extension ?? 'zip'}`, zip())];
    },
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export const ARCHIVE_CASES: HostileCase[] = [
  zipCase({
    name: 'zip-slip-dotdot',
    input: 'a zip with `../../zip-slip-escaped.txt` beside a good entry',
    expected:
      'the good entry imported; the `../` entry refused (points outside the archive); nothing written outside',
    outcome: { kind: 'partly', count: 1, reasons: [/outside|\.\./i] },
    marker: markerOf('zip-slip-dotdot'),
    zip: () =>
      writeZip([
        deflatedEntry('../../zip-slip-escaped.txt', article('zip-slip-dotdot', 'Escaped by dot dot')),
        deflatedEntry('good.txt', article('zip-slip-dotdot', 'Good entry beside a zip slip')),
      ]),
    async check(_articles, ctx) {
      for (const where of [path.dirname(ctx.dir), path.dirname(path.dirname(ctx.dir)), os.tmpdir()])
        expect(await exists(path.join(where, 'zip-slip-escaped.txt'))).toBe(false);
    },
  }),
  zipCase({
    name: 'zip-slip-absolute',
    input: 'a zip with an absolute entry name `/tmp/zip-slip-absolute-escaped.txt`',
    expected: 'the good entry imported; the absolute entry refused; nothing written outside',
    outcome: { kind: 'partly', count: 1, reasons: [/absolute/i] },
    marker: markerOf('zip-slip-absolute'),
    zip: () =>
      writeZip([
        deflatedEntry('/tmp/zip-slip-absolute-escaped.txt', article('zip-slip-absolute', 'Escaped absolute')),
        deflatedEntry('good.txt', article('zip-slip-absolute', 'Good entry beside an absolute name')),
      ]),
    async check() {
      expect(await exists('/tmp/zip-slip-absolute-escaped.txt')).toBe(false);
    },
  }),
  zipCase({
    name: 'zip-slip-backslash',
    input: 'a zip with Windows-style `..\\..\\escaped.txt` and `C:\\escaped.txt` entries',
    expected: 'the good entry imported; both escaping entries refused',
    outcome: { kind: 'partly', count: 1, reasons: [/outside|\.\./i, /absolute/i] },
    marker: markerOf('zip-slip-backslash'),
    zip: () =>
      writeZip([
        deflatedEntry('..\\..\\escaped.txt', article('zip-slip-backslash', 'Escaped by backslashes')),
        deflatedEntry('C:\\escaped.txt', article('zip-slip-backslash', 'Escaped to a drive')),
        deflatedEntry('good.txt', article('zip-slip-backslash', 'Good entry beside backslashes')),
      ]),
  }),
  zipCase({
    name: 'zip-bomb-ratio',
    input: 'a 64 KB zip whose one text entry inflates to 64 MiB (1,000:1)',
    expected: 'refused: “expands past” / compression ratio over the limit',
    outcome: { kind: 'refused', reasons: [BOMB_REASON] },
    zip: () => {
      const { body, crc, size } = repeatedDeflate(Buffer.alloc(MIB, 0x61), 64);
      return writeZip([{ name: 'bomb.txt', body, method: 8, crc, declaredSize: size }]);
    },
  }),
  zipCase({
    name: 'zip-bomb-count',
    heavy: true,
    input:
      'a ~300 KB zip of 100 text entries of 1 MiB − 1 each (each under the ratio check’s floor): 100 MiB in all',
    expected:
      'refused as a whole or cut short: “expands past” (totals counted as inflated); not 100 articles',
    outcome: { kind: 'cut-short', below: 100, reasons: [BOMB_REASON] },
    zip: () => writeZip(letterEntries('entry', 100, MIB - 1)),
  }),
  zipCase({
    name: 'zip-many-entries',
    input: 'a zip of 10,001 one-byte entries',
    expected: 'refused: more entries than the limit',
    outcome: { kind: 'refused', reasons: [/more than|entries/i] },
    zip: () =>
      writeZip(
        Array.from({ length: 10_001 }, (_, i) => storedEntry(`e${String(i).padStart(5, '0')}.txt`, 'x')),
      ),
  }),
  zipCase({
    name: 'zip-lying-size',
    input: 'a zip entry that declares 200 bytes and inflates to 64 MiB',
    expected: 'refused: inflated size counted as it is inflated, not as declared',
    outcome: { kind: 'refused', reasons: [/expands past|too many bytes|size|declare|larger than/i] },
    zip: () => {
      const { body, crc } = repeatedDeflate(Buffer.alloc(MIB, 0x61), 64);
      return writeZip([{ name: 'liar.txt', body, method: 8, crc, declaredSize: 200 }]);
    },
  }),
  zipCase({
    name: 'zip-nested-ok',
    input: 'a zip inside a zip holding one article (positive control)',
    expected: 'imported, its source naming both archives',
    outcome: { kind: 'imported', count: 1 },
    marker: markerOf('zip-nested-ok'),
    zip: () =>
      writeZip([
        deflatedEntry(
          'inner.zip',
          writeZip([deflatedEntry('nested.txt', article('zip-nested-ok', 'Nested article in two zips'))]),
        ),
      ]),
  }),
  zipCase({
    name: 'zip-nested-deep',
    input: 'zips nested six deep around one article',
    expected: 'refused: nested deeper than the limit',
    outcome: { kind: 'refused', reasons: [/nested|deep/i] },
    zip: () => {
      let zip = writeZip([deflatedEntry('deep.txt', article('zip-nested-deep', 'Deepest article'))]);
      for (let level = 5; level >= 1; level--) zip = writeZip([storedEntry(`level${level}.zip`, zip)]);
      return zip;
    },
  }),
  zipCase({
    name: 'zip-nested-bomb',
    heavy: true,
    input: 'a 42.zip-style bomb: 10 zips of 10 zips of 10 text entries of 256 KiB (256 MiB from a few KB)',
    expected: 'refused or cut short: “expands past” (totals across nesting); not 1,000 articles',
    outcome: { kind: 'cut-short', below: 1000, reasons: [BOMB_REASON] },
    zip: () => {
      const inner = writeZip(letterEntries('leaf', 10, 256 * 1024 - 1));
      const middle = writeZip(Array.from({ length: 10 }, (_, i) => deflatedEntry(`inner${i}.zip`, inner)));
      return writeZip(Array.from({ length: 10 }, (_, i) => deflatedEntry(`middle${i}.zip`, middle)));
    },
  }),
  zipCase({
    name: 'zip-damaged',
    input: 'a zip cut off at 60% of its length',
    expected: 'refused: the archive is damaged / not readable',
    outcome: { kind: 'refused', reasons: [/damaged|not a readable|unreadable|cut short|truncated|invalid/i] },
    zip: () => {
      const whole = writeZip([
        deflatedEntry('one.txt', article('zip-damaged', 'First entry of a damaged zip')),
        deflatedEntry('two.txt', article('zip-damaged', 'Second entry of a damaged zip')),
      ]);
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    },
  }),
  zipCase({
    name: 'zip-symlink-entry',
    input: 'a zip whose entry is a Unix symbolic link to `/etc/passwd`, beside a good entry',
    expected: 'the good entry imported; the link never followed (nothing of `/etc/passwd` stored)',
    outcome: { kind: 'either', reasons: [/link|not supported|refused/i] },
    marker: markerOf('zip-symlink-entry'),
    zip: () =>
      writeZip([
        { ...storedEntry('passwd', '/etc/passwd'), symlink: true },
        deflatedEntry('good.txt', article('zip-symlink-entry', 'Good entry beside a link')),
      ]),
    async check(articles, ctx) {
      expect(articles.length).toBeGreaterThanOrEqual(1);
      expect(await ctx.libraryText()).not.toMatch(/root:x:0:0/);
    },
  }),
  {
    name: 'symlink-loop',
    family: F,
    input: 'a folder holding links to itself (`loop -> .`), to its parent (`sub/back -> ..`) and a self-link',
    expected: 'its one article imported once; the walk ends; the self-link reported',
    outcome: { kind: 'partly', count: 1, reasons: [/link|loop/i] },
    marker: markerOf('symlink-loop'),
    async write(dir) {
      await writeFile(dir, 'symlink-loop.txt', article('symlink-loop', 'Article in a folder of loops'));
      await symlink(dir, 'loop', '.');
      await symlink(dir, 'sub/back', '..');
      await symlink(dir, 'sub/self', 'self');
      return [dir];
    },
  },
  {
    name: 'symlink-outside',
    family: F,
    input: 'a folder holding links to `/etc/passwd` and `/etc`',
    expected: 'its article imported; both links refused (point outside the imported folder)',
    outcome: { kind: 'partly', count: 1, reasons: [/outside/i] },
    marker: markerOf('symlink-outside'),
    async write(dir) {
      await writeFile(dir, 'symlink-outside.txt', article('symlink-outside', 'Article beside links out'));
      await symlink(dir, 'passwd', '/etc/passwd');
      await symlink(dir, 'etc', '/etc');
      return [dir];
    },
    async check(_articles, ctx) {
      expect(await ctx.libraryText()).not.toMatch(/root:x:0:0/);
    },
  },
  {
    name: 'symlink-dangling',
    family: F,
    input: 'a folder holding a link to a file that does not exist',
    expected: 'its article imported; the link reported (target does not exist)',
    outcome: { kind: 'partly', count: 1, reasons: [/not exist|no such|missing/i] },
    marker: markerOf('symlink-dangling'),
    async write(dir) {
      await writeFile(
        dir,
        'symlink-dangling.txt',
        article('symlink-dangling', 'Article beside a dangling link'),
      );
      await symlink(dir, 'gone.txt', './missing.txt');
      return [dir];
    },
  },
  {
    name: 'named-pipe',
    family: F,
    input: 'a named pipe (FIFO) given as a file to import (reading it would block for ever)',
    expected: 'refused: not a regular file',
    outcome: { kind: 'refused', reasons: [/not a regular file/i] },
    async write(dir) {
      const file = path.join(dir, 'named-pipe.txt');
      mkfifo(file);
      return [file];
    },
  },
  {
    name: 'warc-gzip-bomb',
    family: F,
    heavy: true,
    input: 'a ~3 KB `.warc.gz` whose gzip record holds a gzip-encoded HTML body of 1 GiB',
    expected: 'refused: “expands past” (records counted as they are inflated)',
    outcome: { kind: 'refused', reasons: [/expands past|too large|larger than|compress|bomb/i] },
    async write(dir) {
      const body = repeatedGzip(Buffer.alloc(MIB, 0x20), 1024);
      const warc = makeWarc(
        [
          {
            type: 'response',
            uri: 'https://example.org/bomb',
            block: httpResponse({ 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, body),
          },
        ],
        true,
      );
      return [await writeFile(dir, 'warc-gzip-bomb.warc.gz', warc)];
    },
  },
];
