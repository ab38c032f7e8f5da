/**
 * Already-extracted article HTML (a read-it-later service's content: Wallabag, Omnivore) to the text articles
 * store, through the same HTML-to-text path as saved pages, without running Readability again: the service
 * extracted it already, and a second pass drops short articles and list-heavy ones.
 */
import { parseHTML } from 'linkedom';
import { checkHtmlShape } from './html-shape';
import { htmlElementToText } from './html-text';

/** How a whole document starts (after a BOM, white space and comments); anything else is a fragment. */
const DOCUMENT_START = /^(?:\uFEFF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s|html[\s>]|head[\s>]|body[\s>])/i;

/** A document's head (its title and styles are no part of its text), and the tags around its body. */
const HEAD = /<head[\s>][\s\S]*?<\/head\s*>/i;
const DOCUMENT_TAGS = /<!doctype[^>]*>|<\/?(?:html|body)(?:\s[^>]*)?>/gi;

/** Text and the html kept as the article's body; null when the fragment holds no text. */
export function htmlFragmentText(html: string): { text: string; html: string } | null {
  if (!html.trim()) return null;
  let root: Element | null;
  checkHtmlShape(html);
  if (DOCUMENT_START.test(html.slice(0, 4096))) {
    // A whole document: its body is what counts.
    const doc = parseHTML(html).document as unknown as Document;
    root = doc.body ?? doc.documentElement;
    // linkedom builds an empty body for a document with no <html> element (`<body>…`, `<!doctype html><p>…`),
    // and leaves the text beside it: such a document is read as a fragment, less its head and document tags.
    if (root && !root.textContent?.trim())
      root = fragmentRoot(html.replace(HEAD, '').replace(DOCUMENT_TAGS, ''));
  } else {
    root = fragmentRoot(html);
  }
  if (!root) return null;
  const text = htmlElementToText(root as never);
  return text ? { text, html: root.innerHTML.trim() } : null;
}

/**
 * A fragment is parsed as a fragment: a `<body` or `</html>` somewhere inside it (quoted markup, a service's
 * stray tag) must not decide where the text starts or ends.
 */
function fragmentRoot(html: string): Element {
  const doc = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  const root = doc.createElement('div');
  root.innerHTML = html;
  return root;
}
