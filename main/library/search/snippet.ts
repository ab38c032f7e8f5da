/**
 * Cuts the best matching passage of an article for a hit: the window of about 30 words holding the most
 * distinct matched terms (then the most matches), with those words marked. Cutting from the stored text
 * of the hits on screen is far cheaper than storing term positions in the index (see libraries.md).
 */
import type { UserData } from '../../../common/user-data';
import { wordStem } from '../../../common/word-stem';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;
const WINDOW = 30;
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`,
  );
}

interface Word {
  start: number;
  end: number;
  term: string | null;
}

/**
 * Finds words whose stem is one of `terms`. Only words starting with a term's first letter are stemmed: Lunr's
 * stemmer changes a word's end and never its first letter, but it may change the third ("dry" is "dri", "dying"
 * is "dy"), so a longer prefix would miss words the search matched.
 */
function scanWords(text: string, terms: Set<string>, prefixes: Set<string>): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const lower = m[0].toLowerCase();
    let term: string | null = null;
    if (prefixes.has(lower[0]!)) {
      const s = wordStem(lower);
      if (terms.has(s)) term = s;
    }
    words.push({ start: m.index, end: m.index + m[0].length, term });
  }
  return words;
}

const firstLetters = (terms: Set<string>) => new Set([...terms].map((t) => t.slice(0, 1)));

export function makeSnippet(text: string, matchedTerms: Iterable<string>): string {
  const terms = new Set(matchedTerms);
  const prefixes = firstLetters(terms);
  const words = scanWords(text, terms, prefixes);
  if (words.length === 0) return '';
  let best = 0;
  let bestScore = -1;
  if (terms.size > 0) {
    for (let i = 0; i < words.length; i++) {
      if (!words[i]!.term) continue;
      const window = words.slice(i, i + WINDOW);
      const hits = window.filter((w) => w.term);
      const score = new Set(hits.map((w) => w.term)).size * 1000 + hits.length;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    // Start a few words before the first match so it reads in context.
    best = Math.max(0, best - 5);
  }
  const window = words.slice(best, best + WINDOW);
  let out = best > 0 ? '…' : '';
  let cursor = window[0]!.start;
  for (const w of window) {
    out += escapeHtml(text.slice(cursor, w.start));
    const word = escapeHtml(text.slice(w.start, w.end));
    out += w.term ? `<mark>${word}</mark>` : word;
    cursor = w.end;
  }
  const last = window[window.length - 1]!;
  if (best + WINDOW < words.length) out += '…';
  else out += escapeHtml(text.slice(last.end).trim());
  return out.replace(/\s+/g, ' ');
}

/**
 * The reader's passage the query matched, marked as a snippet is: the article's note or a highlight (its quote
 * or its note) with the most distinct matched terms, then the most matches; the first such in that order wins
 * a tie. Null when none holds a matched term.
 */
export function annotationSnippet(user: UserData, matchedTerms: Iterable<string>): string | null {
  const terms = new Set(matchedTerms);
  if (terms.size === 0) return null;
  const prefixes = firstLetters(terms);
  const passages = [user.note, ...user.highlights.flatMap((h) => [h.quote.exact, h.note])];
  let best: string | null = null;
  let bestScore = 0;
  for (const passage of passages) {
    if (!passage) continue;
    const hits = scanWords(passage, terms, prefixes).filter((w) => w.term);
    const score = new Set(hits.map((w) => w.term)).size * 1000 + hits.length;
    if (score > bestScore) {
      bestScore = score;
      best = passage;
    }
  }
  return best === null ? null : makeSnippet(best, terms);
}
