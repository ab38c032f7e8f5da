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

export function runQuery(index: lunr.Index, query: string): QueryOutcome {
  const l = setupLunr();
  try {
    return { results: index.search(query), notice: null, listAll: false };
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
      for (const word of words) q.term(word.toLowerCase(), {});
    });
    return {
      results,
      notice: `Could not read “${query}” as search syntax (${reason}); searched for the words: ${words.join(' ')}.`,
      listAll: false,
    };
  }
}
