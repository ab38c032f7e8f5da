/**
 * The bounds that keep a query from stalling: no fuzziness on very long words (Lunr's fuzzy automaton grows
 * exponentially with the word), and a cap on the terms one wildcard may expand to, each said in the notice.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../../main/library/search/engine/analyzer';
import { Budget } from '../../../main/library/search/engine/budget';
import { execute } from '../../../main/library/search/engine/query-executor';
import { buildSegment } from '../../../main/library/search/engine/segment-builder';
import { type DocMeta, encodeSegment } from '../../../main/library/search/engine/segment-format';
import { SegmentReader } from '../../../main/library/search/engine/segment-reader';
import { SegmentSet } from '../../../main/library/search/engine/segment-set';
import { clauseAutomaton, expandOver } from '../../../main/library/search/engine/term-expansion';
import { FIELD_NAMES, MAX_FUZZY_LENGTH, parseQuery } from '../../../main/library/search/parse-query';
import { removeDir, tempDir } from '../../helpers/fixtures-and-shared';
import { titledSegment } from '../../helpers/titled-segment';

describe('query bounds', () => {
  it('matches a word longer than the fuzzy limit exactly, and says so', () => {
    const long = 'a'.repeat(MAX_FUZZY_LENGTH + 1);
    const parsed = parseQuery(`${long}~2 short~1`);
    expect(parsed.query.clauses.map((c) => c.editDistance)).toEqual([undefined, 1]);
    expect(parsed.notice).toMatch(/longer than 40 letters are matched exactly/);
    expect(parseQuery(`${'a'.repeat(MAX_FUZZY_LENGTH)}~2`).query.clauses[0]!.editDistance).toBe(2);
  });

  describe('expansion', () => {
    let dir: string;
    let set: SegmentSet;
    beforeAll(async () => {
      dir = await tempDir();
      const analyzer = new Analyzer();
      const docs = ['gamma', 'gamut', 'gambit', 'gamble', 'gambol'].map((word, i) => ({
        id: `d${i}`,
        meta: [null, [], word, 0, 0] as DocMeta,
        fields: analyzer.document({
          id: `d${i}`,
          title: word,
          subtitle: '',
          tags: '',
          author: '',
          site: '',
          body: '',
          note: '',
          highlight: '',
        }),
      }));
      await fs.writeFile(path.join(dir, 's.seg'), encodeSegment(buildSegment(FIELD_NAMES, docs)));
      set = new SegmentSet(FIELD_NAMES, [SegmentReader.open(path.join(dir, 's.seg'))], () => true);
    });
    afterAll(async () => {
      set.close();
      await removeDir(dir);
    });

    it('stops expanding when the step budget runs out, whatever the wildcard, and says so', () => {
      for (const query of ['gam*', '*m*', 'g*b*', 'gamut~2', 'gamma']) {
        const full = execute(parseQuery(query).query, set, { maxExpansion: 100, budget: Budget.unlimited() });
        expect(full.stopped).toBeNull();
        const starved = execute(parseQuery(query).query, set, {
          maxExpansion: 100,
          budget: new Budget(Infinity, 0),
        });
        expect(starved.stopped).toBe('steps');
        expect(starved.slots.length).toBeLessThan(full.slots.length);
      }
    });

    it('counts a step per automaton state per letter, so a long word costs in proportion', () => {
      const long = ['a'.repeat(50_000)];
      const budget = Budget.unlimited();
      expect(expandOver(long, clauseAutomaton({ term: 'a*a*a*' }), 0, 1, 10, budget)).toEqual([0]);
      expect(budget.spent).toBeGreaterThan(50_000 * 2);
      const short = new Budget(Infinity, 10_000);
      expect(expandOver(long, clauseAutomaton({ term: 'a*a*a*' }), 0, 1, 10, short)).toEqual([]);
      expect(short.ended).toBe('steps');
    });

    it('stops at its deadline', () => {
      const past = new Budget(performance.now() - 1, Infinity);
      const run = execute(parseQuery('*m*').query, set, { maxExpansion: 100, budget: past });
      expect(run.stopped).toBe('time');
    });

    it('spends a step per posting and one per field looked in, once to find a word and once to score it', () => {
      const budget = Budget.unlimited();
      const run = execute(parseQuery('gamma').query, set, { maxExpansion: 100, budget });
      expect([[...run.slots], run.terms, run.truncated, run.stopped]).toEqual([[0], ['gamma'], false, null]);
      // One posting (the title) and eight fields, twice.
      expect(budget.spent).toBe(18);
      // A word the query has reached already costs nothing more.
      const cost = (query: string) => {
        const spent = Budget.unlimited();
        execute(parseQuery(query).query, set, { maxExpansion: 100, budget: spent });
        return spent.spent;
      };
      expect(cost('gam* gamma')).toBe(cost('gam*'));
      // A weight of 0 scores 0 (Lunr's 0/0), not NaN.
      expect([...execute(parseQuery('gamma^0').query, set, { maxExpansion: 100 }).scores]).toEqual([0]);
    });

    it('keeps the words looked up before the budget ran out, and no more', () => {
      const terms = set.terms();
      const walk = Budget.unlimited();
      expandOver(terms, clauseAutomaton({ term: 'g*' }), 0, terms.length, 100 * 2 + 16, walk);
      // The walk, then a step for each of two look-ups.
      const run = execute(parseQuery('g*').query, set, {
        maxExpansion: 100,
        budget: new Budget(Infinity, walk.spent + 2),
      });
      expect([run.terms, run.stopped, run.slots.length]).toEqual([['gambit', 'gambl'], 'steps', 0]);
    });

    it('stops a wildcard at the cap and says it did', () => {
      const all = execute(parseQuery('gam*').query, set, { maxExpansion: 100 });
      expect(all.truncated).toBe(false);
      expect(all.slots).toHaveLength(5);
      const capped = execute(parseQuery('gam*').query, set, { maxExpansion: 2 });
      expect(capped.truncated).toBe(true);
      expect(capped.terms).toHaveLength(2);
      expect(capped.slots).toHaveLength(2);
    });
  });
  describe('over segments', () => {
    let dir: string;
    let set: SegmentSet;
    beforeAll(async () => {
      dir = await tempDir();
      const segment = (name: string, titles: Array<[string, string]>) => titledSegment(dir, name, titles);
      const first = await segment('a.seg', [
        ['d0', 'gamma'],
        ['d1', 'gamut'],
        ['d5', 'tides — notes'],
      ]);
      const second = await segment('b.seg', [
        ['d2', 'gambit'],
        ['d3', 'gamble'],
        ['d4', 'gambol'],
      ]);
      set = new SegmentSet(FIELD_NAMES, [first, second], (id) => id !== 'd4');
    });
    afterAll(async () => {
      set.close();
      await removeDir(dir);
    });

    it('spends nothing on a segment without the word', () => {
      const budget = Budget.unlimited();
      const run = execute(parseQuery('gambit').query, set, { maxExpansion: 100, budget });
      expect(run.slots.length).toBe(1);
      expect(budget.spent).toBe(18);
    });

    it('expands to words of live documents only', () => {
      const run = execute(parseQuery('gam*').query, set, { maxExpansion: 100 });
      expect([run.terms, run.slots.length]).toEqual([['gambit', 'gambl', 'gamma', 'gamut'], 4]);
    });

    it('finds nothing for a query of punctuation, though the dash left an empty word in the index', () => {
      expect(set.terms()[0]).toBe('');
      const run = execute(parseQuery('—').query, set, { maxExpansion: 100 });
      expect([run.slots.length, run.terms]).toEqual([0, []]);
    });
  });
});
