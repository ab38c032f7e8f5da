/** Dates from imported metadata to the ISO-8601 UTC form articles store (`2021-11-07T19:14:16Z`). */
import { toIsoUtc } from './text-lines';

/**
 * ISO dates, RFC 2822 dates and common English forms to ISO UTC, or null. An ISO date-time without a zone
 * (`2018-04-05T06:00`) and a bare date (`2018-04-05`) are read as UTC, never as the importing machine's local
 * time, so the same file always imports to the same value.
 */
export function normalizeDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 1e8) {
    // Unix seconds (Pocket, Instapaper) or milliseconds.
    const ms = value > 1e11 ? value : value * 1000;
    return isoOf(ms);
  }
  if (value instanceof Date) return isoOf(value.getTime());
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (/^\d{9,13}$/.test(trimmed)) return normalizeDate(Number(trimmed));
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(
    trimmed,
  );
  if (iso) {
    const zone = iso[3] ? iso[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z';
    return toIsoUtc(`${iso[1]}T${iso[2] ?? '00:00'}${zone}`);
  }
  return plausible(toIsoUtc(trimmed));
}

/**
 * A time value to ISO, or null when it is not one a Date can hold (past ±8.64e15 ms `toISOString` throws, and
 * one entry's absurd timestamp must not fail the file it is in) or not a plausible publication date.
 */
function isoOf(ms: number): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return plausible(toIsoUtc(new Date(ms).toISOString()));
}

/** Date.parse accepts junk like "5" as a year: keep only plausible dates. */
function plausible(iso: string | null): string | null {
  if (!iso) return null;
  const year = Number(iso.slice(0, 4));
  return /^\d{4}-/.test(iso) && year >= 1900 && year <= 2200 ? iso : null;
}
