/**
 * The document shown in the reader's frame: the article's sanitized body, with the reader's own CSS and the
 * frame's policy in its head. Built in an inert document (no browsing context), so nothing in it loads while it is
 * being put together; the frame parses the result as its `srcdoc`.
 */
import frameCss from '../styles/article-frame.css?inline';
import readerCss from '../styles/reader.css?inline';
import themeCss from '../styles/theme.css?inline';
import { ARTICLE_FRAME_CSP } from './article-frame-policy';
import { takeResourceImages } from './resource-images';
import { sanitizeArticleHtml } from './sanitize-article';

/** Theme first (variables, dark set), then the reader's type, then what differs inside the frame. */
const FRAME_STYLES = [themeCss, readerCss, frameCss].join('\n');

export interface ArticleSrcdocOptions {
  /** The article's title, for the frame document's own title (what assistive technology names it by). */
  title: string;
  /** The language of the app's page, given to the frame's document too. */
  lang: string;
}

export function articleSrcdoc(html: string, { title, lang }: ArticleSrcdocOptions): string {
  const doc = document.implementation.createHTMLDocument(title);
  if (lang) doc.documentElement.lang = lang;
  const policy = doc.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = ARTICLE_FRAME_CSP;
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const style = doc.createElement('style');
  style.textContent = FRAME_STYLES;
  // The policy comes first, so it is in force before anything after it is parsed.
  doc.head.prepend(policy, charset);
  doc.head.append(style);
  // Sanitized again here, in the app, even though the import sanitized it already: two layers, not one.
  const body = sanitizeArticleHtml(html);
  takeResourceImages(body);
  const wrapper = doc.createElement('div');
  wrapper.className = 'article-body rich';
  wrapper.append(doc.importNode(body, true));
  doc.body.append(wrapper);
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}
