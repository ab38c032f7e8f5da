/**
 * Already-extracted article HTML (a read-it-later service's content: Wallabag, Omnivore) to the text articles
 * store, through the same HTML-to-text path as saved pages, without running Readability again: the service
 * extracted it already, and a second pass drops short articles and list-heavy ones.
 */
import { parseHTML } from 'linkedom';
import { checkHtmlShape } from './html-shape';
import { htmlElementToText } from './html-text';

/** Text and the html kept as the article's body; null when the fragment holds no text. */
export function htmlFragmentText(html: string): { text: string; html: string } | null {
  if (!html.trim()) return null;
  // A whole document works too: its body is what counts.
  const wrapped = /<body[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  checkHtmlShape(wrapped);
  const { document } = parseHTML(wrapped);
  const body = (document as unknown as Document).body;
  if (!body) return null;
  const text = htmlElementToText(body as never);
  return text ? { text, html: body.innerHTML.trim() } : null;
}
