/**
 * ISO-8601 dates as the API and the stored articles write them: `2021-11-07`, `2021-11-07T19:14`,
 * `2021-11-07T19:14:16.5Z`, `2021-11-07 19:14:16+05:30`. An offset in the text wins; without one, the zone rule
 * says how to read it (never the machine's zone).
 */
import { instantOf, millisecondsOf } from './wall-clock';
import { zoneFromText, type ZoneRule } from './zone-rule';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** True when the text has the shape of an ISO date (whether or not the date exists). */
export function looksIso(text: string): boolean {
  return ISO.test(text.trim());
}

/** True when the text is a bare calendar day, `YYYY-MM-DD`. */
export function isBareDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
}

/** The zone an ISO date states (`Z`, `+02:00`), or null when it states none or is no ISO date. */
export function isoZone(text: string): ZoneRule | null {
  const m = ISO.exec(text.trim());
  return m?.[8] ? zoneFromText(m[8]) : null;
}

/** The instant an ISO date names, in ms since the epoch, or null when it is not one (or no such day exists). */
export function parseIsoDate(text: string, rule: ZoneRule): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const zone = m[8] ? zoneFromText(m[8]) : rule;
  if (!zone) return null;
  return instantOf(
    {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4] ?? 0),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      millisecond: millisecondsOf(m[7]),
    },
    zone,
  );
}

/** The stored form of an instant: ISO-8601 UTC, without milliseconds when there are none. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
