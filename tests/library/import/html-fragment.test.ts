/**
 * A read-it-later service's extracted HTML (Wallabag, Omnivore) to an article's text and kept html, called
 * directly: a fragment is parsed as a fragment (a stray `<body>` or `</html>` inside it decides nothing), a whole
 * document gives its body, and nothing with no text is an article.
 */
import { describe, expect, it } from 'vitest';
import { htmlFragmentText } from '../../../main/library/import/html-fragment';

describe('htmlFragmentText', () => {
  it('keeps a fragment’s text and its html, trimmed', () => {
    expect(htmlFragmentText('  <p>One harbour.</p>\n<p>Two <em>ships</em>.</p>\n ')).toEqual({
      text: 'One harbour.\n\nTwo ships.',
      html: '<p>One harbour.</p>\n<p>Two <em>ships</em>.</p>',
    });
  });

  it('reads a fragment whole though it holds a stray body or html tag', () => {
    const result = htmlFragmentText('<p>Before.</p></html><body><p>After.</p>');
    expect(result?.text).toBe('Before.\n\nAfter.');
    expect(result?.html).toContain('Before.');
    expect(result?.html).toContain('After.');
  });

  it('takes a whole document’s body, after a BOM and comments', () => {
    const doc =
      '\uFEFF<!-- saved --> <!doctype html><html><head><title>Not text</title></head>' +
      '<body><p>Only the body.</p></body></html>';
    expect(htmlFragmentText(doc)).toEqual({ text: 'Only the body.', html: '<p>Only the body.</p>' });
  });

  // linkedom gives a document without an <html> element an empty body: these lost all their text before.
  it('reads a document with no html element, leaving out its head and document tags', () => {
    expect(htmlFragmentText('<body><p>Body first.</p></body>')).toEqual({
      text: 'Body first.',
      html: '<p>Body first.</p>',
    });
    expect(htmlFragmentText('<!doctype html><p>Bare.</p>')).toEqual({ text: 'Bare.', html: '<p>Bare.</p>' });
    expect(
      htmlFragmentText(
        '<head><title>Not text</title><style>p{}</style></head><body class="a"><p>Two.</p></body>',
      ),
    ).toEqual({ text: 'Two.', html: '<p>Two.</p>' });
  });

  it('is nothing for empty input or markup without text', () => {
    expect(htmlFragmentText('')).toBeNull();
    expect(htmlFragmentText(' \n ')).toBeNull();
    expect(htmlFragmentText('<div><img src="a.png"></div>')).toBeNull();
    expect(htmlFragmentText('<html><body><div></div></body></html>')).toBeNull();
  });

  it('reads as a fragment a document whose body holds only white space', () => {
    // linkedom puts the text after `</html>` beside the body, which keeps only the space between the tags.
    expect(htmlFragmentText('<html> <body> </body> </html><p>After the document.</p>')).toEqual({
      text: 'After the document.',
      html: '<p>After the document.</p>',
    });
  });
});
