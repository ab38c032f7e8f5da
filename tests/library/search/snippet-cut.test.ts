/**
 * The passage a hit shows (main/library/search/snippet.ts), called directly: which window of words is cut, where
 * it starts and ends, what is marked (by stem, as Lunr matched it), and that the article's text is escaped.
 * search.test.ts checks snippets through whole searches in the library's threads, where a mutation run cannot
 * see them; these tests say exactly what the cut is.
 */
import { describe, expect, it } from 'vitest';
import { wordStem as stem } from '../../../common/word-stem';
import { EMPTY_USER_DATA, type Highlight, type UserData } from '../../../common/user-data';
import { annotationSnippet, escapeHtml, makeSnippet } from '../../../main/library/search/snippet';
import { makeHighlight } from '../../helpers/highlight-fixture';

/** `n` distinct plain words, `word0 word1 …`, with some replaced by the given words. */
function words(n: number, replace: Record<number, string> = {}): string {
  return Array.from({ length: n }, (_, i) => replace[i] ?? `word${i}`).join(' ');
}

/** `word{from}` … `word{to - 1}` joined, with the same replacements. */
function run(from: number, to: number, replace: Record<number, string> = {}): string {
  return Array.from({ length: to - from }, (_, k) => replace[from + k] ?? `word${from + k}`).join(' ');
}

describe('makeSnippet', () => {
  it('marks the words whose stem matched, escapes the text and folds white space', () => {
    expect(makeSnippet('A <b> drone\n\nattack & the "drones" it\'s', ['drone'])).toBe(
      'A &lt;b&gt; <mark>drone</mark> attack &amp; the &quot;<mark>drones</mark>&quot; it&#39;s',
    );
    // A possessive matches its noun; a short term matches a short word.
    expect(makeSnippet("Iraq's PM spoke", ['iraq', 'pm'])).toBe(
      '<mark>Iraq&#39;s</mark> <mark>PM</mark> spoke',
    );
    // A word sharing only the first letters does not.
    expect(makeSnippet('dromedary drones', ['drone'])).toBe('dromedary <mark>drones</mark>');
  });

  it('marks every word the search matched, however the stemmer changed it', () => {
    // The stemmer changes a short word's last letters: "dry" is "dri", "dying" is "dy", "sky" is "ski". Found by
    // mutation testing: the first three letters were compared, and these words went unmarked.
    const terms = ['dry', 'dying', 'sky'].map(stem);
    expect(terms).toEqual(['dri', 'dy', 'ski']);
    expect(makeSnippet('A dry summer, dying crops, a clear sky.', terms)).toBe(
      'A <mark>dry</mark> summer, <mark>dying</mark> crops, a clear <mark>sky</mark>.',
    );
    // Only a possessive's final 's is dropped before stemming, not an apostrophe-s inside a name.
    expect(makeSnippet("O'Shea's report on O'Shea", [stem("o'shea")])).toBe(
      '<mark>O&#39;Shea&#39;s</mark> report on <mark>O&#39;Shea</mark>',
    );
  });

  it('keeps what follows the last word when the text ends inside the window', () => {
    expect(makeSnippet('The drone fell.  ', ['drone'])).toBe('The <mark>drone</mark> fell.');
    expect(makeSnippet('…and then the drone!', ['drone'])).toBe('and then the <mark>drone</mark>!');
  });

  it('is empty for a text without words', () => {
    expect(makeSnippet('', ['drone'])).toBe('');
    expect(makeSnippet(' — !! ', ['drone'])).toBe('');
  });

  it('cuts 30 words starting 5 before the match, with an ellipsis where text was left out', () => {
    const text = words(100, { 60: 'drone' });
    expect(makeSnippet(text, ['drone'])).toBe(`…${run(55, 85, { 60: '<mark>drone</mark>' })}…`);
    // Near the start: no leading ellipsis.
    expect(makeSnippet(words(100, { 3: 'drone' }), ['drone'])).toBe(
      `${run(0, 30, { 3: '<mark>drone</mark>' })}…`,
    );
    // Near the end: no trailing one.
    expect(makeSnippet(words(40, { 38: 'drone' }), ['drone'])).toBe(
      `…${run(33, 40, { 38: '<mark>drone</mark>' })}`,
    );
  });

  it('with no matched term, shows the first 30 words', () => {
    expect(makeSnippet(words(40), [])).toBe(`${run(0, 30)}…`);
    expect(makeSnippet(words(30), [])).toBe(run(0, 30));
  });

  it('prefers the window with the most distinct terms, then the most matches, then the first', () => {
    // Four of one term early; both terms together later.
    const text = words(120, {
      10: 'drone',
      11: 'drone',
      12: 'drone',
      13: 'drone',
      80: 'drone',
      82: 'attack',
    });
    const cut = makeSnippet(text, ['drone', 'attack']);
    expect(cut.startsWith('…word75 ')).toBe(true);
    expect(cut).toContain('<mark>drone</mark> word81 <mark>attack</mark>');
    // One term each time: more matches win.
    const more = words(120, { 10: 'drone', 70: 'drone', 72: 'drone' });
    expect(makeSnippet(more, ['drone']).startsWith('…word65 ')).toBe(true);
    // Equal windows: the first.
    const tie = words(120, { 10: 'drone', 70: 'drone' });
    expect(makeSnippet(tie, ['drone']).startsWith('…word5 ')).toBe(true);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that could open markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

const highlight = (exact: string, note = ''): Highlight => makeHighlight(exact, note);
const user = (note: string, highlights: Highlight[]): UserData => ({ ...EMPTY_USER_DATA, note, highlights });

describe('annotationSnippet', () => {
  it('shows the note or highlight with the most distinct matched terms, then the most matches', () => {
    const data = user('a drone was seen', [
      highlight('the drone attack on the drone', 'attack drone report'),
      highlight('nothing here'),
    ]);
    expect(annotationSnippet(data, ['drone', 'attack'])).toBe(
      'the <mark>drone</mark> <mark>attack</mark> on the <mark>drone</mark>',
    );
    // The highlight's own note counts as a passage too.
    expect(annotationSnippet(user('', [highlight('quiet quote', 'an attack noted')]), ['attack'])).toBe(
      'an <mark>attack</mark> noted',
    );
  });

  it('counts distinct terms before matches', () => {
    expect(
      annotationSnippet(user('drone drone drone', [highlight('drone attack')]), ['drone', 'attack']),
    ).toBe('<mark>drone</mark> <mark>attack</mark>');
  });

  it('takes the first in order (the note, then each highlight and its note) on a tie', () => {
    expect(annotationSnippet(user('drone one', [highlight('drone two')]), ['drone'])).toBe(
      '<mark>drone</mark> one',
    );
    expect(annotationSnippet(user('', [highlight('drone two'), highlight('drone three')]), ['drone'])).toBe(
      '<mark>drone</mark> two',
    );
  });

  it('is null when no passage holds a matched term, or nothing was matched', () => {
    expect(annotationSnippet(user('a note', [highlight('a quote')]), ['drone'])).toBeNull();
    expect(annotationSnippet(user('drone', []), [])).toBeNull();
    expect(annotationSnippet(EMPTY_USER_DATA, ['drone'])).toBeNull();
  });
});
