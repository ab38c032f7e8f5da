/**
 * Reading fields of imported JSON (export files, ArchiveBox indexes, front matter), which may hold anything:
 * each reader returns the typed value or null, never throws.
 */
import { normalizeSpace } from './text-lines';
import { dedupeTags } from './html-metadata';

/** A non-empty string with its whitespace collapsed; numbers are read as their text. */
export function stringField(value: unknown): string | null {
  if (typeof value === 'string') return normalizeSpace(value) || null;
  if (typeof value === 'number') return String(value);
  return null;
}

/** Only web addresses: an export could name `javascript:` or a local file as an article's URL. */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Tags given as strings or as objects naming them under `key` (`{label: …}`, `{name: …}`), deduplicated. */
export function labelList(value: unknown, key: string): string[] {
  if (!Array.isArray(value)) return [];
  return dedupeTags(
    value
      .map((t) =>
        typeof t === 'string' ? t : t && typeof t === 'object' ? (t as Record<string, unknown>)[key] : null,
      )
      .filter((t): t is string => typeof t === 'string'),
  );
}
