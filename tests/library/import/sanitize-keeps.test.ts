/**
 * The other half of the sanitizing policy: what a reader needs must survive the import. Each snippet below is
 * stored exactly as written (the import's layer, which decides what a library ever holds), one element or
 * attribute of the reading structure per case, so a policy that dropped one (an allow-list entry lost in an
 * edit, a flag flipped) fails here by name. The list is written out rather than read from the policy: a test
 * that looped over ALLOWED_TAGS would pass whatever the list held. Mutation testing (bench/results/mutation.md)
 * found the removals guarded (sanitize-claims) and these keeps unguarded.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../main/library/import/sanitize-html';

// Each element in a context where the HTML parser keeps it, so only the sanitizer could remove it.
const ELEMENTS: [string, string][] = [
  ['a', '<p><a href="https://ok.example/">a</a></p>'],
  ['abbr', '<p><abbr title="HyperText Markup Language">HTML</abbr></p>'],
  [
    'b, i, u, s, em, strong, small, mark',
    '<p><b>b</b><i>i</i><u>u</u><s>s</s><em>e</em><strong>s</strong><small>s</small><mark>m</mark></p>',
  ],
  ['bdi, bdo', '<p><bdi>x</bdi><bdo dir="rtl">y</bdo></p>'],
  ['blockquote, cite, q', '<blockquote><p><q>q</q> <cite>c</cite></p></blockquote>'],
  ['br, wbr, hr', '<p>a<br>b<wbr>c</p><hr>'],
  ['code, kbd, samp, var, pre', '<pre><code>c</code><kbd>k</kbd><samp>s</samp><var>v</var></pre>'],
  ['del, ins', '<p><del>old</del><ins>new</ins></p>'],
  ['details, summary', '<details><summary>s</summary>body</details>'],
  ['dfn', '<p><dfn>term</dfn></p>'],
  ['div, span', '<div><span>x</span></div>'],
  ['dl, dt, dd', '<dl><dt>t</dt><dd>d</dd></dl>'],
  ['figure, figcaption', '<figure><p>f</p><figcaption>c</figcaption></figure>'],
  ['h1 to h6', '<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>'],
  ['img', '<p><img src="resource:a.png" alt="a"></p>'],
  ['ol, ul, li', '<ol><li>1</li></ol><ul><li>u</li></ul>'],
  ['picture', '<picture><img src="resource:p.png"></picture>'],
  ['ruby, rp, rt', '<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby></p>'],
  ['sub, sup', '<p>H<sub>2</sub>O x<sup>2</sup></p>'],
  [
    'table and its parts',
    '<table><caption>c</caption><colgroup><col></colgroup><thead><tr><th>h</th></tr></thead>' +
      '<tbody><tr><td>d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>',
  ],
  ['time', '<p><time>noon</time></p>'],
];

const ATTRIBUTES: [string, string][] = [
  ['href', '<p><a href="https://ok.example/a">a</a></p>'],
  ['http: links as well as https:', '<p><a href="http://ok.example/a">a</a></p>'],
  ['src, alt, title', '<p><img src="resource:a.png" alt="a" title="t"></p>'],
  [
    'colspan, rowspan, scope',
    '<table><tbody><tr><th scope="row">h</th><td colspan="2" rowspan="3">d</td></tr></tbody></table>',
  ],
  ['datetime', '<p><time datetime="2020-01-02">day</time></p>'],
  ['lang, dir', '<p lang="ar" dir="rtl">x</p>'],
  ['start, reversed', '<ol start="3" reversed=""><li>c</li></ol>'],
  ['open', '<details open=""><summary>s</summary>b</details>'],
];

describe('the import sanitizer keeps the reading structure', () => {
  it('returns the HTML without surrounding space, and nothing when nothing is left', () => {
    expect(sanitizeHtml('\n  <p>x</p>\n ')).toBe('<p>x</p>');
    expect(sanitizeHtml(' <script>alert(1)</script> ')).toBe('');
  });

  it.each(ELEMENTS)('keeps %s', (_name, html) => {
    expect(sanitizeHtml(html)).toBe(html);
  });

  it.each(ATTRIBUTES)('keeps the attribute(s) %s', (_name, html) => {
    expect(sanitizeHtml(html)).toBe(html);
  });
});
