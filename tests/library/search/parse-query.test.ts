/**
 * How a typed query is read before it reaches the index: duplicates dropped, the costly clauses and the clause
 * count capped, fuzziness bounded, and a query Lunr cannot parse searched as its plain words, each bound said
 * in the notice the user sees. Mutation testing (bench/results/mutation.md) found these bounds guarded only
 * through the library's search threads, where Stryker cannot tell which test covers them.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_CLAUSES,
  MAX_EDIT_DISTANCE,
  MAX_EXPENSIVE_CLAUSES,
  parseQuery,
} from '../../../main/library/search/parse-query';

/** Each clause as the user could read it back: `term`, `term~n`, with its fields when not all of them. */
function clauses(text: string): string[] {
  const all = parseQuery('x').query.clauses[0]!.fields.length;
  return parseQuery(text).query.clauses.map((c) => {
    const fuzzy = c.editDistance === undefined ? '' : `~${c.editDistance}`;
    const fields = c.fields.length === all ? '' : `${c.fields.join(',')}:`;
    const boost = c.boost === 1 ? '' : `^${c.boost}`;
    return `${fields}${c.term}${fuzzy}${boost}`;
  });
}

describe('parseQuery', () => {
  it('reads an ordinary query as it is, with no notice', () => {
    expect(parseQuery('drone Swarm')).toMatchObject({ notice: null, listAll: false });
    expect(clauses('drone Swarm')).toEqual(['drone', 'swarm']);
  });

  it('drops a clause repeated exactly, keeps one that differs in field, fuzziness or boost', () => {
    expect(clauses('drone drone drone')).toEqual(['drone']);
    expect(parseQuery('drone drone').notice).toBeNull();
    expect(clauses('drone title:drone drone~1 drone^2')).toEqual([
      'drone',
      'title:drone',
      'drone~1',
      'drone^2',
    ]);
  });

  it(`searches only the first ${MAX_EXPENSIVE_CLAUSES} fuzzy or leading-wildcard clauses, keeping the rest`, () => {
    const parsed = parseQuery('x a~1 *b c~1 *d y e* f*g');
    expect(clauses('x a~1 *b c~1 *d y e* f*g')).toEqual(['x', 'a~1', '*b', 'y', 'e*', 'f*g']);
    expect(parsed.notice).toBe('Note: only the first 2 fuzzy or leading-wildcard terms were searched.');
    expect(parseQuery('a~1 *b').notice).toBeNull();
  });

  it(`searches only the first ${MAX_CLAUSES} clauses`, () => {
    const words = Array.from({ length: MAX_CLAUSES + 5 }, (_, i) => `w${i}`);
    const parsed = parseQuery(words.join(' '));
    expect(clauses(words.join(' '))).toEqual(words.slice(0, MAX_CLAUSES));
    expect(parsed.notice).toBe(`Note: only the first ${MAX_CLAUSES} terms were searched.`);
    expect(parseQuery(words.slice(0, MAX_CLAUSES).join(' ')).notice).toBeNull();
  });

  it(`limits fuzziness to ~${MAX_EDIT_DISTANCE}, saying so once`, () => {
    expect(clauses('drone~5 gamut~3')).toEqual(['drone~2', 'gamut~2']);
    expect(clauses('swarm~2')).toEqual(['swarm~2']);
    expect(parseQuery('drone~5 gamut~3').notice).toBe('Note: fuzzy matching was limited to ~2.');
    expect(parseQuery('swarm~2').notice).toBeNull();
  });

  it('says nothing about fuzziness for a long word that asked for none', () => {
    const long = 'a'.repeat(60);
    expect(parseQuery(long)).toMatchObject({ notice: null, listAll: false });
    expect(clauses(long)).toEqual([long]);
  });

  it('says every bound it applied, in one notice', () => {
    expect(parseQuery('a~1 b~9 *c').notice).toBe(
      'Note: only the first 2 fuzzy or leading-wildcard terms were searched; fuzzy matching was limited to ~2.',
    );
  });

  it('searches the plain words, lowercased, of a query Lunr cannot parse, and says why', () => {
    const parsed = parseQuery('Drone^ swarm');
    expect(parsed.listAll).toBe(false);
    expect(clauses('Drone^ swarm')).toEqual(['drone', 'swarm']);
    expect(parsed.notice).toBe(
      'Could not read “Drone^ swarm” as search syntax (boost must be numeric); searched for the words: Drone swarm.',
    );
    const many = Array.from({ length: MAX_CLAUSES + 3 }, (_, i) => `w${i}`).join(' ');
    expect(parseQuery(`${many} title:`).query.clauses).toHaveLength(MAX_CLAUSES);
  });

  it('lists everything, saying so, when an unparsable query holds no word', () => {
    const parsed = parseQuery('-');
    expect(parsed.listAll).toBe(true);
    expect(parsed.query.clauses).toEqual([]);
    expect(parsed.notice).toBe(
      '“-” is not a search (expecting term or field, found nothing); showing everything.',
    );
  });
});
