import { describe, expect, it } from 'vitest';
import { parseSnippet, unescapeEntities } from '../../../renderer/lib/snippet';

describe('parseSnippet', () => {
  it('splits marked and plain runs in order', () => {
    expect(parseSnippet('A <mark>drone</mark> attack on the <mark>Iraqi</mark> PM')).toEqual([
      { text: 'A ', marked: false },
      { text: 'drone', marked: true },
      { text: ' attack on the ', marked: false },
      { text: 'Iraqi', marked: true },
      { text: ' PM', marked: false },
    ]);
  });

  it('unescapes the five entities the server escapes, inside and outside marks', () => {
    expect(parseSnippet('&lt;b&gt; &amp; &quot;x&quot; <mark>it&#39;s</mark>')).toEqual([
      { text: '<b> & "x" ', marked: false },
      { text: "it's", marked: true },
    ]);
  });

  it('keeps escaped markup as text: an escaped <mark> is not a mark', () => {
    expect(parseSnippet('&lt;mark&gt;not a mark&lt;/mark&gt;')).toEqual([
      { text: '<mark>not a mark</mark>', marked: false },
    ]);
  });

  it('leaves unknown entities alone and unescapes only once', () => {
    expect(unescapeEntities('&amp;lt; &nbsp; &#x27;')).toBe('&lt; &nbsp; &#x27;');
  });

  it('drops empty runs and merges runs split by stray tags', () => {
    expect(parseSnippet('<mark></mark>one</mark> two')).toEqual([{ text: 'one two', marked: false }]);
    expect(parseSnippet('')).toEqual([]);
  });
});
