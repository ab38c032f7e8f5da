/**
 * The query executor answers as plain Lunr does, in this process and without a library: 300 generated articles
 * indexed into three segments, ten of them edited into a fourth (their old copies tombstones), ten removed,
 * against a Lunr index of the same live articles built with the same pipeline and boosts. For 400 mixed queries
 * (words, fields, presence, prefixes, fuzziness, boosts), the same hits, scores within 1e-6, the same order.
 * search-equivalence.test.ts checks the same through whole libraries, after imports, edits and merges.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type lunr from 'lunr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../../main/library/search/engine/analyzer';
import { buildSegment } from '../../../main/library/search/engine/segment-builder';
import { type DocMeta, encodeSegment } from '../../../main/library/search/engine/segment-format';
import { SegmentReader } from '../../../main/library/search/engine/segment-reader';
import { SegmentSet } from '../../../main/library/search/engine/segment-set';
import { execute } from '../../../main/library/search/engine/query-executor';
import { buildIndex, type IndexDocument } from '../../../main/library/search/lunr-setup';
import { FIELD_NAMES, parseQuery } from '../../../main/library/search/parse-query';
import { removeDir, tempDir } from '../../helpers/fixtures-and-shared';
import { compareQuery, mixedQueries, vocabularyOf } from '../../helpers/lunr-equivalence';
import { syntheticArticles } from '../../helpers/synthetic-corpus';

const articles = syntheticArticles(300, 5);
const edited = syntheticArticles(10, 99);
const REMOVED = new Set(Array.from({ length: 10 }, (_, i) => `a${50 + i}`));

function indexDocument(id: string, a: (typeof articles)[number], i: number): IndexDocument {
  return {
    id,
    title: a.title,
    subtitle: a.paragraphs[0]!.split(' ').slice(0, 8).join(' '),
    tags: a.tags.join(' '),
    author: i % 3 === 0 ? 'Ann Lee' : 'Bo Chen',
    site: i % 2 === 0 ? 'Valley Times' : '',
    body: a.paragraphs.join('\n\n'),
    note: i % 7 === 0 ? a.paragraphs.at(-1)!.split(' ').slice(0, 5).join(' ') : '',
    highlight: i % 11 === 0 ? a.paragraphs[0]!.split(' ').slice(2, 6).join(' ') : '',
  };
}

const original = articles.map((a, i) => indexDocument(`a${i}`, a, i));
// Articles a10 … a19, edited: indexed anew in a later segment with other text.
const replaced = edited.map((a, k) => indexDocument(`a${10 + k}`, a, 10 + k));
// A fifth segment whose words no other segment has: wildcards and fuzzy terms must find them in the merged
// dictionary (an odd number of segments, too, for the pairwise merge).
const UNIQUE = ['zebrafinch', 'xylophonist', 'quokkas', 'zebrafish', 'xylography'];
const rare = UNIQUE.map((word, k) =>
  indexDocument(
    `r${k}`,
    { title: `${word} notes`, paragraphs: [`All about the ${word}.`], tags: [], text: '' },
    k,
  ),
);
const live = [
  ...original.filter((d) => !REMOVED.has(d.id) && !replaced.some((r) => r.id === d.id)),
  ...replaced,
  ...rare,
];

let dir: string;
let set: SegmentSet;
let reference: lunr.Index;

beforeAll(async () => {
  dir = await tempDir();
  const analyzer = new Analyzer();
  const segment = (name: string, docs: IndexDocument[]) => {
    const file = path.join(dir, name);
    const built = buildSegment(
      FIELD_NAMES,
      docs.map((doc) => ({
        id: doc.id,
        meta: [null, [], doc.title, 0, 0] as DocMeta,
        fields: analyzer.document(doc),
      })),
    );
    return fs.writeFile(file, encodeSegment(built)).then(() => SegmentReader.open(file));
  };
  const readers = [
    await segment('1.seg', original.slice(0, 100)),
    await segment('2.seg', original.slice(100, 200)),
    await segment('3.seg', original.slice(200)),
    await segment('4.seg', replaced),
    await segment('5.seg', rare),
  ];
  set = new SegmentSet(FIELD_NAMES, readers, (id) => !REMOVED.has(id));
  reference = buildIndex(live);
});
afterAll(async () => {
  set.close();
  await removeDir(dir);
});

describe('the query executor against plain Lunr', () => {
  it('holds the live documents only, with the newest copy of each', () => {
    expect(set.liveCount).toBe(live.length);
    expect(set.slotCount).toBe(315);
    expect(set.idOf(set.slotOfId.get('a15')!)).toBe('a15');
    expect(set.slotOfId.get('a15')).toBeGreaterThanOrEqual(300);
    expect(set.slotOfId.has('a55')).toBe(false);
  });

  it('gives the same hits, scores and order for 400 mixed queries', () => {
    const vocabulary = vocabularyOf(live.map((d) => `${d.title} ${d.body}`));
    const queries = [
      ...mixedQueries(vocabulary, 380, 3),
      'author:ann',
      'site:valley +times',
      'note:*',
      `highlight:${vocabulary[5]}`,
      'tags:politics',
      'tags:region',
      '-politics',
      '+zzzznotaword',
      'zzzznotaword~1',
      '*',
      'a*',
      '*e',
      `${vocabulary[0]}^10 ${vocabulary[1]}^0.5`,
      `+title:${vocabulary[2]} -body:${vocabulary[3]}`,
      `${vocabulary[4]}~2`,
      'title:*',
      'the',
      'ann lee',
      'valley*',
      'chen~1',
      'zebra*',
      'xylo*',
      '*fish',
      'xylophonists~1',
      'quokka~1',
      'title:zeb* body:xyl*',
      // A word reached twice in one field: its weights add up.
      'ann* ann^5 chen',
      // A field's own prohibited clause, before the last field.
      `${vocabulary[6]} -tags:politics`,
    ];
    const differences = queries.flatMap((q) => compareQuery(q, set, reference) ?? []);
    expect(differences).toEqual([]);
    // The queries found something: an empty engine would agree with an empty reference.
    const hits = queries.map(
      (q) =>
        reference.query((b) => {
          b.clauses = parseQuery(q).query.clauses;
        }).length,
    );
    expect(hits.filter((n) => n > 0).length).toBeGreaterThan(300);
    expect(hits.filter((n) => n > 10).length).toBeGreaterThan(100);
  });

  it('stops a wildcard at the cap however many words it reaches', () => {
    const all = execute(parseQuery('*').query, set, { maxExpansion: Number.MAX_SAFE_INTEGER });
    expect(all.terms.length).toBeGreaterThan(100);
    const capped = execute(parseQuery('*').query, set, { maxExpansion: 40 });
    expect([capped.terms, capped.truncated]).toEqual([all.terms.slice(0, 40), true]);
  });
});
