/** Dates from imported metadata to the ISO-8601 UTC form articles store (`2021-11-07T19:14:16Z`). */
import { isoUtc, isoZone, looksIso, parseIsoDate } from '../../../common/iso-date';
import { UTC_RULE, type ZoneRule } from '../../../common/zone-rule';
import { parseWordDate, readWordDate } from './date-words';

/**
 * ISO dates, RFC 2822 dates and common English forms to ISO UTC, or null. A date that carries an offset is
 * read with it; one without (`2018-04-05T06:00`, `2018-04-05`, `May 1, 2023 10:00 PM`) is read in the zone
 * the rule gives (UTC unless the source declares its own), never in the importing machine's zone, so the same
 * file always imports to the same value.
 */
export function normalizeDate(value: unknown, rule: ZoneRule): string | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 1e8) {
    // Unix seconds (Pocket, Instapaper) or milliseconds: instants already, no zone to apply.
    const ms = value > 1e11 ? value : value * 1000;
    return isoOf(ms);
  }
  if (value instanceof Date) return isoOf(value.getTime());
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (/^\d{9,13}$/.test(trimmed)) return normalizeDate(Number(trimmed), rule);
  const ms = looksIso(trimmed) ? parseIsoDate(trimmed, rule) : parseWordDate(trimmed, rule);
  return ms === null ? null : isoOf(ms);
}

/**
 * The zone a date states for itself (`2023-05-01T10:00+02:00` → +02:00, `… GMT` → UTC), or null when it
 * states none or is no date: a source's dated metadata tells in what zone its other, zone-less dates are.
 */
export function statedZone(value: unknown): ZoneRule | null {
  if (typeof value !== 'string' || normalizeDate(value, UTC_RULE) === null) return null;
  const trimmed = value.trim();
  return looksIso(trimmed) ? isoZone(trimmed) : (readWordDate(trimmed)?.zone ?? null);
}

/**
 * A time value to ISO, or null when it is not one a Date can hold (past ±8.64e15 ms `toISOString` throws, and
 * one entry's absurd timestamp must not fail the file it is in) or not a plausible publication date.
 */
function isoOf(ms: number): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return plausible(isoUtc(ms));
}

/** Keep only plausible publication years: a stray number read as a date is not one. */
function plausible(iso: string): string | null {
  const year = Number(iso.slice(0, 4));
  return /^\d{4}-/.test(iso) && year >= 1900 && year <= 2200 ? iso : null;
}
