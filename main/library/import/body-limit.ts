/**
 * The body-size limit: an article's text and html are cut to `maxBodyChars` (at a paragraph, word or tag
 * boundary) before they are stored and indexed, and the article records what was cut. The imported file is
 * kept whole as the original, so nothing is lost: a 200 MB log imports as its first millions of characters
 * and stays readable, listable and searchable.
 */
import type { ExtractedArticle } from '../../../common/article';

export function boundBody(article: ExtractedArticle, maxChars: number): ExtractedArticle {
  const html = article.html;
  if (article.text.length <= maxChars && (html === null || html.length <= maxChars)) return article;
  const text = cutText(article.text, maxChars);
  return {
    ...article,
    text,
    html: html !== null && html.length > maxChars ? cutHtml(html, maxChars) : html,
    truncated: { fullChars: article.text.length, keptChars: text.length },
  };
}

/** At most `max` characters, ending at a paragraph break or a space when one is near the end. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const near = Math.floor(max * 0.9);
  const paragraph = text.lastIndexOf('\n\n', max);
  if (paragraph >= near) return text.slice(0, paragraph);
  const space = text.lastIndexOf(' ', max);
  if (space >= near) return text.slice(0, space);
  return text.slice(0, safeEnd(text, max));
}

/** At most `max` characters of html, cut before a tag so no tag is left half-written. */
function cutHtml(html: string, max: number): string {
  const tag = html.lastIndexOf('<', max);
  return html.slice(0, tag > 0 ? tag : safeEnd(html, max));
}

/** `max`, or one less when that would split a surrogate pair. */
function safeEnd(s: string, max: number): number {
  const c = s.charCodeAt(max - 1);
  return c >= 0xd800 && c <= 0xdbff ? max - 1 : max;
}
