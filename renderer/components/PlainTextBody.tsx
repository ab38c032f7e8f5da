import { useEffect, useLayoutEffect, useRef } from 'react';
import { clearHighlights, highlightTerms } from '../dom/highlight-dom';
import { splitParagraphs } from '../lib/paragraphs';

interface PlainTextBodyProps {
  text: string;
  /** Normalized query terms to mark. */
  terms: readonly string[];
  /** The body once it is built (highlights are drawn there), null when it goes. */
  onBody(container: HTMLElement | null): void;
}

/**
 * A plain-text body: one <p> per paragraph, the query's words marked. Built on the DOM, not by React, like a rich
 * body inside its frame: the reader's highlights wrap its text nodes, which React must not find changed under it.
 */
export function PlainTextBody({ text, terms, onBody }: PlainTextBodyProps) {
  const box = useRef<HTMLDivElement>(null);
  const shown = useRef(onBody);
  useEffect(() => {
    shown.current = onBody;
  });

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    element.replaceChildren(
      ...splitParagraphs(text).map((paragraph) => {
        const p = document.createElement('p');
        p.textContent = paragraph;
        return p;
      }),
    );
    shown.current(element);
    return () => shown.current(null);
  }, [text]);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    clearHighlights(element);
    highlightTerms(element, terms);
  }, [text, terms]);

  return <div ref={box} className="article-body" />;
}
