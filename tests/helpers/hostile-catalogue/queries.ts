/**
 * Queries: every error Lunr's parser can raise (each must be answered as plain words or "showing everything",
 * with a notice), and the costly shapes (each must be answered, bounded, never stall another request).
 */
import type { QueryCase } from './case';
import { LONG_WORD } from './sizes';

const PLAIN_WORDS = /search syntax|not a search|plain words|searched for/i;

function syntax(name: string, query: string, lunrError: string): QueryCase {
  return {
    name,
    query,
    input: `\`${query}\` (Lunr: ${lunrError})`,
    expected: 'answered with a notice (searched as plain words, or everything shown)',
    outcome: 'notice',
    says: PLAIN_WORDS,
  };
}

export const SYNTAX_QUERIES: QueryCase[] = [
  syntax('query-leading-edit-distance', '~2', 'expected either a field or a term, found EDIT_DISTANCE'),
  syntax('query-leading-boost', '^3', 'expected either a field or a term, found BOOST'),
  syntax('query-lone-plus', '+', 'expecting term or field, found nothing'),
  syntax('query-trailing-minus', 'harbour -', 'expecting term or field, found nothing'),
  syntax('query-presence-then-edit', '+~2', "expecting term or field, found 'EDIT_DISTANCE'"),
  syntax('query-presence-then-boost', '-^2', "expecting term or field, found 'BOOST'"),
  syntax('query-unknown-field', 'nosuchfield:harbour', "unrecognised field 'nosuchfield'"),
  syntax('query-empty-field-name', ':harbour', "unrecognised field ''"),
  syntax('query-field-without-term', 'title:', 'expecting term, found nothing'),
  syntax('query-field-then-edit', 'title:~2', "expecting term, found 'EDIT_DISTANCE'"),
  syntax('query-field-then-presence', 'title:+harbour', "expecting term, found 'PRESENCE'"),
  syntax('query-field-then-field', 'title:title:harbour', "expecting term, found 'FIELD'"),
  syntax('query-field-then-boost', 'title:^2', "expecting term, found 'BOOST'"),
  syntax('query-edit-not-numeric', 'harbour~x', 'edit distance must be numeric'),
  syntax('query-boost-not-numeric', 'harbour^x', 'boost must be numeric'),
  syntax('query-dangling-tilde', 'harbour~', 'edit distance must be numeric'),
  syntax('query-dangling-caret', 'harbour^', 'boost must be numeric'),
];

export const COSTLY_QUERIES: QueryCase[] = [
  {
    name: 'query-fuzzy-300-letters',
    query: `${'abcdefghij'.repeat(30)}~2`,
    input: 'a 300-letter word with `~2`',
    expected: 'answered (bounded: a notice says so); other requests answered meanwhile',
    outcome: 'answer',
  },
  {
    name: 'query-wildcards-over-long-word',
    query: 'a*a*a*a*a*',
    input: '`a*a*a*a*a*` over a library holding a 5,000-letter word of `a`s',
    expected: 'answered, with a notice when it hit its budget; other requests answered meanwhile',
    outcome: 'answer',
  },
  {
    name: 'query-wildcards-long-word-prefix',
    query: `${LONG_WORD.slice(0, 1000)}*a*a*`,
    input: 'a 1,000-letter prefix with two more wildcards, over the long word',
    expected: 'answered; other requests answered meanwhile',
    outcome: 'answer',
  },
  {
    name: 'query-leading-wildcards',
    query: '*a* *e* *i* *o* *u* *h*',
    input: 'six leading-and-trailing wildcard terms',
    expected: 'answered with a notice (expensive terms capped)',
    outcome: 'notice',
  },
  {
    name: 'query-fuzzy-everything',
    query: 'harbour~2 tide~2 boats~2 ferry~2 storm~2',
    input: 'five fuzzy terms',
    expected: 'answered with a notice (fuzzy terms capped)',
    outcome: 'notice',
  },
  {
    name: 'query-star-alone',
    query: '*',
    input: 'a lone `*` (expands to every word)',
    expected: 'answered (bounded)',
    outcome: 'answer',
  },
  {
    name: 'query-many-terms',
    query: Array.from({ length: 60 }, (_, i) => `word${i}`).join(' '),
    input: '60 distinct words',
    expected: 'answered with a notice (terms capped)',
    outcome: 'notice',
  },
  {
    name: 'query-longest-allowed',
    query: Array.from({ length: 250 }, (_, i) => `w${i}*a*b*`)
      .join(' ')
      .slice(0, 2000),
    input: '2,000 characters of distinct `wN*a*b*` terms (the longest query the API takes)',
    expected: 'answered with a notice; other requests answered meanwhile',
    outcome: 'notice',
  },
  {
    name: 'query-too-long',
    query: 'harbour '.repeat(300),
    input: '2,400 characters (past the API’s 2,000)',
    expected:
      'refused as bad input by the API; the UI answers (an error, or the box cuts it to length), never hangs',
    outcome: 'error',
    says: /2000|2,000|long|characters/i,
  },
  {
    name: 'query-controls-and-bidi',
    query: 'har\u0000bour \u202egnp \u0007tide',
    input: 'a NUL, a right-to-left override and BEL inside the query',
    expected: 'answered',
    outcome: 'answer',
  },
];

export const QUERY_CASES: QueryCase[] = [...SYNTAX_QUERIES, ...COSTLY_QUERIES];
