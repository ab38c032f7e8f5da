// @vitest-environment jsdom
// What goes into the reader's frame and how the app handles the frame's events, on jsdom's DOM (the e2e tests in
// tests/e2e/reader-sandbox.test.ts run the same code in Chromium).
import { describe, expect, it } from 'vitest';
import { ARTICLE_FRAME_CSP, ARTICLE_FRAME_SANDBOX } from '../../../renderer/dom/article-frame-policy';
import { articleSrcdoc } from '../../../renderer/dom/article-srcdoc';
import { connectFrame } from '../../../renderer/dom/frame-events';
import { clearHighlights, highlightTerms } from '../../../renderer/dom/highlight-dom';
import { pendingResourceImages } from '../../../renderer/dom/resource-images';
import { isWebLink } from '../../../renderer/lib/web-links';

function parse(srcdoc: string): Document {
  return new DOMParser().parseFromString(srcdoc, 'text/html');
}

describe('the frame’s policy', () => {
  it('runs no script and loads nothing but data: images', () => {
    expect(ARTICLE_FRAME_SANDBOX.split(/\s+/)).toEqual(['allow-same-origin']);
    expect(ARTICLE_FRAME_CSP).toMatch(/^default-src 'none'; img-src data:; style-src 'unsafe-inline'/);
  });
});

describe('articleSrcdoc', () => {
  const hostile = [
    '<script>parent.x = 1</script><p onclick="x()">Some <b>text</b></p>',
    '<img src="resource:fig.png" alt="figure"><img src="https://tracker.example/p.gif" alt="remote">',
    '<a href="javascript:alert(1)">js</a> <a href="https://example.org/">web</a>',
    '<h1>Heading</h1><style>body{}</style><base href="https://evil.example/">',
  ].join('');

  it('puts the policy first in the head, before anything it must govern', () => {
    const doc = parse(articleSrcdoc(hostile, { title: 'T', lang: 'en' }));
    const first = doc.head.firstElementChild;
    expect(first?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(first?.getAttribute('content')).toBe(ARTICLE_FRAME_CSP);
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.head.querySelectorAll('base, script, link')).toHaveLength(0);
  });

  it('holds the sanitized body only, its headings demoted and its local images waiting for their bytes', () => {
    const doc = parse(articleSrcdoc(hostile, { title: 'T', lang: 'en' }));
    const body = doc.querySelector('body > .article-body.rich')!;
    expect(body.querySelectorAll('script, style, base, [onclick]')).toHaveLength(0);
    expect(body.querySelector('h3')?.textContent).toBe('Heading');
    expect(Array.from(body.querySelectorAll('img'), (img) => img.getAttribute('src'))).toEqual([null, null]);
    expect(pendingResourceImages(doc).map((entry) => entry.name)).toEqual(['fig.png']);
    expect(Array.from(body.querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual([
      null,
      'https://example.org/',
    ]);
  });

  it('keeps a hostile title as text', () => {
    const doc = parse(articleSrcdoc('<p>x</p>', { title: '</title><script>x()</script>', lang: 'en' }));
    expect(doc.title).toBe('</title><script>x()</script>');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });
});

describe('clearHighlights', () => {
  it('gives back the text as it was, so another query can mark it', () => {
    const box = document.createElement('div');
    box.innerHTML = '<p>A drone and <i>drones</i> over the harbour.</p>';
    const before = box.innerHTML;
    expect(highlightTerms(box, ['drone'])).toBe(2);
    clearHighlights(box);
    expect(box.innerHTML).toBe(before);
    expect(box.querySelector('p')!.childNodes).toHaveLength(3);
    expect(highlightTerms(box, ['harbour'])).toBe(1);
  });
});

describe('isWebLink', () => {
  it('takes only http(s) addresses with a host', () => {
    expect(isWebLink('https://example.org/a')).toBe(true);
    expect(isWebLink('HTTP://example.org')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      ' javascript:x',
      'mailto:a@b.c',
      'file:///etc/passwd',
      'data:text/html,x',
      'about:blank',
      '/relative',
      'http:',
      'vbscript:x',
    ]) {
      expect(isWebLink(url), url).toBe(false);
    }
  });
});

describe('connectFrame', () => {
  function setup() {
    const frame = document.createElement('iframe');
    const pane = document.createElement('section');
    pane.dataset.keys = 'reader';
    pane.append(frame);
    document.body.append(pane);
    const doc = document.implementation.createHTMLDocument('frame');
    doc.body.innerHTML = '<p>Text <a href="https://example.org/">web</a> <a href="mailto:a@b.c">mail</a></p>';
    const disconnect = connectFrame(frame, doc);
    return { frame, pane, doc, disconnect };
  }

  it('replays the frame’s keys on the frame element, and lets the app’s handling stop the frame’s own', () => {
    const { frame, pane, doc, disconnect } = setup();
    const seen: string[] = [];
    pane.addEventListener('keydown', (event) => {
      seen.push(`${event.key}:${(event.target as Element).tagName}`);
      if (event.key === 'j') event.preventDefault();
    });
    const press = (key: string) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      doc.body.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(press('j')).toBe(true);
    expect(press('ArrowDown')).toBe(false);
    expect(seen).toEqual(['j:IFRAME', 'ArrowDown:IFRAME']);
    disconnect();
    press('k');
    expect(seen).toHaveLength(2);
    frame.closest('section')!.remove();
  });

  it('never lets a link in the frame follow itself; a click that is not the user’s opens nothing', () => {
    const { pane, doc } = setup();
    for (const link of Array.from(doc.querySelectorAll('a'))) {
      const click = new MouseEvent('click', { bubbles: true, cancelable: true });
      link.dispatchEvent(click);
      expect(click.defaultPrevented).toBe(true);
    }
    pane.remove();
  });
});
