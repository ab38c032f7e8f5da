/**
 * The seed article through extract: its fields, golden, and a plain note left to the plain-text importer. The
 * format's rules are tested directly in import/seed-text-rules.test.ts.
 */
import fs from 'node:fs/promises';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extract } from '../../main/library/import/extract';
import { makeArticle, singleArticle } from '../../main/library/import/importer';
import { SEED_FILE, needShared } from '../helpers/fixtures-and-shared';

async function extractOne(name: string, bytes: Uint8Array) {
  const outcomes = [];
  for await (const o of extract(name, null, bytes)) outcomes.push(o);
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

describe('the seed article (golden)', async () => {
  const present = await needShared(SEED_FILE, 'seed golden test');
  it.skipIf(!present)('extracts exactly the fields of the seed', async () => {
    const outcome = await extractOne('drone-attack-iraqi-pm.txt', await fs.readFile(SEED_FILE));
    if (outcome.kind !== 'article') throw new Error(outcome.reason);
    const a = outcome.article;
    expect(outcome.importer).toBe('seed-text');
    expect(a.title).toBe('Drone attack by militants on Iraqi PM ‘marks escalation’ in power struggle');
    expect(a.subtitle).toBe(
      'Officials see strike on premier’s home as assassination attempt by Iran-backed groups trying to overturn election result',
    );
    expect(a.tags).toEqual(['Iraq', 'Iran', 'Middle East and North Africa', 'news']);
    expect(a.published).toBe('2021-11-07T19:14:16Z');
    expect(a.category).toBe('Uncategorized');
    expect(a.previousTitle).toBe('It’s Official: Antoni Porowski Is the Sexiest Chef Alive');
    expect(a.nextTitle).toBe('What Do the National Conservatives Want?');
    const paragraphs = a.text.split('\n\n');
    // Every body line of the file, from the caption to the last paragraph: 10 in this file.
    expect(paragraphs[0]).toMatch(/^The remains of vehicle/);
    expect(paragraphs.at(-1)).toMatch(/if Kadhimi is to be returned\.$/);
    expect(paragraphs).toHaveLength(10);
    expect(a.text).not.toContain('Drone attack by militants');
    expect(a.text).not.toContain('Home Uncategorized');
    expect(a.text).not.toContain('Reuse this content');
    expect(a.text).not.toContain('target=');
    expect(a.text).not.toContain('Published at');
  });
});

describe('seed-format files through extract', () => {
  it('leaves a plain article to the plain-text importer', async () => {
    const outcome = await extractOne(
      'plain.txt',
      Buffer.from('Just a headline\n\nAnd a paragraph.\n\nAnd another.'),
    );
    expect(outcome.kind === 'article' && outcome.importer).toBe('plain-text');
    if (outcome.kind === 'article') {
      expect(outcome.article.title).toBe('Just a headline');
      expect(outcome.article.text).toBe('And a paragraph.\n\nAnd another.');
      expect(outcome.article.subtitle).toBeNull();
    }
  });

  it('gives a plain note its bytes and name as the original, the sniffed encoding, and no resources', async () => {
    const note = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('Harbour notes\n\nThe wall was rebuilt.', 'utf-16le'),
    ]);
    const outcome = await extractOne('notes.txt', note);
    expect(outcome).toMatchObject({
      kind: 'article',
      source: 'notes.txt',
      originalName: 'notes.txt',
      encoding: 'utf-16le',
      importer: 'plain-text',
      resources: [],
    });
    // Without an encoding from the sniff, UTF-8 is said.
    const article = makeArticle({ title: 'T', url: null, published: null, text: 'Body.' });
    const input = { name: 'n.txt', bytes: note, path: null, extractEntry: () => [] as never };
    expect(
      singleArticle(
        input,
        { binaryKind: null, text: 'x', encoding: null, extension: 'txt' },
        'plain-text',
        article,
      ),
    ).toEqual({
      kind: 'article',
      source: 'n.txt',
      original: note,
      originalName: 'n.txt',
      encoding: 'utf-8',
      importer: 'plain-text',
      article,
      resources: [],
    });
  });
});
