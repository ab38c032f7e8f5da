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

/** Text and the html kept as the article's body; null when the fragment holds no text. */
export function htmlFragmentText(html: string): { text: string; html: string } | null {
  if (!html.trim()) return null;
  let root: Element | null;
  checkHtmlShape(html);
  if (DOCUMENT_START.test(html.slice(0, 4096))) {
    // A whole document: its body is what counts.
    const doc = parseHTML(html).document as unknown as Document;
    root = doc.body ?? doc.documentElement;
  } else {
    // A fragment is parsed as a fragment: a `<body` or `</html>` somewhere inside it (quoted markup, a
    // service's stray tag) must not decide where the text starts or ends.
    const doc = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
    root = doc.createElement('div');
    root.innerHTML = html;
  }
  if (!root) return null;
  const text = htmlElementToText(root as never);
  return text ? { text, html: root.innerHTML.trim() } : null;
}
