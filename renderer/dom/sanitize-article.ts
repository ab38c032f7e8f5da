/**
 * Imported pages are hostile (see the design notes on Joplin): an article's `html` is sanitized here, on the
 * browser's own DOM, before it is shown. An allow-list keeps the structure worth reading and nothing that runs,
 * styles the app, submits, embeds, or reaches the network (common/sanitize-policy.ts, shared with the import's
 * sanitizer). Images keep only local sources: `resource:` (saved with the page, loaded through the API) and `data:`.
 */
import DOMPurify from 'dompurify';
import { EXTERNAL_LINK, LOCAL_IMAGE, SANITIZE_CONFIG } from '../../common/sanitize-policy';

/** A private instance, so these hooks never apply to anyone else's DOMPurify calls. */
const purify = DOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src');
    if (src !== null && !LOCAL_IMAGE.test(src.trim())) node.removeAttribute('src');
  } else if (node.tagName === 'A') {
    const href = node.getAttribute('href');
    if (href === null || !EXTERNAL_LINK.test(href.trim())) {
      // Relative and in-page links point into a page that is not here; keep the words, drop the link.
      node.removeAttribute('href');
    } else {
      // Electron sends new windows to the system browser; a browser opens a tab that cannot reach back.
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  }
});

// The same policy as the import's sanitizer (common/sanitize-policy.ts): this is the second layer.
const CONFIG = { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true as const };

/**
 * The window's h1 is the app and the article's title is an h2, so the page's own headings move two levels down
 * (h1 becomes h3): a screen reader's heading list then shows the body's sections under the title.
 */
function demoteHeadings(root: DocumentFragment): void {
  for (const heading of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5'))) {
    const level = Math.min(6, Number(heading.tagName.slice(1)) + 2);
    const demoted = heading.ownerDocument.createElement(`h${level}`);
    demoted.append(...Array.from(heading.childNodes));
    heading.replaceWith(demoted);
  }
}

/** The article body as an inert fragment (not yet in the page, so nothing in it loads until it is attached). */
export function sanitizeArticleHtml(html: string): DocumentFragment {
  const fragment = purify.sanitize(html, CONFIG);
  demoteHeadings(fragment);
  return fragment;
}
