/**
 * A byline as CSL names: "By Jane Smith", "Jane Smith and John Doe", "Jane Smith, John Doe & Ann Lee" give
 * one name each (family = the last word, given = the words before it); an organisation ("BBC News",
 * "Reuters", "The Guardian Staff") is kept whole as a `literal`, so no style turns it into "News, B.".
 */

export type CslName = { family: string; given: string } | { literal: string };

/** Words that mark a byline as an organisation rather than a person. */
const ORGANISATION =
  /\b(news|press|agency|agencies|staff|team|desk|editors?|editorial|reporters?|correspondents?|bureau|service|media|times|post|journal|guardian|herald|tribune|associated|reuters|afp|bbc|cnn|npr|ap|inc|ltd|llc|group|online|magazine|newsroom|wire)\b/i;

export function parseAuthors(byline: string | null): CslName[] {
  if (!byline) return [];
  const cleaned = byline
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^by\s+/i, '');
  if (!cleaned) return [];
  return cleaned
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((part) => part.trim().replace(/^by\s+/i, ''))
    .filter(Boolean)
    .map(parseName);
}

function parseName(name: string): CslName {
  const words = name.split(' ');
  // One word, more than four, a digit, or an organisation's word: not a person's name.
  if (words.length < 2 || words.length > 4 || /\d/.test(name) || ORGANISATION.test(name))
    return { literal: name };
  const family = words[words.length - 1]!;
  return { family, given: words.slice(0, -1).join(' ') };
}
