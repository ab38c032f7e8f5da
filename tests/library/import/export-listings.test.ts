/**
 * What other apps' exports are read through, called directly (no extract, no jsdom), so each mutant of the
 * exports group costs milliseconds: the readers of JSON fields, a zip's directory read from its bytes, the
 * ArchiveBox snapshot index, and the walk over real folders on disk (folder tags, hidden files, saved pages'
 * `_files` folders, links in and out, ArchiveBox data folders and snapshots).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARCHIVEBOX_DATA_MARKERS,
  isArchiveBoxIndex,
  parseArchiveBoxIndex,
} from '../../../main/library/import/archivebox-index';
import { httpUrl, labelList, stringField } from '../../../main/library/import/json-fields';
import {
  describeFsError,
  savedPageFolders,
  walkInputs,
  type WalkItem,
} from '../../../main/library/import/walk-inputs';
import { zipEntryNames } from '../../../main/library/import/zip-directory';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { makeZip } from './zip-writer';

let root: string;
beforeAll(async () => {
  root = await fs.realpath(await tempDir('offprint-export-listings-'));
});
afterAll(async () => {
  await removeDir(root);
});

describe('JSON fields', () => {
  it('reads strings with their space collapsed, numbers as text, and nothing else', () => {
    expect(stringField('  Sea \n\t wall\u00a0vote ')).toBe('Sea wall vote');
    expect(stringField('x')).toBe('x');
    expect(stringField('')).toBeNull();
    expect(stringField(' \n ')).toBeNull();
    expect(stringField(0)).toBe('0');
    expect(stringField(2.5)).toBe('2.5');
    for (const value of [null, undefined, true, {}, ['a']]) expect(stringField(value)).toBeNull();
  });

  it('takes only http and https addresses, trimmed and normalised', () => {
    expect(httpUrl(' https://Coast.example/a b?x=1 ')).toBe('https://coast.example/a%20b?x=1');
    expect(httpUrl('http://coast.example')).toBe('http://coast.example/');
    // Any white space around it, not only what the URL parser drops itself.
    expect(httpUrl('\u00a0https://coast.example/\u2003')).toBe('https://coast.example/');
    for (const value of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://coast.example/',
      'coast.example',
      '',
    ]) {
      expect(httpUrl(value), value).toBeNull();
    }
    for (const value of [null, 5, { href: 'https://coast.example/' }]) expect(httpUrl(value)).toBeNull();
  });

  it('reads tags given as strings or as objects naming them under the key, deduplicated', () => {
    expect(
      labelList(
        ['Coast', { name: 'Nature', color: '#0f0' }, { label: 'other key' }, null, 5, { name: 3 }, 'coast'],
        'name',
      ),
    ).toEqual(['Coast', 'Nature']);
    expect(labelList([{ label: 'long read' }, 'rivers', { name: 'x' }], 'label')).toEqual([
      'long read',
      'rivers',
    ]);
    expect(labelList([], 'name')).toEqual([]);
    for (const value of ['Coast', null, { name: 'Coast' }]) expect(labelList(value, 'name')).toEqual([]);
  });
});

/** A zip made by yazl (extra fields, a comment on some entries) from names and texts. */
function yazlZip(entries: Array<{ name: string; comment?: string }>, archiveComment = ''): Promise<Buffer> {
  const zip = new ZipFile();
  // A stream rather than a buffer: yazl's types allow an entry comment only there.
  for (const { name, comment } of entries)
    zip.addReadStream(Readable.from([Buffer.from(name)]), name, comment ? { fileComment: comment } : {});
  zip.end({ forceZip64Format: false, comment: archiveComment });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Where the end-of-central-directory record of `zip` starts (it has no archive comment). */
const eocdOf = (zip: Buffer) => zip.length - 22;

describe("a zip's directory", () => {
  it('lists every name in order, past extra fields and entry comments', async () => {
    const zip = await yazlZip([
      { name: 'metadata_0_to_20.json', comment: 'the first' },
      { name: 'content/sea-wall.html' },
      { name: 'highlights/é.md', comment: 'x' },
      { name: 'last.txt' },
    ]);
    expect(zipEntryNames(zip)).toEqual([
      'metadata_0_to_20.json',
      'content/sea-wall.html',
      'highlights/é.md',
      'last.txt',
    ]);
    // From a view into a larger buffer, too.
    const padded = Buffer.concat([Buffer.alloc(7, 1), zip]);
    expect(zipEntryNames(new Uint8Array(padded.buffer, padded.byteOffset + 7, zip.length))).toEqual(
      zipEntryNames(zip),
    );
    expect(zipEntryNames(makeZip([]))).toEqual([]);
  });

  it('decodes names without the UTF-8 flag as the IBM PC code page', () => {
    const zip = makeZip([
      { name: 'X.txt', data: 'a' },
      { name: 'y.txt', data: 'b' },
    ]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(0, central + 8);
    zip[central + 46] = 0x82;
    expect(zipEntryNames(zip)).toEqual(['é.txt', 'y.txt']);
  });

  it('finds the directory behind an archive comment of up to 65,535 bytes', async () => {
    expect(zipEntryNames(await yazlZip([{ name: 'a.txt' }], 'made for a test'))).toEqual(['a.txt']);
    const zip = makeZip([{ name: 'a.txt', data: 'a' }]);
    const withComment = (length: number) => {
      const copy = Buffer.concat([zip, Buffer.alloc(length, 0x20)]);
      // The reader never looks at the comment's declared length: only how far back the record is.
      copy.writeUInt16LE(Math.min(length, 65535), eocdOf(zip) + 20);
      return copy;
    };
    expect(zipEntryNames(withComment(65535))).toEqual(['a.txt']);
    // One byte more and the record is out of reach: not a zip it can list.
    expect(zipEntryNames(withComment(65536))).toBeNull();
  });

  it('gives up on what is not a zip, a Zip64 archive, or a directory that is cut or damaged', () => {
    expect(zipEntryNames(new Uint8Array(0))).toBeNull();
    expect(zipEntryNames(new Uint8Array(21))).toBeNull();
    expect(zipEntryNames(Buffer.from('not a zip, only a few words of text'))).toBeNull();
    const zip = () =>
      makeZip([
        { name: 'a.txt', data: 'a' },
        { name: 'b.txt', data: 'b' },
      ]);
    // The record alone, 22 bytes, is an empty zip.
    expect(zipEntryNames(zip().subarray(eocdOf(zip())))).toBeNull();
    const zip64Count = zip();
    zip64Count.writeUInt16LE(0xffff, eocdOf(zip64Count) + 10);
    expect(zipEntryNames(zip64Count)).toBeNull();
    const zip64Offset = zip();
    zip64Offset.writeUInt32LE(0xffffffff, eocdOf(zip64Offset) + 16);
    expect(zipEntryNames(zip64Offset)).toBeNull();
    const broken = zip();
    const second = broken.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    broken[second] = 0;
    expect(zipEntryNames(broken)).toBeNull();
    // More entries declared than the directory holds: the next record would start inside the end record.
    const more = zip();
    more.writeUInt16LE(3, eocdOf(more) + 10);
    expect(zipEntryNames(more)).toBeNull();
    const late = zip();
    late.writeUInt32LE(late.length - 40, eocdOf(late) + 16);
    expect(zipEntryNames(late)).toBeNull();
  });

  it('reads a central record that ends exactly where the bytes end', () => {
    // The end record first (as if the rest were its comment), then one 46-byte central record with an empty
    // name, pointed at by the end record: nothing is past the record, and nothing is missing.
    const zip = makeZip([{ name: 'a', data: 'a' }]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const header = Buffer.from(zip.subarray(central, central + 46));
    header.writeUInt16LE(0, 28);
    const eocd = Buffer.from(zip.subarray(eocdOf(zip)));
    eocd.writeUInt32LE(22, 16);
    expect(zipEntryNames(Buffer.concat([eocd, header]))).toEqual(['']);
    expect(zipEntryNames(Buffer.concat([eocd, header.subarray(0, 45)]))).toBeNull();
  });

  it('reads the UTF-8 flag from its own two bytes, little-endian', () => {
    // makeZip sets the flag alone (0x0800): read big-endian it would be 0x0008, and the name cp437.
    expect(zipEntryNames(makeZip([{ name: 'é.txt', data: 'a' }]))).toEqual(['é.txt']);
  });

  it('cuts a name that runs past the end of the bytes where they end', () => {
    const zip = makeZip([{ name: 'a', data: 'a' }]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const header = Buffer.from(zip.subarray(central, central + 46));
    header.writeUInt16LE(5, 28);
    const eocd = Buffer.from(zip.subarray(eocdOf(zip)));
    eocd.writeUInt32LE(22, 16);
    // Bytes of their own: nothing past them can be read.
    expect(zipEntryNames(new Uint8Array(Buffer.concat([eocd, header, Buffer.from('ab')])))).toEqual(['ab']);
  });

  it("takes a directory that declares 65,535 entries as Zip64's, even when they are all there", () => {
    const zip = makeZip([{ name: 'a', data: 'a' }]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const record = zip.subarray(central, eocdOf(zip));
    const directory = Buffer.concat(new Array<Buffer>(0xffff).fill(record));
    const eocd = Buffer.from(zip.subarray(eocdOf(zip)));
    eocd.writeUInt16LE(0xffff, 8);
    eocd.writeUInt16LE(0xffff, 10);
    eocd.writeUInt32LE(directory.length, 12);
    eocd.writeUInt32LE(central, 16);
    const bytes = Buffer.concat([zip.subarray(0, central), directory, eocd]);
    expect(zipEntryNames(bytes)).toBeNull();
    // The same records under a count one less are listed.
    const fewer = Buffer.from(bytes);
    fewer.writeUInt16LE(0xfffe, bytes.length - 22 + 10);
    expect(zipEntryNames(fewer)).toHaveLength(0xfffe);
  });
});

describe('the ArchiveBox snapshot index', () => {
  const index = {
    url: 'https://coast.example/a',
    timestamp: '1700000000.0',
    bookmarked_date: 'x',
    history: {},
  };

  it('is an object with a url, a timestamp and two of the keys only ArchiveBox writes together', () => {
    expect(isArchiveBoxIndex(index)).toBe(true);
    expect(isArchiveBoxIndex({ ...index, timestamp: 1700000000 })).toBe(true);
    expect(isArchiveBoxIndex({ url: 'u', timestamp: '1', canonical: {}, sources: [] })).toBe(true);
    expect(isArchiveBoxIndex({ url: 'u', timestamp: '1', num_outputs: 0, is_archived: false })).toBe(true);
    expect(
      isArchiveBoxIndex({ url: 'u', timestamp: '1', archive_path: 'a', oldest_archive_date: null }),
    ).toBe(true);
    expect(isArchiveBoxIndex({ url: 'u', timestamp: '1', base_url: 'b', history: {} })).toBe(true);
    expect(isArchiveBoxIndex({ url: 'u', timestamp: '1', bookmarked_date: 'x' })).toBe(false);
    expect(isArchiveBoxIndex({ url: 'u', timestamp: '1', title: 't', tags: 'a' })).toBe(false);
    expect(isArchiveBoxIndex({ ...index, url: undefined })).toBe(false);
    expect(isArchiveBoxIndex({ ...index, url: 5 })).toBe(false);
    expect(isArchiveBoxIndex({ ...index, timestamp: true })).toBe(false);
    expect(isArchiveBoxIndex({ ...index, timestamp: undefined })).toBe(false);
    for (const value of [null, undefined, 'index', 5, [index]]) expect(isArchiveBoxIndex(value)).toBe(false);
  });

  it('is parsed from text that starts as an object and names a timestamp, else null', () => {
    expect(parseArchiveBoxIndex(JSON.stringify(index))).toEqual(index);
    expect(parseArchiveBoxIndex(`\uFEFF \n\t${JSON.stringify(index, null, 2)}`)).toEqual(index);
    expect(parseArchiveBoxIndex(JSON.stringify([index]))).toBeNull();
    expect(parseArchiveBoxIndex(`x${JSON.stringify(index)}`)).toBeNull();
    expect(parseArchiveBoxIndex(JSON.stringify({ ...index, timestamp: undefined, ts: 1 }))).toBeNull();
    expect(parseArchiveBoxIndex('{"timestamp": 1, "url": ')).toBeNull();
    // The key must be written out: the quick look for it comes before parsing.
    expect(
      parseArchiveBoxIndex('{"url": "u", "time\\u0073tamp": "1", "history": {}, "sources": []}'),
    ).toBeNull();
    expect(parseArchiveBoxIndex(JSON.stringify({ url: 'u', timestamp: '1', history: {} }))).toBeNull();
    expect(parseArchiveBoxIndex('')).toBeNull();
  });

  it('keeps a byte order mark that is not at the start', () => {
    const titled = { ...index, title: 'Sea\uFEFFwall' };
    expect(parseArchiveBoxIndex(JSON.stringify(titled))).toEqual(titled);
  });

  it('marks a data folder by its config or its database', () => {
    expect(ARCHIVEBOX_DATA_MARKERS).toEqual(['ArchiveBox.conf', 'index.sqlite3']);
  });
});

describe('the resource folders of saved pages', () => {
  it('are NAME_files or NAME-files beside NAME.html (any case, any HTML extension)', () => {
    expect(
      [
        ...savedPageFolders([
          'Page.HTM',
          'page_files',
          'PAGE-FILES',
          'page_files2',
          'x.xhtml',
          'x_files',
          'y.shtml',
          'y-files',
          'z.html',
          'z files',
          'a.txt',
          'a_files',
          'b.html.bak',
          'b_files',
          'c',
          'c_files',
          'd.html',
          'xd_files',
        ]),
      ].sort(),
    ).toEqual(['PAGE-FILES', 'page_files', 'x_files', 'y-files']);
    expect([...savedPageFolders(['a.b.html', 'a.b_files', 'a_files'])]).toEqual(['a.b_files']);
    expect([...savedPageFolders(['_files', '.html'])]).toEqual(['_files']);
  });

  it('are beside a page whose name ends in an HTML extension, and named on one line', () => {
    expect([...savedPageFolders(['page.html~', 'page_files'])]).toEqual([]);
    expect([...savedPageFolders(['page.htmlx', 'page-files'])]).toEqual([]);
    expect([...savedPageFolders(['page.html', 'old\npage_files'])]).toEqual([]);
  });
});

async function write(file: string, data: string | Buffer = 'text'): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, data);
  return file;
}

async function walk(paths: string[], folderTags = true): Promise<WalkItem[]> {
  const out: WalkItem[] = [];
  for await (const item of walkInputs(paths, folderTags)) out.push(item);
  return out;
}

/** Each item as one line: `relative path as name [tags]`, or `failed source: reason`. */
const lines = (items: WalkItem[], base: string) =>
  items.map((i) =>
    i.kind === 'file'
      ? `${path.relative(base, i.path)} as ${i.name} [${i.folderTags.join(', ')}]`
      : `failed ${path.isAbsolute(i.source) ? path.relative(base, i.source) : i.source}: ${i.reason}`,
  );

const SNAPSHOT = JSON.stringify({
  url: 'https://coast.example/a',
  timestamp: '1700000000.0',
  history: {},
  sources: [],
});

describe('walking what was given', () => {
  it('yields files as they are, and says why a path cannot be read', async () => {
    const dir = path.join(root, 'given');
    const file = await write(path.join(dir, 'one.txt'));
    expect(await walk([file, path.join(dir, 'missing.txt'), '/dev/null'])).toEqual([
      { kind: 'file', path: file, name: 'one.txt', folderTags: [] },
      { kind: 'failed', source: path.join(dir, 'missing.txt'), reason: 'no such file or folder' },
      { kind: 'failed', source: '/dev/null', reason: 'not a regular file or folder' },
    ]);
    // A relative path is resolved (against the working folder: Stryker's threads cannot change it), and named as
    // given when it fails.
    const relative = path.relative(process.cwd(), file);
    const gone = path.relative(process.cwd(), path.join(dir, 'gone.txt'));
    expect(await walk([relative, gone])).toEqual([
      { kind: 'file', path: file, name: 'one.txt', folderTags: [] },
      { kind: 'failed', source: gone, reason: 'no such file or folder' },
    ]);
  });

  it('walks folders in natural name order, tagging files with the folders they are in', async () => {
    const dir = path.join(root, 'Reading list');
    for (const name of [
      'b.txt',
      'a10.txt',
      'a2.txt',
      'Sea/wall.txt',
      'Sea/Deep/eel.txt',
      'sub2/x.txt',
      '.hidden.txt',
      '.git/config',
      'Sea/.DS_Store',
    ])
      await write(path.join(dir, name));
    expect(lines(await walk([dir]), dir)).toEqual([
      'a2.txt as a2.txt [Reading list]',
      'a10.txt as a10.txt [Reading list]',
      'b.txt as b.txt [Reading list]',
      'Sea/Deep/eel.txt as eel.txt [Reading list, Sea, Deep]',
      'Sea/wall.txt as wall.txt [Reading list, Sea]',
      'sub2/x.txt as x.txt [Reading list, sub2]',
    ]);
    expect(lines(await walk([dir], false), dir)).toEqual([
      'a2.txt as a2.txt []',
      'a10.txt as a10.txt []',
      'b.txt as b.txt []',
      'Sea/Deep/eel.txt as eel.txt []',
      'Sea/wall.txt as wall.txt []',
      'sub2/x.txt as x.txt []',
    ]);
  });

  it('cleans folder names as tags, and gives a folder name that cleans to nothing no tag', async () => {
    const dir = path.join(root, 'clean\u202Eme');
    await write(path.join(dir, 'Region\u202E', 'a.txt'));
    await write(path.join(dir, '\u202E', 'b.txt'));
    expect(lines(await walk([dir]), dir)).toEqual([
      `\u202E/b.txt as b.txt [cleanme]`,
      'Region\u202E/a.txt as a.txt [cleanme, Region]',
    ]);
  });

  it("skips a saved page's resource folder beside it, but walks one without its page", async () => {
    const dir = path.join(root, 'pages');
    await write(path.join(dir, 'Harbour.html'));
    await write(path.join(dir, 'Harbour_files', 'wall.png'));
    await write(path.join(dir, 'Other-files', 'x.txt'));
    expect(lines(await walk([dir], false), dir)).toEqual([
      'Harbour.html as Harbour.html []',
      'Other-files/x.txt as x.txt []',
    ]);
  });

  it('follows links that stay inside the folder, once, and names the others', async () => {
    const dir = path.join(root, 'links');
    const outside = await write(path.join(root, 'outside', 'secret.txt'));
    await write(path.join(dir, 'real', 'a.txt'));
    await fs.symlink(path.join(dir, 'real', 'a.txt'), path.join(dir, 'file-link.txt'));
    await fs.symlink(path.join(dir, 'real'), path.join(dir, 'dir-link'));
    await fs.symlink(dir, path.join(dir, 'real', 'loop'));
    await fs.symlink(outside, path.join(dir, 'out.txt'));
    await fs.symlink(path.dirname(outside), path.join(dir, 'out-dir'));
    await fs.symlink(path.join(dir, 'nowhere.txt'), path.join(dir, 'broken.txt'));
    expect(lines(await walk([dir]), dir)).toEqual([
      'failed broken.txt: a symbolic link whose target does not exist',
      // dir-link is walked first (name order); `real` is then the same folder, already walked.
      'real/a.txt as a.txt [links, dir-link]',
      'real/a.txt as file-link.txt [links]',
      'failed out-dir: a symbolic link that points outside the imported folder (not followed)',
      'failed out.txt: a symbolic link that points outside the imported folder (not followed)',
    ]);
  });

  it('takes a link to a folder whose name starts like the walked one as outside it', async () => {
    const dir = path.join(root, 'near');
    await write(path.join(`${dir}by`, 'x.txt'));
    await write(path.join(dir, 'a.txt'));
    await fs.symlink(`${dir}by`, path.join(dir, 'sibling'));
    expect(lines(await walk([dir], false), dir)).toEqual([
      'a.txt as a.txt []',
      'failed sibling: a symbolic link that points outside the imported folder (not followed)',
    ]);
  });

  it('walks only the archive of an ArchiveBox data folder, one input per snapshot, with no archive tag', async () => {
    const data = path.join(root, 'box');
    await write(path.join(data, 'ArchiveBox.conf'));
    await write(path.join(data, 'logs', 'run.txt'));
    await write(path.join(data, 'sources', 'urls.txt'));
    await write(path.join(data, 'archive', '1700000000.0', 'index.json'), SNAPSHOT);
    await write(path.join(data, 'archive', '1700000000.0', 'singlefile.html'));
    await write(path.join(data, 'archive', '1700000100.5', 'index.json'), `\uFEFF  ${SNAPSHOT}`);
    // Not a snapshot: its index.json is someone else's, so the folder is walked as any other.
    await write(path.join(data, 'archive', 'notes', 'index.json'), '{"timestamp": 1}');
    await write(path.join(data, 'archive', 'notes', 'a.txt'));
    expect(lines(await walk([data]), data)).toEqual([
      'archive/1700000000.0/index.json as 1700000000.0/index.json [box]',
      'archive/1700000100.5/index.json as 1700000100.5/index.json [box]',
      'archive/notes/a.txt as a.txt [box, notes]',
      'archive/notes/index.json as index.json [box, notes]',
    ]);
    expect(lines(await walk([data], false), data)[0]).toBe(
      'archive/1700000000.0/index.json as 1700000000.0/index.json []',
    );
    // The database alone marks it too; a snapshot folder given alone is one input, tagged by nothing.
    const db = path.join(root, 'box-db');
    await write(path.join(db, 'index.sqlite3'));
    await write(path.join(db, 'archive', '1', 'index.json'), SNAPSHOT);
    expect(lines(await walk([db]), db)).toEqual(['archive/1/index.json as 1/index.json [box-db]']);
    const snapshot = path.join(data, 'archive', '1700000000.0');
    expect(lines(await walk([snapshot]), snapshot)).toEqual(['index.json as 1700000000.0/index.json []']);
  });

  it('walks a folder with the marker but no archive as any other', async () => {
    const dir = path.join(root, 'conf-only');
    await write(path.join(dir, 'ArchiveBox.conf'));
    await write(path.join(dir, 'a.txt'));
    expect(lines(await walk([dir], false), dir)).toEqual([
      'a.txt as a.txt []',
      'ArchiveBox.conf as ArchiveBox.conf []',
    ]);
  });

  it('takes an index.json as a snapshot only when it is a file of at most 4 MiB', async () => {
    const dir = path.join(root, 'sizes');
    const padded = (size: number) => SNAPSHOT + ' '.repeat(size - Buffer.byteLength(SNAPSHOT));
    await write(path.join(dir, 'at', 'index.json'), padded(4 * 1024 * 1024));
    await write(path.join(dir, 'over', 'index.json'), padded(4 * 1024 * 1024 + 1));
    await fs.mkdir(path.join(dir, 'folder', 'index.json'), { recursive: true });
    await write(path.join(dir, 'folder', 'index.json', 'a.txt'));
    expect(lines(await walk([dir], false), dir)).toEqual([
      'at/index.json as at/index.json []',
      'folder/index.json/a.txt as a.txt []',
      'over/index.json as index.json []',
    ]);
  });

  it('names a folder it cannot read, and goes on', async () => {
    const dir = path.join(root, 'deep');
    await write(path.join(dir, 'top.txt'));
    // Folders nested past the longest path the system takes: made from inside, one level at a time.
    const segment = 'd'.repeat(250);
    execFileSync(process.execPath, [
      '-e',
      `const fs = require('fs'); process.chdir(${JSON.stringify(dir)}); for (let i = 0; i < 17; i++) ` +
        `{ fs.mkdirSync('${segment}'); process.chdir('${segment}'); } fs.writeFileSync('deep.txt', 'x');`,
    ]);
    try {
      const items = await walk([dir], false);
      expect(items.map((i) => i.kind)).toEqual(['failed', 'file']);
      const failed = items[0] as Extract<WalkItem, { kind: 'failed' }>;
      expect(failed.source.startsWith(path.join(dir, segment, segment))).toBe(true);
      expect(failed).toEqual({
        kind: 'failed',
        source: failed.source,
        reason: `ENAMETOOLONG: name too long, scandir '${failed.source}'`,
      });
      expect(items[1]).toEqual({
        kind: 'file',
        path: path.join(dir, 'top.txt'),
        name: 'top.txt',
        folderTags: [],
      });
    } finally {
      execFileSync('rm', ['-rf', dir]);
    }
  });

  it('fails links it does not follow as failures, and skips what is neither file nor folder', async () => {
    const dir = path.join(root, 'odd-entries');
    await write(path.join(dir, 'a.txt'));
    await fs.symlink(path.join(dir, 'nowhere.txt'), path.join(dir, 'broken.txt'));
    await fs.symlink(path.join(root, 'given'), path.join(dir, 'out'));
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    expect(await walk([dir], false)).toEqual([
      { kind: 'file', path: path.join(dir, 'a.txt'), name: 'a.txt', folderTags: [] },
      {
        kind: 'failed',
        source: path.join(dir, 'broken.txt'),
        reason: 'a symbolic link whose target does not exist',
      },
      {
        kind: 'failed',
        source: path.join(dir, 'out'),
        reason: 'a symbolic link that points outside the imported folder (not followed)',
      },
    ]);
  });

  it('takes a folder as a snapshot only when its index.json is a file, not a link to one', async () => {
    const dir = path.join(root, 'linked-index');
    await write(path.join(dir, 'real-index.json'), SNAPSHOT);
    await write(path.join(dir, 'singlefile.html'));
    await fs.symlink(path.join(dir, 'real-index.json'), path.join(dir, 'index.json'));
    expect(lines(await walk([dir], false), dir)).toEqual([
      'real-index.json as index.json []',
      'real-index.json as real-index.json []',
      'singlefile.html as singlefile.html []',
    ]);
  });
});

describe('file errors in words', () => {
  const error = (code: string, message = `${code}: raw`) => Object.assign(new Error(message), { code });
  it('names the common ones, and passes on the rest', () => {
    expect(describeFsError(error('ENOENT'))).toBe('no such file or folder');
    expect(describeFsError(error('EACCES'))).toBe('permission denied');
    expect(describeFsError(error('EPERM'))).toBe('permission denied');
    expect(describeFsError(error('EISDIR'))).toBe('is a folder');
    expect(describeFsError(error('ELOOP', 'too many links'))).toBe('too many links');
    expect(describeFsError(new Error('plain'))).toBe('plain');
  });
});
