/**
 * Reads a query in Lunr's syntax into a `lunr.Query`, bounded: the same clause twice is dropped, at most
 * MAX_CLAUSES clauses and MAX_EXPENSIVE_CLAUSES fuzzy or leading-wildcard ones, fuzziness capped, and no
 * fuzziness on very long words (Lunr's fuzzy automaton grows exponentially with the word). When Lunr cannot
 * parse it (`title:`, `foo^`, a pasted URL, a lone `-`) the query becomes its plain words, and the caller is
 * told so. Never throws on user input.
 */
import type lunr from 'lunr';
import { FIELDS, setupLunr } from './lunr-setup';

export const MAX_EDIT_DISTANCE = 2;
export const MAX_CLAUSES = 32;
/** Clauses that walk much of the dictionary: a leading wildcard or fuzziness. */
export const MAX_EXPENSIVE_CLAUSES = 2;
/** Longer words are matched without fuzziness. */
export const MAX_FUZZY_LENGTH = 40;

export interface ParsedQuery {
  query: lunr.Query;
  notice: string | null;
  /** True when nothing searchable was left: the caller lists everything. */
  listAll: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
type LunrWithParser = { QueryParser: new (query: string, into: lunr.Query) => { parse(): void } };
export const FIELD_NAMES: string[] = FIELDS.map((f) => f.name);

export function parseQuery(text: string): ParsedQuery {
  const l = setupLunr();
  const query = new l.Query(FIELD_NAMES);
  try {
    new (l as unknown as LunrWithParser).QueryParser(text, query).parse();
    const limits = bound(query);
    return { query, notice: limits.length ? `Note: ${limits.join('; ')}.` : null, listAll: false };
  } catch (error) {
    if (!(error instanceof l.QueryParseError)) throw error;
    const words = text.match(WORD) ?? [];
    const reason = error.message.replace(/\.$/, '');
    const plain = new l.Query(FIELD_NAMES);
    if (words.length === 0) {
      return {
        query: plain,
        notice: `“${text}” is not a search (${reason}); showing everything.`,
        listAll: true,
      };
    }
    for (const word of words.slice(0, MAX_CLAUSES)) plain.term(word.toLowerCase(), {});
    return {
      query: plain,
      notice: `Could not read “${text}” as search syntax (${reason}); searched for the words: ${words.join(' ')}.`,
      listAll: false,
    };
  }
}

function bound(q: lunr.Query): string[] {
  const limits: string[] = [];
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
    if (clause.editDistance !== undefined && clause.term.length > MAX_FUZZY_LENGTH) {
      delete (clause as { editDistance?: number }).editDistance;
      limits.push(`words longer than ${MAX_FUZZY_LENGTH} letters are matched exactly`);
    }
  }
  return limits;
}
