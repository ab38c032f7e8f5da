/**
 * Search snippets arrive as HTML-escaped text whose only markup is `<mark>…</mark>` (see `SearchHit.snippet`).
 * Splitting on those two tags and unescaping the rest lets React render them as text: no HTML is ever parsed.
 */

export interface SnippetPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Undoes the escaping the server applied; any other `&…;` is left as written (it was literal text). */
export function unescapeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** The snippet as runs of plain and matched text, in order, without empty runs. */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const token of snippet.split(/(<mark>|<\/mark>)/)) {
    if (token === '<mark>') marked = true;
    else if (token === '</mark>') marked = false;
    else if (token !== '') {
      const text = unescapeEntities(token);
      const last = parts[parts.length - 1];
      // A stray close tag could split one run in two; keep runs maximal so the rendering stays minimal.
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}
