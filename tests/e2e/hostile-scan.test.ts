/**
 * The catalogue's own instruments, checked before they are trusted: the scanner flags what runs or loads and
 * passes a harmless article; a report line is attributed to its case and to no other.
 */
import { describe, expect, it } from 'vitest';
import { belongsTo } from '../helpers/hostile-catalogue/case';
import { scanStoredHtml } from '../helpers/hostile-catalogue/inert-scan';

const CANARY = 'http://127.0.0.1:9';

describe('the inert scanner', () => {
  it('passes a harmless article, its web links and local images', () => {
    const html =
      '<h2>Title</h2><p>Text with <a href="https://example.org/" target="_blank" rel="noopener noreferrer">a link</a>' +
      ` and <a href="${CANARY}/page">a link to the canary</a>.</p><p><img src="resource:photo.png" alt="">` +
      '<img src="data:image/png;base64,AAAA" alt=""></p>';
    expect(scanStoredHtml(html, CANARY)).toEqual([]);
  });

  it.each([
    ['<script>window.__offprintCanary=1</script>', /<script> kept/],
    ['<img src="x" onerror="alert(1)">', /onerror=/],
    ['<a href=" jAvA\tscript:alert(1)">x</a>', /href="/],
    ['<a href="data:text/html,<b>x</b>">x</a>', /href="/],
    ['<iframe srcdoc="<b>x</b>"></iframe>', /srcdoc=|<iframe> kept/],
    [`<img src="${CANARY}/pixel.gif">`, /src names the canary/],
    [`<img srcset="${CANARY}/a.png 1x">`, /srcset names the canary/],
    [`<p style="background: url(${CANARY}/bg.png)">x</p>`, /style names the canary/],
    ['<p style="width: expression(alert(1))">x</p>', /style="/],
    ['<a href="https://example.org/" target="_blank">x</a>', /without rel=noopener/],
    ['<object data="x.swf"></object>', /<object> kept/],
  ])('flags %s', (html, pattern) => {
    expect(scanStoredHtml(html, CANARY).join('\n')).toMatch(pattern);
  });
});

describe('attributing report lines to cases', () => {
  it.each([
    ['zip-slip', 'zip-slip.zip › ../../x.txt', true],
    ['zip-slip', 'zip-slip-absolute.zip › /tmp/x', false],
    ['symlink-loop', '/tmp/inputs/symlink-loop/sub/self', true],
    ['symlink-loop', 'symlink-loop.txt', true],
    ['wallabag-bad-date', 'wallabag-bad-date.json › Impossible date', true],
    ['deep-nesting-10k', 'deep-nesting-100k.html', false],
  ])('%s ← %s: %s', (name, source, expected) => {
    expect(belongsTo(name, source)).toBe(expected);
  });
});
