/**
 * The first sanitizing layer: an article's HTML is cleaned here, in the import worker, before it is stored, so
 * a library never holds a script, an event handler or a remote reference, whatever later reads it (an older
 * renderer, an API client, a sync peer). The renderer cleans it again before showing it (second layer), with
 * the same policy (common/sanitize-policy.ts).
 *
 * DOMPurify runs on jsdom, the one Node DOM it supports: on linkedom (which the importers use for extraction)
 * it reports itself unsupported and returns its input unchanged. That must never happen silently, so loading
 * this module fails when DOMPurify says it is not supported, and every extraction of the import worker, which
 * loads it with its first file, fails with it.
 */
import DOMPurify, { type WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import { EXTERNAL_LINK, LOCAL_IMAGE, SANITIZE_CONFIG } from '../../../common/sanitize-policy';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const purify = DOMPurify(window as unknown as WindowLike);

/** Throws unless DOMPurify reports itself supported on this DOM. Exported for the test that proves the check. */
export function assertSupported(instance: { isSupported?: boolean }, where: string): void {
  if (instance.isSupported !== true)
    throw new Error(
      `DOMPurify reports itself unsupported on ${where}: imported HTML cannot be sanitized, so nothing is imported.`,
    );
}

assertSupported(purify, 'jsdom');

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src');
    // A remote image would be fetched when shown (a read receipt to its server): only local ones stay.
    if (src !== null && !LOCAL_IMAGE.test(src.trim())) node.removeAttribute('src');
  } else if (node.tagName === 'A') {
    const href = node.getAttribute('href');
    // Relative and in-page links point into a page that is not here; keep the words, drop the link.
    if (href !== null && !EXTERNAL_LINK.test(href.trim())) node.removeAttribute('href');
  }
});

const CONFIG = { ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false as const };

/** The article HTML with everything outside the policy removed; '' when nothing is left. */
export function sanitizeHtml(html: string): string {
  return purify.sanitize(html, CONFIG).trim();
}
