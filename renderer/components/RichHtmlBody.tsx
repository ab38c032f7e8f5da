import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { ARTICLE_FRAME_SANDBOX } from '../dom/article-frame-policy';
import { articleSrcdoc } from '../dom/article-srcdoc';
import { connectFrame } from '../dom/frame-events';
import { clearHighlights, highlightTerms } from '../dom/highlight-dom';
import { pendingResourceImages, resourceDataUrl } from '../dom/resource-images';
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
  title: string;
  /** Normalized query terms to mark. */
  terms: readonly string[];
  /** The reader's text size in CSS pixels. */
  fontSize: number;
  /** Called each time the frame's marks were (re)made, so the reader can count them and bring the first into view. */
  onMarked(): void;
  /** The body inside the frame once it is loaded and sized (highlights are drawn there), null when it goes. */
  onBody(container: HTMLElement | null): void;
}

/**
 * A rich body, shown in a sandboxed frame (see article-frame-policy.ts): its markup never enters the app's
 * document. The frame is as tall as its content, so the reader pane scrolls the whole article as one page. Mount
 * it with the article's id as key: each article gets a fresh frame.
 */
export function RichHtmlBody(props: RichHtmlBodyProps) {
  const { articleId, html, title, terms, fontSize } = props;
  const frame = useRef<HTMLIFrameElement>(null);
  const [doc, setDoc] = useState<Document | null>(null);
  const marked = useRef(props.onMarked);
  const shown = useRef(props.onBody);
  useEffect(() => {
    marked.current = props.onMarked;
    shown.current = props.onBody;
  });
  const srcdoc = useMemo(
    () => articleSrcdoc(html, { title, lang: document.documentElement.lang }),
    [html, title],
  );

  // The srcdoc loads after this runs (a frame's navigation is never synchronous), so no load is missed.
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    const onLoad = () => setDoc(element.contentDocument);
    element.addEventListener('load', onLoad);
    return () => element.removeEventListener('load', onLoad);
  }, []);

  useEffect(() => {
    const element = frame.current;
    if (!doc || !element) return;
    return connectFrame(element, doc);
  }, [doc]);

  useLayoutEffect(() => {
    const element = frame.current;
    const body = doc?.querySelector<HTMLElement>('.article-body');
    if (!element || !body) return;
    // Fonts, images and the pane's width all change the body's height; the frame follows.
    const fit = () => {
      element.style.height = `${Math.ceil(body.getBoundingClientRect().height)}px`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(body);
    shown.current(body);
    return () => {
      observer.disconnect();
      shown.current(null);
    };
  }, [doc]);

  useLayoutEffect(() => {
    doc?.documentElement.style.setProperty('--reader-font-size', `${fontSize}px`);
  }, [doc, fontSize]);

  useLayoutEffect(() => {
    if (!doc) return;
    clearHighlights(doc.body);
    highlightTerms(doc.body, terms);
    marked.current();
  }, [doc, terms]);

  useEffect(() => {
    if (!doc) return;
    let current = true;
    for (const { image, name } of pendingResourceImages(doc)) {
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
  }, [doc, articleId]);

  return (
    <iframe
      ref={frame}
      className="article-frame"
      title="Article text"
      sandbox={ARTICLE_FRAME_SANDBOX}
      srcDoc={srcdoc}
    />
  );
}
