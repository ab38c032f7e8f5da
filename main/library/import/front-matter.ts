/**
 * YAML front matter: a first line of exactly `---`, the YAML, then a line `---` (or `...`). Parsed with the
 * `yaml` package's YAML 1.2 core schema, which keeps `2024-03-05` a string and never runs code (gray-matter
 * evaluates `---js` blocks; those are not front matter here and stay part of the text).
 */
import { parse } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** Why the front matter was ignored, when it could not be parsed. */
  error: string | null;
}

export function splitFrontMatter(text: string): FrontMatter {
  const source = text.replace(/^\uFEFF/, '');
  const open = /^---[ \t]*\r?\n/.exec(source);
  if (!open) return { data: {}, body: source, error: null };
  const rest = source.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!close) return { data: {}, body: source, error: null };
  const yamlText = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length);
  try {
    const data: unknown = parse(yamlText, { schema: 'core', uniqueKeys: false, maxAliasCount: 100 });
    if (data === null || data === undefined) return { data: {}, body, error: null };
    if (typeof data !== 'object' || Array.isArray(data))
      return { data: {}, body, error: 'front matter is not a mapping' };
    return { data: data as Record<string, unknown>, body, error: null };
  } catch (error) {
    return { data: {}, body, error: (error as Error).message };
  }
}
