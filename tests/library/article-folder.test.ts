/**
 * One article folder judged directly (main/library/store/article-folder.ts), as the store's reconcile and
 * `offprint doctor` see it: a whole article, a write a crash cut short, or damage with the reason a person reads;
 * and the two name rules beside it: the file name a resource is stored under (it must never leave the
 * article's folder) and the key titles are matched by. Whole libraries with these cases are in damage.test.ts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeResourceName } from '../../main/library/resource-name';
import { articleId, inspectArticle, readdirOrEmpty } from '../../main/library/store/article-folder';
import { FileVersionError } from '../../main/library/store/file-versions';
import { titleKey } from '../../main/library/title-key';
import { REPO, removeDir, tempDir } from '../helpers/temp-library';

const FIXTURE = path.join(REPO, 'tests/fixtures/libraries/current/articles/cd/cd52c57de2c34044dd89');
const ID = 'cd52c57de2c34044dd89';

let root: string;
let n = 0;
beforeAll(async () => {
  root = await tempDir();
});
afterAll(() => removeDir(root));

/** A copy of the fixture's whole article folder, changed by `change`. */
async function folder(change: (dir: string) => Promise<void> = async () => {}, id = ID): Promise<string> {
  const dir = path.join(root, String(n++), id);
  await fs.cp(FIXTURE, dir, { recursive: true });
  await change(dir);
  return dir;
}

const editJson = (dir: string, edit: (a: Record<string, unknown>) => void) =>
  fs
    .readFile(path.join(dir, 'article.json'), 'utf8')
    .then((text) => JSON.parse(text) as Record<string, unknown>)
    .then((a) => (edit(a), fs.writeFile(path.join(dir, 'article.json'), JSON.stringify(a))));

describe('inspectArticle', () => {
  it('finds a whole article, its original hashing to its id', async () => {
    const dir = await folder();
    expect(articleId(await fs.readFile(path.join(dir, 'original.md')))).toBe(ID);
    const found = await inspectArticle(dir, true);
    expect(found.kind).toBe('article');
    expect(found.kind === 'article' && found.article.title).toBe('Harbour cranes return');
    expect(found.temps).toEqual([]);
  });

  it('lists temporary files beside it and in its resources, whatever else it finds', async () => {
    const dir = await folder(async (d) => {
      await fs.writeFile(path.join(d, 'user.json.abc.tmp'), '');
      await fs.mkdir(path.join(d, 'resources'));
      await fs.writeFile(path.join(d, 'resources', 'a.png.def.tmp'), '');
      await fs.writeFile(path.join(d, 'resources', 'b.png'), '');
    });
    const found = await inspectArticle(dir, false);
    expect(found.kind).toBe('article');
    expect(found.temps.sort()).toEqual(
      [path.join(dir, 'user.json.abc.tmp'), path.join(dir, 'resources', 'a.png.def.tmp')].sort(),
    );
  });

  it('calls a folder without article.json cut short when only a write in progress is there', async () => {
    const onlyTemps = await folder(async (d) => {
      await fs.rm(path.join(d, 'article.json'));
      await fs.rm(path.join(d, 'original.md'));
      await fs.writeFile(path.join(d, 'original.md.x.tmp'), 'half');
    });
    expect(await inspectArticle(onlyTemps, false)).toEqual({
      kind: 'cut-short',
      temps: [path.join(onlyTemps, 'original.md.x.tmp')],
    });
    const empty = await folder(async (d) => {
      await fs.rm(path.join(d, 'article.json'));
      await fs.rm(path.join(d, 'original.md'));
    });
    expect(await inspectArticle(empty, false)).toEqual({ kind: 'cut-short', temps: [] });
    // Its resources folder made, nothing written yet.
    const onlyResources = await folder(async (d) => {
      await fs.rm(path.join(d, 'article.json'));
      await fs.rm(path.join(d, 'original.md'));
      await fs.mkdir(path.join(d, 'resources'));
    });
    expect(await inspectArticle(onlyResources, false)).toEqual({ kind: 'cut-short', temps: [] });
    // The original, in place, beside a temporary article.json: the rename that commits it never happened.
    const renamePending = await folder(async (d) => {
      await fs.rename(path.join(d, 'article.json'), path.join(d, 'article.json.y.tmp'));
    });
    expect((await inspectArticle(renamePending, false)).kind).toBe('cut-short');
  });

  it('calls other folders without article.json damaged, saying so', async () => {
    const dir = await folder((d) => fs.rm(path.join(d, 'article.json')));
    expect(await inspectArticle(dir, false)).toEqual({
      kind: 'damaged',
      reason: 'its article.json is missing',
      temps: [],
    });
  });

  it('names what is wrong with article.json', async () => {
    const notJson = await folder((d) => fs.writeFile(path.join(d, 'article.json'), '{"id": '));
    expect(await inspectArticle(notJson, false)).toMatchObject({
      kind: 'damaged',
      reason: 'its article.json is damaged (not valid JSON)',
    });
    const noVersion = await folder((d) => editJson(d, (a) => delete a.formatVersion));
    expect(await inspectArticle(noVersion, false)).toMatchObject({
      kind: 'damaged',
      reason: 'its article.json is damaged (not an Offprint article)',
    });
    const otherId = await folder((d) => editJson(d, (a) => (a.id = 'ffffffffffffffffffff')));
    expect(await inspectArticle(otherId, false)).toMatchObject({
      kind: 'damaged',
      reason: 'its article.json names another id (ffffffffffffffffffff)',
    });
  });

  it('refuses (throws) an article.json from a newer Offprint rather than calling it damage', async () => {
    const dir = await folder((d) => editJson(d, (a) => (a.formatVersion = 99)));
    await expect(inspectArticle(dir, false)).rejects.toBeInstanceOf(FileVersionError);
    await expect(inspectArticle(dir, false)).rejects.toMatchObject({ reason: 'newer' });
  });

  it('names a missing or unnamed original', async () => {
    const missing = await folder((d) => fs.rm(path.join(d, 'original.md')));
    expect(await inspectArticle(missing, false)).toMatchObject({
      kind: 'damaged',
      reason: 'its original (original.md) is missing',
    });
    const unnamed = await folder((d) => editJson(d, (a) => (a.original = 7)));
    expect(await inspectArticle(unnamed, false)).toMatchObject({
      kind: 'damaged',
      reason: 'its original (unnamed) is missing',
    });
    // A path in `original` is cut to its name: it never reaches outside the folder.
    const outside = await folder((d) => editJson(d, (a) => (a.original = '../../../etc/original.md')));
    expect((await inspectArticle(outside, true)).kind).toBe('article');
  });

  it('checks the original against the id only when asked to verify', async () => {
    const dir = await folder((d) => fs.appendFile(path.join(d, 'original.md'), 'changed'));
    expect((await inspectArticle(dir, false)).kind).toBe('article');
    expect(await inspectArticle(dir, true)).toEqual({
      kind: 'damaged',
      reason: 'its original (original.md) does not match its id (changed or damaged)',
      temps: [],
    });
  });
});

