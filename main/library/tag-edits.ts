/**
 * Tag edits across the library, as pure functions of an article's tags. Tags compare case-insensitively
 * (the first spelling an article has is kept), and `/` makes them hierarchical (common/clean-text.ts).
 */
import { cleanTag, cleanTags } from '../../common/clean-text';
import { OffprintError } from '../../common/errors';

const key = (tag: string) => tag.toLowerCase();

/** `tags` with `add` added (unless present in any case) and `remove` removed (in any case). */
export function editTagList(
  tags: readonly string[],
  add: readonly string[],
  remove: readonly string[],
): string[] {
  const removed = new Set(cleanTags(remove).map(key));
  return cleanTags([...tags, ...add]).filter((t) => !removed.has(key(t)));
}

/** One tag as typed for a rename, cleaned; invalid-argument when nothing is left of it. */
export function tagName(value: string, field: string): string {
  const tag = cleanTag(value);
  if (!tag)
    throw new OffprintError('invalid-argument', `${field} is not a tag name (it is empty once cleaned).`);
  return tag;
}

/**
 * `tags` with `from` and its descendants renamed to `to` (`region/europe` → `area/europe`), duplicates that
 * makes merged (an article with `region` and `area` keeps one `area`).
 */
export function renameInTagList(tags: readonly string[], from: string, to: string): string[] {
  const prefix = `${key(from)}/`;
  return cleanTags(
    tags.map((t) => {
      if (key(t) === key(from)) return to;
      if (key(t).startsWith(prefix)) return `${to}${t.slice(from.length)}`;
      return t;
    }),
  );
}

/** True when two tag lists differ, spelling included. */
export function tagsDiffer(a: readonly string[], b: readonly string[]): boolean {
  return a.length !== b.length || a.some((t, i) => t !== b[i]);
}
