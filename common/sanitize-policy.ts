/**
 * What an article's HTML may hold, shared by both sanitizing layers: the import (main/library/import/
 * sanitize-html.ts, DOMPurify on jsdom, before anything is stored) and the renderer
 * (renderer/dom/sanitize-article.ts, DOMPurify on the browser's DOM, before anything is shown). An allow-list
 * keeps the structure worth reading and nothing that runs, styles the app, submits, embeds, or reaches the
 * network. Images keep only local sources: `resource:` (saved with the page) and `data:image/…`.
 * Plain data only, so both DOMPurify builds can take it.
 */

export const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
];

// No `id`/`name` (they could clobber the app's own ids), no `class`/`style` (the page's CSS is not ours), no
// `srcset` (remote images by another name), no ARIA or `role` (a page must not rewrite the app's accessibility tree).
export const ALLOWED_ATTR = [
  'href',
  'src',
  'alt',
  'title',
  'colspan',
  'rowspan',
  'scope',
  'datetime',
  'lang',
  'dir',
  'start',
  'reversed',
  'open',
];

export const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'video',
  'audio',
  'source',
  'track',
  'template',
];

/** An `<img src>` that loads nothing from the network. */
export const LOCAL_IMAGE = /^(?:resource:|data:image\/)/i;
/** An `<a href>` worth keeping: a web page or a mail address (opened outside the app, on a click). */
export const EXTERNAL_LINK = /^(?:https?:|mailto:)/i;

/** DOMPurify's options both layers share (each adds how it wants the result returned). */
export const SANITIZE_CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|resource:)/i,
};
