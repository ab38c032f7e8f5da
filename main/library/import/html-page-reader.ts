/**
 * Reading a saved web page into an article, shared by every format that holds pages (HTML files, MHTML,
 * WARC records, ArchiveBox snapshots): it lives outside formats/ so that those formats need not import each
 * other. Bytes are decoded as a browser would (decode-html.ts), parsed with
 * linkedom, and the article is extracted with @mozilla/readability. Metadata comes from what the page
 * declares (html-metadata.ts), with Readability's findings as the fallback. Readability's HTML is kept as is:
 * it is untrusted and the renderer sanitizes it before display.
 */
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { UTC_RULE } from '../../../common/zone-rule';
import { normalizeDate } from './dates';
import { decodeHtml } from './decode-html';
import { checkHtmlShape } from './html-shape';
import { htmlElementToText } from './html-text';
import { makeArticle } from './importer';
import { normalizeSpace } from './text-lines';
import { readPageMetadata } from './html-metadata';
import { asWholeDocument } from './whole-document';

export const HTML_EXTENSIONS = ['html', 'htm', 'xhtml', 'xht', 'shtml'];

/** The start of an HTML document, after an optional BOM, XML declaration, comments and whitespace. */
const HTML_START =
  /^(?:\uFEFF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>])/i;

export function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.slice(0, 4096));
}

export interface HtmlPageOptions {
  /** The page's address when the container knows it (a WARC record's target URI). */
  url?: string | null;
  /** A date to use when the page declares none (a WARC record's capture date). */
  publishedFallback?: string | null;
  /** The charset named by the transport (HTTP Content-Type of a WARC record, MHTML part header). */
  charset?: string | null;
  /** Resolves an image `src` to a resource reference (`resource:NAME`) before extraction, or null to leave it. */
  imageReference?: (src: string) => string | null;
}

export interface HtmlPageResult {
  article: ReturnType<typeof makeArticle>;
  encoding: string;
  /** The `resource:NAME` names still referenced from the extracted html. */
  usedResources: Set<string>;
}

/** Extracts one article from the bytes of an HTML page; null when there is no readable text at all. */
export function readHtmlPage(
  bytes: Uint8Array,
  fileName: string,
  options: HtmlPageOptions = {},
): HtmlPageResult | null {
  const decoded = decodeHtml(bytes, options.charset);
  // Throws before linkedom and Readability see a page too deep or too large for them (html-shape.ts).
  checkHtmlShape(decoded.text);
  const { document } = parseHTML(asWholeDocument(decoded.text));
  const doc = document as unknown as Document;
  const meta = readPageMetadata(doc);
  const url = canonicalUrl([...(options.url ? [options.url] : []), ...meta.urls]);
  setBaseUri(doc, url);

  if (options.imageReference) {
    for (const img of Array.from(doc.querySelectorAll('img[src]'))) {
      const ref = options.imageReference(img.getAttribute('src') ?? '');
      if (ref) {
        img.setAttribute('src', ref);
        // srcset would win over src in the renderer and point at files we do not have.
        img.removeAttribute('srcset');
      }
    }
  }

  // document.title collapses whitespace in browsers and jsdom but not in linkedom; Readability's title
  // heuristics (site-name separators, matching headings) expect the browser form.
  const titleElement = doc.querySelector('title');
  const documentTitle = normalizeSpace(titleElement?.textContent ?? '') || null;
  if (titleElement && documentTitle) titleElement.textContent = documentTitle;
  let parsed: ReturnType<Readability<Element>['parse']> = null;
  try {
    parsed = new Readability<Element>(doc, { serializer: (el) => el as Element }).parse();
  } catch {
    parsed = null;
  }
  const content = parsed?.content ?? null;
  const text = content
    ? htmlElementToText(content as never)
    : htmlElementToText((doc.body ?? doc.documentElement) as never);
  if (!text && !meta.title && !documentTitle) return null;
  const html = content ? (content as Element).innerHTML : null;

  const usedResources = new Set<string>();
  if (html) for (const m of html.matchAll(/resource:([\w.-]+)/g)) usedResources.add(m[1]!);

  const byline = parsed?.byline ? normalizeSpace(parsed.byline) : null;
  const title = meta.title ?? clean(parsed?.title) ?? documentTitle ?? fallbackTitle(text, fileName);
  const article = makeArticle({
    title,
    subtitle: meta.description ?? clean(parsed?.excerpt),
    author: meta.authors.length ? meta.authors.join(', ') : byline,
    site: meta.site ?? clean(parsed?.siteName),
    url,
    published:
      normalizeDate(meta.published, meta.zone) ??
      normalizeDate(parsed?.publishedTime, meta.zone) ??
      // A container's date (a WARC capture time) is not the page's own: the page's zone is no guide to it.
      normalizeDate(options.publishedFallback, UTC_RULE),
    category: meta.section,
    tags: meta.tags,
    text,
    html,
  });
  return { article, encoding: decoded.encoding, usedResources };
}

function clean(value: string | null | undefined): string | null {
  const v = normalizeSpace(value ?? '');
  return v || null;
}

function fallbackTitle(text: string, fileName: string): string {
  const first = text.split('\n\n')[0] ?? '';
  if (first && first.length <= 200) return first;
  return path.basename(fileName).replace(/\.[^.]+$/, '') || 'Untitled';
}

/** The first absolute http(s) URL among the candidates; a relative candidate resolves against a later absolute one. */
function canonicalUrl(candidates: string[]): string | null {
  const absolute = candidates.map((c) => asHttpUrl(c)).find((u) => u !== null) ?? null;
  for (const candidate of candidates) {
    const direct = asHttpUrl(candidate);
    if (direct) return direct;
    if (absolute) {
      const resolved = asHttpUrl(candidate, absolute);
      if (resolved) return resolved;
    }
  }
  return null;
}

function asHttpUrl(value: string, base?: string): string | null {
  try {
    const u = new URL(value.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Readability resolves links against `document.baseURI`. linkedom returns a `<base href>` as written (maybe
 * relative) or nothing, so the base is computed here: the `<base>` resolved against the page URL, else the
 * page URL. Without it, relative links in the article stay relative.
 */
function setBaseUri(doc: Document, pageUrl: string | null): void {
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href') ?? null;
  let base: string | null = pageUrl;
  if (baseHref) {
    try {
      base = new URL(baseHref, pageUrl ?? undefined).href;
    } catch {
      base = pageUrl;
    }
  }
  if (!base) return;
  Object.defineProperty(doc, 'baseURI', { value: base, configurable: true });
  Object.defineProperty(doc, 'documentURI', { value: pageUrl ?? base, configurable: true });
}
