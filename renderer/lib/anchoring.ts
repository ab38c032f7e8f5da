/**
 * Highlight anchoring over the article body's text (W3C Web Annotation selectors, see common/user-data.ts).
 * Pure string work, so it is the same in the app's document, in the article's frame and in tests: the DOM side
 * (dom/anchor-dom.ts) only turns ranges into offsets of the body's concatenated text nodes and back.
 *
 * Re-anchoring tries, in order: the exact quote at the stored position (nothing changed); the occurrence of the
 * quote whose prefix and suffix agree best with the stored ones, nearest the stored position on a tie (text was
 * added or removed before it, or the quote repeats); the same with all whitespace ignored (re-sanitized or
 * re-rendered markup that spaces the text differently). None found: the highlight is an orphan.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../../common/user-data';
import { USER_DATA_LIMITS } from '../../common/user-data';

export interface TextSpan {
  start: number;
  end: number;
}

export interface TextSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

const AFFIX = USER_DATA_LIMITS.affixChars;
/** A quote that repeats more often than this is compared on its first occurrences only: enough for any article. */
const MAX_OCCURRENCES = 10_000;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** A cut at `start` or `end` may split a surrogate pair: an affix never begins or ends with half a character. */
function wholeCharacters(text: string): string {
  let from = 0;
  let to = text.length;
  if (to > 0 && isLowSurrogate(text.charCodeAt(0))) from = 1;
  if (to > from && isHighSurrogate(text.charCodeAt(to - 1))) to -= 1;
  return text.slice(from, to);
}

/** The span without the whitespace at its ends (a double-clicked word often takes the space after it). */
export function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The selectors of `text[start, end)`; null for an empty or blank span. */
export function describeSpan(text: string, span: TextSpan): TextSelectors | null {
  const { start, end } = trimSpan(text, {
    start: Math.max(0, Math.min(span.start, text.length)),
    end: Math.max(0, Math.min(span.end, text.length)),
  });
  if (end <= start) return null;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: wholeCharacters(text.slice(Math.max(0, start - AFFIX), start)),
      suffix: wholeCharacters(text.slice(end, end + AFFIX)),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

const WHITESPACE = /\s/;

/** The text without whitespace, with where each kept character was in the original. */
function stripWhitespace(text: string): { text: string; at: number[] } {
  let stripped = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (WHITESPACE.test(text[i]!)) continue;
    stripped += text[i];
    at.push(i);
  }
  return { text: stripped, at };
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** How many characters at the end of `a` and `b` agree. */
function commonTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The occurrence of `needle` in `haystack` whose surroundings agree best with `prefix` and `suffix` (compared
 * without whitespace), nearest `hint` among equals.
 */
function bestOccurrence(
  haystack: string,
  needle: string,
  prefix: string,
  suffix: string,
  hint: number,
): number | null {
  if (needle === '') return null;
  const wantPrefix = squeeze(prefix);
  const wantSuffix = squeeze(suffix);
  // Enough context on each side to hold the affix even where the text has more whitespace than it did.
  const reach = AFFIX * 4;
  let best: { at: number; score: number; distance: number } | null = null;
  let from = 0;
  for (let found = 0; found < MAX_OCCURRENCES; found++) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) break;
    const before = squeeze(haystack.slice(Math.max(0, at - reach), at));
    const after = squeeze(haystack.slice(at + needle.length, at + needle.length + reach));
    const score = commonTail(before, wantPrefix) + commonHead(after, wantSuffix);
    const distance = Math.abs(at - hint);
    if (!best || score > best.score || (score === best.score && distance < best.distance))
      best = { at, score, distance };
    from = at + 1;
  }
  return best ? best.at : null;
}

/** Where the stored highlight is in `text` now; null when it is nowhere (an orphan). */
export function anchorSelectors(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
): TextSpan | null {
  const { exact } = quote;
  if (exact === '') return null;
  if (text.slice(position.start, position.end) === exact) return { start: position.start, end: position.end };
  const at = bestOccurrence(text, exact, quote.prefix, quote.suffix, position.start);
  if (at !== null) return { start: at, end: at + exact.length };
  const stripped = stripWhitespace(text);
  const needle = squeeze(exact);
  if (needle === '') return null;
  // The hint in stripped coordinates: how many kept characters come before it.
  const hint = countBelow(stripped.at, position.start);
  const found = bestOccurrence(stripped.text, needle, quote.prefix, quote.suffix, hint);
  if (found === null) return null;
  return { start: stripped.at[found]!, end: stripped.at[found + needle.length - 1]! + 1 };
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