describe('readdirOrEmpty', () => {
  it('lists a folder, and nothing for a missing path or a file', async () => {
    const dir = await folder();
    expect((await readdirOrEmpty(dir)).sort()).toEqual(['article.json', 'original.md']);
    expect(await readdirOrEmpty(path.join(dir, 'absent'))).toEqual([]);
    expect(await readdirOrEmpty(path.join(dir, 'original.md'))).toEqual([]);
    // Any other failure is not hidden.
    await expect(readdirOrEmpty(`${dir}\0`)).rejects.toThrow();
  });
});

describe('safeResourceName', () => {
  it('keeps only the last segment, in word characters, dots and dashes, never hidden', () => {
    expect(safeResourceName('photo-1.large.jpg')).toBe('photo-1.large.jpg');
    expect(safeResourceName('../../etc/passwd')).toBe('passwd');
    expect(safeResourceName('C:\\Users\\me\\a b.png')).toBe('a_b.png');
    expect(safeResourceName('..')).toBeNull();
    expect(safeResourceName('...hidden.png')).toBe('hidden.png');
    expect(safeResourceName('a/')).toBeNull();
    expect(safeResourceName('é?.png')).toBe('__.png');
    expect(safeResourceName('x'.repeat(200))).toBe('x'.repeat(200));
    expect(safeResourceName('x'.repeat(201))).toBeNull();
  });
});

describe('titleKey', () => {
  it('folds quotes, dashes, case, width and spacing, and nothing else', () => {
    expect(titleKey('  ‘Iraq’s PM’ — “safe”\tafter ＡＴＴＡＣＫ ')).toBe(`'iraq's pm' - "safe" after attack`);
    expect(titleKey('a‐b‑c‒d–e—f―g')).toBe('a-b-c-d-e-f-g');
    // NFKC makes a double prime two primes, each then a straight quote.
    expect(titleKey('‚x‛ ′y` „z‟ ″w')).toBe(`'x' 'y' "z" ''w`);
    expect(titleKey('Two  words\n\nhere')).toBe('two words here');
    expect(titleKey('Naïve café')).toBe('naïve café');
  });
});
