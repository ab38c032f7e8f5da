/**
 * A saved page's own images, planned directly over real files on disk (html-page.test.ts and
 * local-resources.test.ts reach the same through the importers and a library's worker): which folders count,
 * one name per file however often it is named, unique names, files refused by place, kind, size or link, the
 * cap on files checked, and the second look at the full bytes when they are read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalImagePlan, savedPageFolders } from '../../../main/library/import/local-images';
import { removeDir, tempDir } from '../../helpers/temp-library';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const GIF = Buffer.from('GIF89a-not-much-more');

let dir: string;
let files: string;
let page: string;
beforeEach(async () => {
  dir = await tempDir('offprint-images-');
  page = path.join(dir, 'Harbour.html');
  files = path.join(dir, 'Harbour_files');
  fs.mkdirSync(files);
  fs.writeFileSync(page, '<p>page</p>');
});
afterEach(() => removeDir(dir));

const put = (name: string, bytes: Uint8Array | string) => {
  fs.mkdirSync(path.dirname(path.join(files, name)), { recursive: true });
  fs.writeFileSync(path.join(files, name), bytes);
};

describe('savedPageFolders', () => {
  it('names both folder spellings beside the page, from its name without the last extension', () => {
    expect(savedPageFolders('/x/y/My.page.html')).toEqual(['/x/y/My.page_files', '/x/y/My.page-files']);
    expect(savedPageFolders('/x/noext')).toEqual(['/x/noext_files', '/x/noext-files']);
  });
});

describe('a saved page’s image plan', () => {
  it('names an image once however often the page names it, and keeps distinct files apart', async () => {
    put('wall.png', PNG);
    put('sub/wall.png', PNG);
    const plan = LocalImagePlan.forSavedPage(page);
    expect(plan.pageDir).toBe(dir);
    expect(plan.reference('Harbour_files/wall.png')).toBe('resource:wall.png');
    expect(plan.reference('./Harbour_files/wall.png?v=2')).toBe('resource:wall.png');
    expect(plan.reference('Harbour_files/sub/wall.png')).toBe('resource:wall-2.png');
    const read = await plan.read(new Set(['wall.png', 'wall-2.png']));
    expect(read.map((r) => r.name)).toEqual(['wall.png', 'wall-2.png']);
    expect(Buffer.from(read[0]!.bytes).equals(PNG)).toBe(true);
  });

  it('names a file by its content’s type, whatever its name says', async () => {
    put('photo.png', GIF);
    put('noname', PNG);
    const plan = LocalImagePlan.forSavedPage(page);
    expect(plan.reference('Harbour_files/photo.png')).toBe('resource:photo.gif');
    expect(plan.reference('Harbour_files/noname')).toBe('resource:noname.png');
  });

  it('refuses what is not an image, missing, hidden, outside its folder or a folder, and keeps refusing', () => {
    put('notes.txt', 'plain words');
    put('.hidden.png', PNG);
    put('dir.png/inner.png', PNG);
    fs.writeFileSync(path.join(dir, 'beside.png'), PNG);
    const plan = LocalImagePlan.forSavedPage(page);
    for (const src of [
      'Harbour_files/notes.txt',
      'Harbour_files/missing.png',
      'Harbour_files/.hidden.png',
      'Harbour_files/dir.png',
      'beside.png',
      'https://example.org/wall.png',
      '',
    ])
      expect(plan.reference(src), src).toBeNull();
    // An image written where a refused file was: still refused for this page (it was judged once).
    put('notes.txt', PNG);
    expect(plan.reference('Harbour_files/notes.txt')).toBeNull();
  });

  it('refuses a file that links out of the folder, and a folder that is itself a link', () => {
    fs.writeFileSync(path.join(dir, 'secret.png'), PNG);
    fs.symlinkSync(path.join(dir, 'secret.png'), path.join(files, 'link.png'));
    const plan = LocalImagePlan.forSavedPage(page);
    expect(plan.reference('Harbour_files/link.png')).toBeNull();

    const other = path.join(dir, 'elsewhere');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'a.png'), PNG);
    fs.symlinkSync(other, path.join(dir, 'Harbour-files'));
    expect(LocalImagePlan.forSavedPage(page).reference('Harbour-files/a.png')).toBeNull();
  });

  it('takes images from the dash-spelled folder too', () => {
    fs.mkdirSync(path.join(dir, 'Harbour-files'));
    fs.writeFileSync(path.join(dir, 'Harbour-files', 'a.png'), PNG);
    expect(LocalImagePlan.forSavedPage(page).reference('Harbour-files/a.png')).toBe('resource:a.png');
  });

  it('keeps an image of up to 32 MB and refuses a larger one', async () => {
    const MB32 = 32 * 1024 * 1024;
    put('edge.png', PNG);
    put('over.png', PNG);
    // Sparse files: the size is what counts, not what is written.
    fs.truncateSync(path.join(files, 'edge.png'), MB32);
    fs.truncateSync(path.join(files, 'over.png'), MB32 + 1);
    const plan = LocalImagePlan.forSavedPage(page);
    expect(plan.reference('Harbour_files/over.png')).toBeNull();
    expect(plan.reference('Harbour_files/edge.png')).toBe('resource:edge.png');
    const [edge] = await plan.read(new Set(['edge.png']));
    expect(edge!.bytes.length).toBe(MB32);
    // Grown past the limit between the check and the read: left out.
    fs.truncateSync(path.join(files, 'edge.png'), MB32 + 1);
    expect(await plan.read(new Set(['edge.png']))).toEqual([]);
  });

  it('checks at most 1,000 files per page, counting refused ones', () => {
    for (let i = 0; i < 999; i++) put(`junk-${i}.txt`, 'x');
    put('a.png', PNG);
    put('b.png', PNG);
    const plan = LocalImagePlan.forSavedPage(page);
    for (let i = 0; i < 999; i++) expect(plan.reference(`Harbour_files/junk-${i}.txt`)).toBeNull();
    expect(plan.reference('Harbour_files/a.png')).toBe('resource:a.png');
    // The 1,001st file is not looked at; one already named still is.
    expect(plan.reference('Harbour_files/b.png')).toBeNull();
    expect(plan.reference('Harbour_files/a.png')).toBe('resource:a.png');
  });

  it('reads only the names still used, and drops a file that changed kind or vanished since', async () => {
    put('a.png', PNG);
    put('b.png', PNG);
    put('c.png', PNG);
    put('d.png', PNG);
    const plan = LocalImagePlan.forSavedPage(page);
    for (const n of ['a', 'b', 'c', 'd'])
      expect(plan.reference(`Harbour_files/${n}.png`)).toBe(`resource:${n}.png`);
    put('b.png', 'no longer an image');
    fs.rmSync(path.join(files, 'c.png'));
    const read = await plan.read(new Set(['a.png', 'b.png', 'c.png']));
    expect(read.map((r) => r.name)).toEqual(['a.png']);
  });
});
