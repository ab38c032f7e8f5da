/**
 * The engine's small parts against hand-worked expectations: top-k selection, the merge policy, term
 * expansion over a sorted dictionary with Lunr's own clause automata, and a segment's round trip to disk.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../../main/library/search/engine/analyzer';
import { planMerge } from '../../../main/library/search/engine/merge-policy';
import { buildSegment, mergeSegments } from '../../../main/library/search/engine/segment-builder';
import { type DocMeta, encodeSegment } from '../../../main/library/search/engine/segment-format';
import { SegmentReader } from '../../../main/library/search/engine/segment-reader';
import { SegmentSet } from '../../../main/library/search/engine/segment-set';
import { clauseAutomaton, expandOver } from '../../../main/library/search/engine/term-expansion';
import { FIELDS } from '../../../main/library/search/lunr-setup';
import { topK } from '../../../main/library/search/top-k';
import { removeDir, tempDir } from '../../helpers/fixtures-and-shared';
import { titledSegment } from '../../helpers/titled-segment';

describe('topK', () => {
  it('returns the first k in order, whether it sorts or keeps a heap', () => {
    const items = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const byValue = (a: number, b: number) => a - b;
    expect(topK(items, 5, byValue)).toEqual([0, 1, 2, 3, 4]);
    expect(topK(items, 600, byValue)).toEqual(Array.from({ length: 600 }, (_, i) => i));
    expect(topK(items, 0, byValue)).toEqual([]);
    expect(topK([3, 1, 2], 10, byValue)).toEqual([1, 2, 3]);
  });
});

describe('planMerge', () => {
  const seg = (name: string, docs: number, dead = 0) => ({ name, docs, dead });
  it('merges eight segments of one size tier, oldest first', () => {
    const small = Array.from({ length: 8 }, (_, i) => seg(`s${i}`, 900 + i));
    expect(planMerge([seg('big', 60_000), ...small])).toEqual(small.map((s) => s.name));
    expect(planMerge([seg('big', 60_000), ...small.slice(1)])).toBeNull();
  });
  it('rewrites a segment more than a third dead on its own', () => {
    expect(planMerge([seg('a', 1000, 400), seg('b', 10)])).toEqual(['a']);
    expect(planMerge([seg('a', 1000, 300)])).toBeNull();
  });
  it('at its edges: more than 100 dead, more than a third, and tiers by live documents', () => {
    expect(planMerge([seg('a', 300, 101)])).toEqual(['a']);
    expect(planMerge([seg('a', 299, 100)])).toBeNull(); // over a third dead, but only 100
    expect(planMerge([seg('a', 303, 101)])).toBeNull(); // exactly a third
    // Tiers are powers of 8: 505 documents is the 64–511 tier, 515 the next.
    const many = (n: number, docs: number, dead = 0) =>
      Array.from({ length: n }, (_, i) => seg(`${docs}-${i}`, docs, dead));
    expect(planMerge(many(8, 505))).toHaveLength(8);
    expect(planMerge([...many(7, 505), ...many(1, 515)])).toBeNull();
    // A segment's tier counts its live documents: 500 with 99 dead is the lower tier.
    expect(planMerge([...many(6, 600), ...many(2, 500, 99)])).toBeNull();
    expect(planMerge([...many(6, 600), ...many(2, 700, 99)])).toHaveLength(8);
  });
});

describe('term expansion', () => {
  const terms = ['', 'game', 'gamer', 'games', 'gaming', 'gate', 'goal', 'name', 'same'].sort();
  const expand = (clause: { term: string; editDistance?: number }) =>
    expandOver(terms, clauseAutomaton(clause), 0, terms.length, 100).map((i) => terms[i]);
  it('matches Lunr wildcards anywhere, never the empty term', () => {
    expect(expand({ term: 'gam*' })).toEqual(['game', 'gamer', 'games', 'gaming']);
    expect(expand({ term: '*ame' })).toEqual(['game', 'name', 'same']);
    expect(expand({ term: 'g*e' })).toEqual(['game', 'gate']);
    expect(expand({ term: '*' })).toEqual(terms.filter(Boolean));
  });
  it('matches Lunr fuzziness', () => {
    expect(expand({ term: 'game', editDistance: 1 })).toEqual([
      'game',
      'gamer',
      'games',
      'gate',
      'name',
      'same',
    ]);
  });
});

describe('segment files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => removeDir(dir));

  it('round-trips through disk, reads postings on demand, and merges dropping dead documents', async () => {
    const analyzer = new Analyzer();
    const doc = (id: string, title: string, body: string) => ({
      id,
      meta: [null, [], title, 0, 0] as DocMeta,
      fields: analyzer.document({
        id,
        title,
        subtitle: '',
        tags: '',
        author: '',
        site: '',
        body,
        note: '',
        highlight: '',
      }),
    });
    const fields = FIELDS.map((f) => f.name);
    const a = buildSegment(fields, [
      doc('a1', 'Harbour walls', 'The harbour walls held.'),
      doc('a2', 'Gales', 'Gales hit the walls'),
    ]);
    const b = buildSegment(fields, [doc('b1', 'Walls again', 'walls walls walls')]);
    await fs.writeFile(path.join(dir, 'a.seg'), encodeSegment(a));
    const reader = SegmentReader.open(path.join(dir, 'a.seg'));
    expect(reader.ids).toEqual(['a1', 'a2']);
    const wall = reader.findTerm('wall');
    expect(wall).toBeGreaterThanOrEqual(0);
    const { docs, tfs } = reader.postings(wall);
    // title then body postings: a1 title, a1 body, a2 body.
    expect([...docs]).toEqual([0, 0, 1]);
    expect([...tfs]).toEqual([1, 1, 1]);
    expect(reader.findTerm('the')).toBe(-1); // a stop word
    const merged = mergeSegments([reader.readAll(), b], [Uint8Array.of(0, 1), Uint8Array.of(1)]);
    reader.close();
    expect(merged.ids).toEqual(['a2', 'b1']);
    expect(merged.meta.map((m) => m[2])).toEqual(['Gales', 'Walls again']);
    expect(merged.terms).not.toContain('harbour');
    const t = merged.terms.indexOf('wall');
    const F = fields.length;
    const bodyF = fields.indexOf('body');
    const start = merged.termFieldStart[t * F + bodyF]!;
    const end = merged.termFieldStart[t * F + bodyF + 1]!;
    expect([...merged.docs.slice(start, end)]).toEqual([0, 1]);
    expect([...merged.tfs.slice(start, end)]).toEqual([1, 3]);
  });

  it('reports a damaged file instead of reading it', async () => {
    const file = path.join(dir, 'a.seg');
    const bytes = await fs.readFile(file);
    bytes[bytes.length - 1]! ^= 0xff;
    await fs.writeFile(path.join(dir, 'bad.seg'), bytes);
    const last = SegmentReader.open(path.join(dir, 'bad.seg'));
    // The flipped byte is in the postings, which are verified on a full read (a merge), not at open.
    expect(() => last.readAll()).toThrow(/damaged/);
    last.close();
    const head = Buffer.from(bytes);
    head[40] = head[40]! ^ 0xff;
    await fs.writeFile(path.join(dir, 'bad2.seg'), head.subarray(0, 200));
    expect(() => SegmentReader.open(path.join(dir, 'bad2.seg'))).toThrow();
  });
});

describe('a set of segments', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => removeDir(dir));

  it('merges their dictionaries into one sorted list, counts dead copies, and closes every file', async () => {
    const fields = FIELDS.map((f) => f.name);
    const segment = (name: string, titles: Array<[string, string]>) => titledSegment(dir, name, titles);
    // Each segment's last word sorts after those before it: every pairwise merge ends on its second list.
    const readers = [
      await segment('1.seg', [
        ['a1', 'apple cherry'],
        ['a2', 'banana'],
      ]),
      await segment('2.seg', [
        ['b1', 'cherry damson'],
        ['a2', 'elder'],
      ]),
      await segment('3.seg', [
        ['c1', 'fig'],
        ['c2', 'grape'],
      ]),
    ];
    const set = new SegmentSet(fields, readers, (id) => id !== 'c2');
    // A word only dead documents hold stays listed (the executor drops it).
    expect(set.terms()).toEqual(['appl', 'banana', 'cherri', 'damson', 'elder', 'fig', 'grape']);
    // a2's first copy (the second is newer) and c2.
    expect([set.liveCount, set.deadCount, set.slotCount]).toEqual([4, 2, 6]);
    set.close();
    for (const reader of readers) expect(() => reader.postings(0)).toThrow();

    const none = new SegmentSet(fields, [], () => true);
    expect([none.terms(), none.liveCount, none.deadCount, none.slotCount]).toEqual([[], 0, 0, 0]);
  });
});
