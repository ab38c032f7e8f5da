/**
 * How to read a date that names no zone. Dates are never read in the zone of the machine doing the reading
 * (the same file must import to the same instant in Tokyo and in New York), so every date parser takes one of
 * these explicitly: UTC by default, or a fixed offset a source declares for itself (an HTML page whose
 * metadata carries `+02:00`, a Markdown note's `timezone:` key). A date that carries its own offset ignores the
 * rule: what the date says wins.
 */

export type ZoneRule = { kind: 'utc' } | { kind: 'offset'; minutes: number };

export const UTC_RULE: ZoneRule = { kind: 'utc' };

/** The widest real offset is +14:00 (Line Islands), the narrowest −12:00; a little slack either side. */
const MAX_OFFSET_MINUTES = 15 * 60;

/** Minutes east of UTC that the rule adds to a zone-less wall-clock time. */
export function offsetMinutes(rule: ZoneRule): number {
  return rule.kind === 'utc' ? 0 : rule.minutes;
}

/** A rule for a fixed offset, or null when the offset is not one a real zone has. */
export function offsetRule(minutes: number): ZoneRule | null {
  if (!Number.isInteger(minutes) || Math.abs(minutes) > MAX_OFFSET_MINUTES) return null;
  return minutes === 0 ? UTC_RULE : { kind: 'offset', minutes };
}

/**
 * A zone written as text: `Z`, `UTC`, `GMT`, `UT`, `+05:30`, `-0800`, `+02`, `UTC+2`, `GMT-05:00`; null for
 * anything else. Zone names (`Europe/Paris`, `CEST`) are refused: their offset depends on a date and on a
 * zone database, and a wrong guess would shift the date silently.
 */
export function zoneFromText(text: string): ZoneRule | null {
  const trimmed = text.trim();
  const m = /^(?:Z|UTC|GMT|UT)?(?:([+-])(?:(\d{2}):?(\d{2})|(\d{1,2})))?$/i.exec(trimmed);
  if (!m || trimmed === '') return null;
  if (!m[1]) return UTC_RULE;
  const minutes = m[4] !== undefined ? Number(m[4]) * 60 : Number(m[2]) * 60 + Number(m[3]);
  if (m[3] !== undefined && Number(m[3]) > 59) return null;
  return offsetRule((m[1] === '-' ? -1 : 1) * minutes);
}
