// @vitest-environment jsdom
// The sanitizer needs a DOM; jsdom is the one DOMPurify supports outside a browser (see docs/libraries.md).
import { describe, expect, it } from 'vitest';
import { highlightTerms } from '../../../renderer/dom/highlight-dom';
import { takeResourceImages } from '../../../renderer/dom/resource-images';
import { sanitizeArticleHtml } from '../../../renderer/dom/sanitize-article';

function clean(html: string): HTMLElement {
  const box = document.createElement('div');
  box.append(sanitizeArticleHtml(html));
  return box;
}

describe('sanitizeArticleHtml', () => {
  it('removes everything that runs, embeds, submits or styles', () => {
    const box = clean(`
      <script>alert(1)</script><style>body{}</style><iframe src="https://x"></iframe><object data="x"></object>
      <embed src="x"><form action="https://x"><input name="p"><button>go</button></form>
      <svg><script>alert(1)</script></svg><math><mi>x</mi></math>
      <p style="position:fixed" onclick="alert(1)" onmouseover="alert(1)" id="root" class="app">text</p>`);
    expect(
      box.querySelector('script, style, iframe, object, embed, form, input, button, svg, math'),
    ).toBeNull();
    const paragraph = box.querySelector('p');
    expect(paragraph?.textContent).toBe('text');
    expect(paragraph?.getAttributeNames()).toEqual([]);
  });

  it('keeps only local image sources', () => {
    const box = clean(`
      <img src="resource:figure.png" alt="local"><img src="data:image/png;base64,AAAA" alt="inline">
      <img src="https://example.com/t.png" srcset="https://example.com/2x.png 2x" alt="remote">
      <img src="//example.com/p.gif" alt="relative to protocol"><img src="data:text/html;base64,AAAA" alt="html">`);
    expect(Array.from(box.querySelectorAll('img'), (img) => img.getAttribute('src'))).toEqual([
      'resource:figure.png',
      'data:image/png;base64,AAAA',
      null,
      null,
      null,
    ]);
    expect(box.querySelector('[srcset]')).toBeNull();
  });

  it('sends web links to a new window without opener or referrer, and unlinks everything else', () => {
    const box = clean(
      '<a href="https://example.org/a">web</a><a href="javascript:alert(1)">js</a><a href="#top">anchor</a>' +
        '<a href="file:///etc/passwd">file</a><a href="mailto:a@example.org">mail</a>',
    );
    expect(
      Array.from(box.querySelectorAll('a'), (a) => [a.textContent, a.getAttribute('href'), a.target, a.rel]),
    ).toEqual([
      ['web', 'https://example.org/a', '_blank', 'noopener noreferrer'],
      ['js', null, '', ''],
      ['anchor', null, '', ''],
      ['file', null, '', ''],
      ['mail', 'mailto:a@example.org', '_blank', 'noopener noreferrer'],
    ]);
  });

  it('unlinks saved files and drops remote images, testing from the start of the address', () => {
    const box = clean(
      '<a href="resource:a.png">saved</a><a href="resource:a.png#https:">saved too</a>' +
        '<img src="https://example.com/resource:a.png" alt="remote">',
    );
    expect(Array.from(box.querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual([null, null]);
    expect(box.querySelector('img')?.getAttribute('src')).toBeNull();
  });

  it('keeps the reading structure and moves the page headings under the title', () => {
    const box = clean(
      '<article><h1>Page</h1><h2>Part</h2><blockquote>q</blockquote><table><tr><td>1</td></tr></table></article>',
    );
    expect(box.querySelector('article')).toBeNull();
    expect(Array.from(box.querySelectorAll('h1, h2, h3, h4, h5, h6'), (h) => h.tagName)).toEqual([
      'H3',
      'H4',
    ]);
    expect(box.querySelector('blockquote')?.textContent).toBe('q');
    expect(box.querySelector('td')?.textContent).toBe('1');
  });

  it('keeps the attributes that shape reading: table spans, direction, language, list start, dates', () => {
    const box = clean(
      '<table><tr><th scope="row">h</th><td colspan="2" rowspan="3">d</td></tr></table>' +
        '<p dir="rtl" lang="ar">x</p><ol start="4"><li>d</li></ol><time datetime="2020-01-02">day</time>',
    );
    const attrs = (selector: string) => {
      const el = box.querySelector(selector);
      return el
        ? Object.fromEntries(el.getAttributeNames().map((name) => [name, el.getAttribute(name)]))
        : null;
    };
    expect(attrs('th')).toEqual({ scope: 'row' });
    expect(attrs('td')).toEqual({ colspan: '2', rowspan: '3' });
    expect(attrs('p')).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(attrs('ol')).toEqual({ start: '4' });
    expect(attrs('time')).toEqual({ datetime: '2020-01-02' });
  });
});

describe('highlightTerms', () => {
  it('marks words in text nodes only, never inside attributes or markup', () => {
    const box = clean('<p title="drone">A <em>drone</em> and drones; <a href="https://x/drone">link</a></p>');
    expect(highlightTerms(box, ['drone'])).toBe(2);
    expect(Array.from(box.querySelectorAll('mark.hit'), (mark) => mark.textContent)).toEqual([
      'drone',
      'drones',
    ]);
    expect(box.querySelector('p')?.getAttribute('title')).toBe('drone');
    expect(box.textContent).toBe('A drone and drones; link');
  });
});

describe('takeResourceImages', () => {
  it('takes resource images out of the fragment before it can try to load them', () => {
    const fragment = sanitizeArticleHtml(
      '<img src="resource:a.png" alt="a"><img src="data:image/gif;base64,R0" alt="b">',
    );
    const taken = takeResourceImages(fragment);
    expect(taken.map((entry) => entry.name)).toEqual(['a.png']);
    expect(taken[0]?.image.hasAttribute('src')).toBe(false);
    expect(fragment.querySelectorAll('img[src]')).toHaveLength(1);
  });
});
