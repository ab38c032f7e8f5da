/**
 * An article as one clean standalone HTML document: a metadata header, the body as the import sanitized it
 * (cleaned again with the same policy, so an article stored by an older Offprint is held to today's), its
 * local images inlined as data: URLs, then the highlights and the note. No script, and a Content-Security-Policy
 * that forbids scripts and every remote load, so opening the file fetches nothing and runs nothing.
 */
import type { StoredArticle } from '../../../common/article';
import type { UserData } from '../../../common/user-data';
import { sanitizeHtml } from '../import/sanitize-html';

export const EXPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

const STYLE = `body{font:18px/1.6 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;color:#222}
header p{color:#555;font-size:.9em}img{max-width:100%;height:auto}
blockquote{margin:1em 0;padding:.2em 1em;border-left:.3em solid #e0c000}
blockquote[data-color=green]{border-color:#3a3}blockquote[data-color=blue]{border-color:#37c}
blockquote[data-color=pink]{border-color:#d6a}blockquote[data-color=purple]{border-color:#86c}`;

/** `images`: the article's resources by name, as data: URLs. */
export function articleHtml(
  article: StoredArticle,
  user: UserData,
  images: ReadonlyMap<string, string>,
): string {
  const meta = [article.author, article.site, article.published?.slice(0, 10)]
    .filter(Boolean)
    .map((s) => esc(s!));
  const header = [
    `<h1>${esc(article.title)}</h1>`,
    article.subtitle ? `<p class="subtitle">${esc(article.subtitle)}</p>` : '',
    meta.length ? `<p class="byline">${meta.join(' · ')}</p>` : '',
    article.url ? `<p class="source"><a href="${esc(article.url)}">${esc(article.url)}</a></p>` : '',
    article.tags.length ? `<p class="tags">${article.tags.map(esc).join(', ')}</p>` : '',
  ].join('');
  const parts = [`<header>${header}</header>`, `<div class="body">${body(article, images)}</div>`];
  if (user.highlights.length) {
    const items = user.highlights.map(
      (h) =>
        `<blockquote data-color="${esc(h.color)}"><p>${esc(h.quote.exact)}</p></blockquote>` +
        (h.note.trim() ? `<p class="note">${esc(h.note)}</p>` : ''),
    );
    parts.push(`<section class="highlights"><h2>Highlights</h2>${items.join('')}</section>`);
  }
  if (user.note.trim())
    parts.push(`<section class="notes"><h2>Notes</h2>${textParagraphs(user.note)}</section>`);
  return `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta name="referrer" content="no-referrer">
<title>${esc(article.title)}</title>
<style>${STYLE}</style>
</head><body><article>
${parts.join('\n')}
</article></body></html>
`;
}

function body(article: StoredArticle, images: ReadonlyMap<string, string>): string {
  if (!article.html) return textParagraphs(article.text);
  const clean = sanitizeHtml(article.html);
  // The reader shows `resource:NAME` through the API; a file on its own carries the image inside it.
  return clean.replace(/(<img\b[^>]*?\ssrc=")resource:([^"]*)"/gi, (whole, start: string, name: string) => {
    const data = images.get(decodeURIComponent(name));
    return data ? `${start}${data}"` : whole.replace(/\ssrc="[^"]*"/, '');
  });
}

function textParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
