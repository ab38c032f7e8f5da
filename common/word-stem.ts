/**
 * A word's stem as Lunr's stemmer makes it, for telling which words of a text a search matched (the hit
 * snippets in the library, the marked words in the reader). A possessive's final 's is dropped first, as the
 * index's tokens of "Kadhimi's" match "kadhimi". Cached: a text repeats its words, and stemming is the cost.
 */
import lunr from 'lunr';

const stems = new Map<string, string>();

/** The stem of a lowercase word. */
export function wordStem(lower: string): string {
  let stem = stems.get(lower);
  if (stem === undefined) {
    stem = lunr.stemmer(new lunr.Token(lower.replace(/['’]s$/u, ''), {})).toString();
    // Bounded: a long article of distinct words must not grow it without end.
    if (stems.size > 50_000) stems.clear();
    stems.set(lower, stem);
  }
  return stem;
}
