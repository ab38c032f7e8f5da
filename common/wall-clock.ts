/**
 * A calendar date and time as written (a wall clock), turned into an instant by a zone rule. Built on
 * `Date.UTC` and checked field by field, because `Date.parse` reads a zone-less time in the machine's zone and
 * rolls impossible dates over (`2021-02-30` becomes 2 March) where they should be refused.
 */
import { offsetMinutes, type ZoneRule } from './zone-rule';

export interface WallClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; in UTC, so no zone can move it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant (ms since the epoch) of a wall-clock time in the rule's zone, or null when no such time exists. */
export function instantOf(clock: WallClock, rule: ZoneRule): number | null {
  const { year, month, day, hour, minute, second, millisecond } = clock;
  const whole = [year, month, day, hour, minute, second, millisecond].every(Number.isInteger);
  if (!whole || year < 1000 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || Math.min(hour, minute, second, millisecond) < 0) return null;
  if (millisecond > 999) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return utc - offsetMinutes(rule) * 60_000;
}

/** Fractional seconds as written (`.5`, `.123456`) to whole milliseconds, truncated as Date.parse does. */
export function millisecondsOf(fraction: string | undefined): number {
  return fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
}
