/**
 * The rules of the frame an article's HTML is shown in. Imported pages are hostile (see the design notes on
 * Joplin), so their markup never enters the app's own document: it goes, sanitized, into a sandboxed frame that
 * may not run script, open windows, submit forms or navigate anything, under a policy of its own.
 */

/**
 * `allow-same-origin` without `allow-scripts`: nothing in the frame can run (no script, no handler, no
 * `javascript:` URL), so sharing the app's origin gives the article no power; it lets the app itself reach into
 * the frame's document to mark the query's words, fill in local images, size the frame to its content, bring a
 * match into view and take the frame's clicks and keys. The two together would be an escape (a script could
 * remove the sandbox from its own frame), which is why `allow-scripts` must never be added here.
 */
export const ARTICLE_FRAME_SANDBOX = 'allow-same-origin';

/**
 * Nothing may load but images given as `data:` URLs: a saved page's own images reach the frame through the API
 * as bytes (resource-images.ts), so no URL of the library or the network is ever needed. Styles are inline (the
 * reader's CSS, written into the frame by the app). `base-uri` and `form-action` do not fall back to
 * `default-src`, so they are closed by name. The srcdoc document also inherits the app's own policy; both apply.
 */
export const ARTICLE_FRAME_CSP = [
  "default-src 'none'",
  'img-src data:',
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
