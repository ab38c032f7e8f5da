import { Fragment, useMemo } from 'react';
import { splitByTerms } from '../lib/highlight';
import { splitParagraphs } from '../lib/paragraphs';

/** A plain-text body: one <p> per paragraph, the query's words marked. `terms` must be normalized. */
export function PlainTextBody({ text, terms }: { text: string; terms: readonly string[] }) {
  const paragraphs = useMemo(
    () => splitParagraphs(text).map((paragraph) => splitByTerms(paragraph, terms)),
    [text, terms],
  );
  return (
    <div className="article-body">
      {paragraphs.map((segments, index) => (
        <p key={index}>
          {segments.map((segment, at) =>
            segment.hit ? (
              <mark key={at} className="hit">
                {segment.text}
              </mark>
            ) : (
              <Fragment key={at}>{segment.text}</Fragment>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
