/**
 * Finds the query's words in article text. The server gives the stemmed Lunr terms that matched (`running` is
 * searched as `run`), so a word counts as a hit when its lowercase form starts with one of the terms, or when
 * Lunr's stemmer makes it one of them: the stem is not always a prefix ("happy" is `happi`, "dry" `dri`,
 * "possibility" `possibl`).
 */
import { wordStem } from '../../common/word-stem';

export interface TextSegment {
  text: string;
  hit: boolean;
}

/** Letters and digits, with inner apostrophes kept (`Kadhimi's`, `don’t`) as Lunr keeps them inside tokens. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Lowercased, de-duplicated, without empties: what `splitByTerms` compares against. */
export function normalizeTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map((term) => term.trim().toLowerCase()).filter((term) => term !== ''))];
}

export function isHit(word: string, terms: readonly string[]): boolean {
  const lower = word.toLowerCase();
  return terms.some((term) => lower.startsWith(term)) || terms.includes(wordStem(lower));
}

/**
 * The text cut into alternating non-hit and hit segments; joining their `text` gives back the input.
 * `terms` must already be normalized (see `normalizeTerms`), since this runs once per text node of an article.
 */
export function splitByTerms(text: string, terms: readonly string[]): TextSegment[] {
  if (terms.length === 0 || text === '') return text === '' ? [] : [{ text, hit: false }];
  const segments: TextSegment[] = [];
  let plainStart = 0;
  for (const match of text.matchAll(WORD)) {
    if (!isHit(match[0], terms)) continue;
    const start = match.index;
    if (start > plainStart) segments.push({ text: text.slice(plainStart, start), hit: false });
    segments.push({ text: match[0], hit: true });
    plainStart = start + match[0].length;
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart), hit: false });
  return segments;
}
