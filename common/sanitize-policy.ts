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

/** The allowed attributes that hold a URL; the afterSanitizeAttributes hooks of both layers vet their values. */
export const URL_ATTR = ['href', 'src'];

/**
 * The allowed attributes whose value is never a URL. DOMPurify checks every allowed attribute outside its short
 * built-in URI-safe list (alt, title, …) against ALLOWED_URI_REGEXP, which here accepts only a scheme, so these
 * must be named URI-safe: without that, `colspan="2"`, `dir="rtl"`, `lang`, `scope`, `datetime` and `start`
 * were all silently dropped (found by mutation testing, see tests/library/import/sanitize-keeps.test.ts).
 */
export const TEXT_ATTR = [
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

// No `id`/`name` (they could clobber the app's own ids), no `class`/`style` (the page's CSS is not ours), no
// `srcset` (remote images by another name), no ARIA or `role` (a page must not rewrite the app's accessibility tree).
export const ALLOWED_ATTR = [...URL_ATTR, ...TEXT_ATTR];

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
  ADD_URI_SAFE_ATTR: TEXT_ATTR,
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|resource:)/i,
};
