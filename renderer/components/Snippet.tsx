import { useMemo } from 'react';
import { parseSnippet } from '../lib/snippet';

/** A search snippet as text and <mark> elements; the server's string is never handed to the HTML parser. */
export function Snippet({ html }: { html: string }) {
  const parts = useMemo(() => parseSnippet(html), [html]);
  return (
    <>
      {parts.map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
