/**
 * The dictionary walk behind wildcard and fuzzy clauses, and the budget it spends, called directly: which terms
 * a clause stands for (the same as Lunr's trie intersection would give), where the exact and prefix shortcuts
 * apply, and when a budget runs out. Mutation testing (bench/results/mutation.md) found these reached only
 * through whole queries, where a wrong shortcut or an off-by-one could hide behind another clause.
 */
import { describe, expect, it } from 'vitest';
import { Budget } from '../../../main/library/search/engine/budget';
import {
  clauseAutomaton,
  endOfPrefix,
  expandOver,
  isExact,
  literalPrefix,
  lowerBound,
} from '../../../main/library/search/engine/term-expansion';

const TERMS = ['gam', 'gamble', 'gambol', 'gamma', 'gamut', 'game', 'gas', 'zebra'].sort();

/** The terms a clause matches over `terms`, by text. */
function matches(clause: { term: string; editDistance?: number }, terms = TERMS, limit = 100): string[] {
  return expandOver(terms, clauseAutomaton(clause), 0, terms.length, limit).map((i) => terms[i]!);
}

describe('expandOver', () => {
  it('finds every term a wildcard or fuzzy clause stands for, and no other', () => {
    expect(matches({ term: 'gam*' })).toEqual(['gam', 'gamble', 'gambol', 'game', 'gamma', 'gamut']);
    expect(matches({ term: '*b*' })).toEqual(['gamble', 'gambol', 'zebra']);
    expect(matches({ term: 'g*e' })).toEqual(['gamble', 'game']);
    expect(matches({ term: 'gamut', editDistance: 1 })).toEqual(['gamut']);
    expect(matches({ term: 'gamble', editDistance: 1 })).toEqual(['gamble']);
    expect(matches({ term: 'gambel', editDistance: 2 })).toEqual(['gamble', 'gambol', 'game']);
    expect(matches({ term: 'gas' })).toEqual(['gas']);
  });

  it('walks only [from, to) and stops at the limit', () => {
    const all = clauseAutomaton({ term: '*' });
    expect(expandOver(TERMS, all, 2, 5, 100)).toEqual([2, 3, 4]);
    expect(expandOver(TERMS, all, 0, TERMS.length, 3)).toEqual([0, 1, 2]);
    expect(expandOver(TERMS, all, 3, 3, 100)).toEqual([]);
  });

  it('skips the terms under a rejected prefix, yet finds the ones after them', () => {
    // After `ab` is rejected, its run (abc, abd) is skipped; `ax…` after it still matches.
    const terms = ['ab', 'abc', 'abd', 'axe', 'axis'];
    expect(matches({ term: 'ax*' }, terms)).toEqual(['axe', 'axis']);
    expect(matches({ term: 'a*s' }, terms)).toEqual(['axis']);
    expect(matches({ term: '*d' }, terms)).toEqual(['abd']);
  });

  it('never matches the empty term, even for a clause that matches anything', () => {
    expect(matches({ term: '*' }, ['', 'a'])).toEqual(['a']);
  });

  it('keeps every automaton state a fuzzy clause needs when there are many', () => {
    // A long word at distance 2 holds far more than 16 live states at once: the walk must not lose any.
    const word = 'abcdefghijklmnopqrst';
    const terms = [
      word,
      `${word.slice(0, 10)}x${word.slice(11)}`,
      `${word.slice(0, 5)}${word.slice(7)}`,
      'zz',
    ].sort();
    expect(matches({ term: word, editDistance: 2 }, terms)).toEqual(terms.filter((t) => t !== 'zz'));
  });

  it('stops with what it found when its budget runs out', () => {
    const budget = new Budget(Infinity, 12);
    const found = expandOver(TERMS, clauseAutomaton({ term: '*' }), 0, TERMS.length, 100, budget);
    expect(budget.exhausted).toBe(true);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(TERMS.length);
  });
});

describe('the shortcuts for exact and prefix clauses', () => {
  it('calls a clause exact only without wildcard and fuzziness', () => {
    expect(isExact({ term: 'gamut' })).toBe(true);
    expect(isExact({ term: 'gamut', editDistance: undefined })).toBe(true);
    expect(isExact({ term: 'gam*' })).toBe(false);
    expect(isExact({ term: 'gamut', editDistance: 1 })).toBe(false);
    expect(isExact({ term: 'gamut', editDistance: 0 })).toBe(false);
  });

  it('gives the literal text before the first wildcard, and none for a fuzzy clause', () => {
    expect(literalPrefix({ term: 'gam*b*' })).toBe('gam');
    expect(literalPrefix({ term: 'gamut' })).toBe('gamut');
    expect(literalPrefix({ term: '*mut' })).toBe('');
    expect(literalPrefix({ term: 'gamut', editDistance: 1 })).toBe('');
    expect(literalPrefix({ term: 'gamut', editDistance: undefined })).toBe('gamut');
  });

  it('finds where a term would sit, and where a prefix run ends', () => {
    expect(lowerBound(TERMS, 'gam')).toBe(0);
    expect(lowerBound(TERMS, 'gamb')).toBe(1);
    expect(lowerBound(TERMS, 'gamma')).toBe(TERMS.indexOf('gamma'));
    expect(lowerBound(TERMS, 'zz')).toBe(TERMS.length);
    expect(lowerBound([], 'a')).toBe(0);
    expect(endOfPrefix(TERMS, 'gamb', 1, TERMS.length)).toBe(3);
    expect(endOfPrefix(TERMS, 'ga', 0, TERMS.length)).toBe(TERMS.indexOf('zebra'));
    expect(endOfPrefix(TERMS, 'x', 2, 2)).toBe(2);
  });
});

describe('Budget', () => {
  it('allows exactly its steps, then refuses from then on', () => {
    const budget = new Budget(Infinity, 10);
    expect(budget.spend(10)).toBe(true);
    expect(budget.exhausted).toBe(false);
    expect(budget.ended).toBeNull();
    expect(budget.spend(1)).toBe(false);
    expect(budget.ended).toBe('steps');
    expect(budget.exhausted).toBe(true);
    expect(budget.spend(0)).toBe(false);
    expect(budget.spent).toBe(11);
  });

  it('ends on its deadline, at the first spend when the time is already up', () => {
    const late = new Budget(performance.now() - 1, Infinity);
    expect(late.spend(1)).toBe(false);
    expect(late.ended).toBe('time');
    expect(late.spend(0)).toBe(false);
    const timely = Budget.forMs(60_000, 100);
    expect(timely.deadline).toBeGreaterThan(performance.now() + 30_000);
    expect(timely.spend(50)).toBe(true);
    expect(timely.spend(50)).toBe(true);
    expect(timely.exhausted).toBe(false);
  });

  it('is unlimited when asked', () => {
    const budget = Budget.unlimited();
    expect(budget.spend(1e12)).toBe(true);
    expect(budget.exhausted).toBe(false);
  });
});
