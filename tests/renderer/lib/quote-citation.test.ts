import { describe, expect, it } from 'vitest';
import { quoteWithCitation } from '../../../renderer/lib/quote-citation';

describe('quoteWithCitation', () => {
  const citation = {
    format: 'apa' as const,
    mediaType: 'text/plain',
    text: 'Doe, J. (2021, November 7). Drone attack. The Paper. https://example.org/a\n',
    html: '<div class="csl-entry">Doe, J. (2021, November 7). <i>Drone attack</i>. The Paper.</div>',
  };

  it('puts the quote first, then the reference, as text and as HTML', () => {
    expect(quoteWithCitation('Officials see a strike', citation)).toEqual({
      text: '“Officials see a strike”\n\nDoe, J. (2021, November 7). Drone attack. The Paper. https://example.org/a\n',
      html: `<blockquote><p>Officials see a strike</p></blockquote>\n${citation.html}\n`,
    });
  });

  it('escapes the quote in the HTML, and falls back to the escaped text when the reference has no HTML', () => {
    const { html } = quoteWithCitation('a <b> & "c"\nd', { ...citation, text: 'R & D <x>', html: null });
    expect(html).toBe(
      '<blockquote><p>a &#60;b&#62; &#38; &#34;c&#34;<br>d</p></blockquote>\nR &#38; D &#60;x&#62;\n',
    );
  });
});
