import { useLayoutEffect, useRef } from 'react';
import { api } from '../api/client';
import { highlightTerms } from '../dom/highlight-dom';
import { resourceDataUrl, takeResourceImages } from '../dom/resource-images';
import { sanitizeArticleHtml } from '../dom/sanitize-article';
import { LruCache } from '../state/article-cache';

/** Images already fetched, by article and name: stepping back to an article does not fetch them again. */
const images = new LruCache<string, string | null>(64);

async function imageUrl(articleId: string, name: string): Promise<string | null> {
  const key = `${articleId}/${name}`;
  const cached = images.get(key);
  if (cached !== undefined) return cached;
  const url = resourceDataUrl(await api.getResource({ id: articleId, name }));
  images.set(key, url);
  return url;
}

interface RichHtmlBodyProps {
  articleId: string;
  html: string;
  /** Normalized query terms to mark. */
  terms: readonly string[];
}

/**
 * A rich body: sanitized, marked and given its local images while still detached, then attached as DOM nodes.
 * React renders only the empty container; what is inside is this component's own, rebuilt when the input changes.
 */
export function RichHtmlBody({ articleId, html, terms }: RichHtmlBodyProps) {
  const container = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const fragment = sanitizeArticleHtml(html);
    highlightTerms(fragment, terms);
    const pending = takeResourceImages(fragment);
    root.replaceChildren(fragment);
    let current = true;
    for (const { image, name } of pending) {
      imageUrl(articleId, name).then(
        (url) => {
          if (!current) return;
          image.classList.remove('resource-pending');
          if (url) image.src = url;
        },
        () => current && image.classList.replace('resource-pending', 'resource-missing'),
      );
    }
    return () => {
      current = false;
    };
  }, [articleId, html, terms]);
  return <div ref={container} className="article-body rich" />;
}
