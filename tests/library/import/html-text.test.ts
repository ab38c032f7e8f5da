/**
 * An HTML body to the plain text an article stores, called directly on pages parsed by linkedom: one paragraph
 * per block, line breaks as paragraph breaks, a table row on one line, whitespace collapsed as a browser shows
 * it, and what is never text (scripts, styles, SVG, frames, the head).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { htmlElementToText } from '../../../main/library/import/html-text';

const textOf = (body: string) =>
  htmlElementToText(parseHTML(`<!doctype html><html><body>${body}</body></html>`).document.body as never);

describe('htmlElementToText', () => {
  it('makes one paragraph of each block element, and keeps inline elements in their paragraph', () => {
    const blocks =
      'address article aside blockquote caption dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header li main nav ol p pre section summary table tbody thead tfoot tr ul';
    for (const tag of blocks.split(' ')) expect(textOf(`a<${tag}>b</${tag}>c`), tag).toBe('a\n\nb\n\nc');
    for (const tag of ['span', 'b', 'i', 'a', 'em', 'strong', 'code', 'small', 'mark'])
      expect(textOf(`a<${tag}>b</${tag}>c`), tag).toBe('abc');
    expect(textOf('<p>One <b>bold</b> word.</p><p>Two.</p>')).toBe('One bold word.\n\nTwo.');
  });

  it('breaks a paragraph at <br> and <hr>', () => {
    expect(textOf('<p>line one<br>line two</p>')).toBe('line one\n\nline two');
    expect(textOf('above<hr>below')).toBe('above\n\nbelow');
  });

  it('reads a table row as one line, its cells apart', () => {
    expect(textOf('<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>41</td></tr></table>')).toBe(
      'Name Age\n\nAnn 41',
    );
  });

  it('collapses white space as a browser shows it, and drops empty paragraphs', () => {
    expect(textOf('<p>  a \t b\n\r\f c\u00a0\u00a0d  </p><p> </p><div>\n</div><p>e</p>')).toBe(
      'a b c d\n\ne',
    );
    expect(textOf('')).toBe('');
  });

  it('leaves out what is never text', () => {
    for (const tag of ['script', 'style', 'noscript', 'template', 'title', 'svg', 'iframe', 'object'])
      expect(textOf(`<p>kept</p><${tag}>hidden</${tag}><p>also</p>`), tag).toBe('kept\n\nalso');
    // Comments are no text either.
    expect(textOf('<p>a<!-- hidden -->b</p>')).toBe('ab');
  });

  it('reads a whole document, its head left out', () => {
    const { document } = parseHTML(
      '<!doctype html><html><head><title>Title</title><style>p{}</style></head><body><p>Body.</p></body></html>',
    );
    expect(htmlElementToText(document as never)).toBe('Body.');
    expect(htmlElementToText(document.documentElement as never)).toBe('Body.');
    const fragment = document.createDocumentFragment();
    fragment.appendChild(document.createTextNode('from a fragment'));
    expect(htmlElementToText(fragment as never)).toBe('from a fragment');
  });
});
