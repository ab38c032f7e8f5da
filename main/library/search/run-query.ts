/**
 * Runs a query in Lunr's syntax; when Lunr cannot parse it (`title:`, `foo^`, a pasted URL, a lone `-`)
 * the query is searched as plain words instead, and the caller is told so. Never throws on user input.
 */
import type lunr from 'lunr';
import { setupLunr } from './lunr-setup';

export interface QueryOutcome {
  results: lunr.Index.Result[];
  notice: string | null;
  /** True when the words were empty after falling back: the caller lists everything. */
  listAll: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lunr's query parser, which its type definitions leave out. */
type LunrWithParser = { QueryParser: new (query: string, into: lunr.Query) => { parse(): void } };

/**
 * Fuzzy matching grows exponentially with the edit distance (`word~9` took 13 s and 1.5 GB), and every clause
 * costs a pass over the term trie: both are bounded, and the result says so when a bound applied.
 */
export const MAX_EDIT_DISTANCE = 2;
export const MAX_CLAUSES = 32;
/** Clauses that walk much of the term trie: a leading wildcard or fuzziness. */
export const MAX_EXPENSIVE_CLAUSES = 2;

export function runQuery(index: lunr.Index, query: string): QueryOutcome {
  const l = setupLunr();
  try {
    const limits: string[] = [];
    const results = index.query((q) => {
      // What `index.search` does, made visible so the parsed clauses can be bounded before they run.
      new (l as unknown as LunrWithParser).QueryParser(query, q).parse();
      // The same clause twice finds nothing more; `*e* *e* …` repeated would only cost time.
      const seen = new Set<string>();
      q.clauses = q.clauses.filter((c) => {
        const key = JSON.stringify([
          c.fields,
          c.term,
          c.wildcard,
          c.editDistance,
          (c as { presence?: number }).presence,
          c.boost,
        ]);
        return !seen.has(key) && Boolean(seen.add(key));
      });
      const expensive = q.clauses.filter((c) => (c.editDistance ?? 0) > 0 || c.term.startsWith('*'));
      if (expensive.length > MAX_EXPENSIVE_CLAUSES) {
        const dropped = new Set(expensive.slice(MAX_EXPENSIVE_CLAUSES));
        q.clauses = q.clauses.filter((c) => !dropped.has(c));
        limits.push(`only the first ${MAX_EXPENSIVE_CLAUSES} fuzzy or leading-wildcard terms were searched`);
      }
      if (q.clauses.length > MAX_CLAUSES) {
        q.clauses = q.clauses.slice(0, MAX_CLAUSES);
        limits.push(`only the first ${MAX_CLAUSES} terms were searched`);
      }
      for (const clause of q.clauses) {
        if ((clause.editDistance ?? 0) > MAX_EDIT_DISTANCE) {
          clause.editDistance = MAX_EDIT_DISTANCE;
          if (!limits.some((m) => m.startsWith('fuzzy')))
            limits.push(`fuzzy matching was limited to ~${MAX_EDIT_DISTANCE}`);
        }
      }
    });
    return { results, notice: limits.length ? `Note: ${limits.join('; ')}.` : null, listAll: false };
  } catch (error) {
    if (!(error instanceof l.QueryParseError)) throw error;
    const words = query.match(WORD) ?? [];
    const reason = error.message.replace(/\.$/, '');
    if (words.length === 0) {
      return {
        results: [],
        notice: `“${query}” is not a search (${reason}); showing everything.`,
        listAll: true,
      };
    }
    const results = index.query((q) => {
      for (const word of words.slice(0, MAX_CLAUSES)) q.term(word.toLowerCase(), {});
    });
    return {
      results,
      notice: `Could not read “${query}” as search syntax (${reason}); searched for the words: ${words.join(' ')}.`,
      listAll: false,
    };
  }
}
