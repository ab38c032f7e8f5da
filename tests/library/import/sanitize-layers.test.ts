// @vitest-environment jsdom
// The renderer's sanitizer needs a DOM; the import's brings its own jsdom.
/**
 * The two sanitizing layers keep the same things: what the import stores, shown by the renderer, looks exactly as
 * the raw HTML would after the renderer alone. If one layer's allow-list drifted from the other's, an input
 * here would come out differently.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../main/library/import/sanitize-html';
import { sanitizeArticleHtml } from '../../../renderer/dom/sanitize-article';

const INPUTS = [
  '<p>Plain <b>bold</b> <i>italic</i> <a href="https://ok.example/a" title="t">link</a> <a href="mailto:a@b.example">mail</a></p>',
  '<h1>Title</h1><h2>Section</h2><blockquote cite="https://x.example">Quote</blockquote><pre><code>code</code></pre>',
  '<table><caption>c</caption><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2" rowspan="1">d</td></tr></tbody></table>',
  '<ol start="3" reversed><li>a</li></ol><details open><summary>s</summary>body</details><time datetime="2020-01-01">day</time>',
  '<p dir="rtl" lang="ar">\u0645\u0631\u062d\u0628\u0627</p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>',
  '<figure><img src="resource:a.png" alt="a"><img src="data:image/png;base64,AA==" alt="b"><img src="https://evil.example/x.png" srcset="https://evil.example/2x.png 2x"><figcaption>f</figcaption></figure>',
  '<picture><source srcset="https://evil.example/s.png"><img src="resource:p.png"></picture>',
  '<script>alert(1)</script><style>p{}</style><iframe srcdoc="<script>alert(1)</script>"></iframe><object data="x"></object><embed src="x">',
  '<form action="https://evil.example"><input name="q"><button>go</button><textarea>t</textarea><select><option>o</option></select></form>',
  '<p onclick="alert(1)" style="color:red" class="c" id="root" name="n" role="button" aria-label="x" data-x="1">attrs</p>',
  '<a href="javascript:alert(1)">js</a><a href="jav&#x09;ascript:alert(1)">tab</a><a href="data:text/html,x">data</a><a href="/relative">rel</a><a href="#frag">frag</a>',
  '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)"><text>svg</text></a></svg><math><mtext><mglyph><style><img src=x onerror=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/s.css">',
  '<video src="https://evil.example/v.mp4" poster="https://evil.example/p.png"></video><audio src="x"></audio><template><p>t</p></template><noscript><p>n</p></noscript>',
  '<form id="getElementById"></form><img name="cookie" src="resource:c.png"><div><div><span><mark>deep</mark></span></div></div>',
];

function shown(html: string): string {
  const box = document.createElement('div');
  box.append(sanitizeArticleHtml(html));
  return box.innerHTML;
}

describe('the import and the renderer sanitize to the same allow-list', () => {
  it.each(INPUTS.map((html, i) => [i + 1, html]))(
    'input %i shows the same after both layers as after the renderer alone',
    (_n, html) => {
      expect(shown(sanitizeHtml(html as string))).toBe(shown(html as string));
    },
  );

  it('stores nothing the renderer would have to remove', () => {
    for (const html of INPUTS) {
      const stored = sanitizeHtml(html);
      expect(sanitizeHtml(stored)).toBe(stored);
      expect(stored).not.toMatch(
        /<script|on\w+=|javascript:|<iframe|<svg|<math|<style|style=|srcset|evil\.example/i,
      );
    }
  });
});
