/**
 * The edges of every date rule, one step inside and one step outside each: the calendar and clock fields
 * (wall-clock.ts), ISO shapes (iso-date.ts), written zones and offsets (zone-rule.ts), and what imported metadata
 * may hold (import/dates.ts: Unix seconds or milliseconds, Date objects, plausible years). date-parsing.test.ts
 * reads realistic dates; the mutation run showed that no test stood on these edges.
 */
import { describe, expect, it } from 'vitest';
import { isBareDay, isoUtc, isoZone, looksIso, parseIsoDate } from '../../common/iso-date';
import { daysInMonth, instantOf, millisecondsOf, type WallClock } from '../../common/wall-clock';
import { offsetRule, UTC_RULE, zoneFromText } from '../../common/zone-rule';
import { normalizeDate, statedZone } from '../../main/library/import/dates';

const CLOCK: WallClock = { year: 2021, month: 11, day: 7, hour: 19, minute: 14, second: 16, millisecond: 0 };
const at = (change: Partial<WallClock>) => instantOf({ ...CLOCK, ...change }, UTC_RULE);

describe('instantOf', () => {
  it('takes each field up to its edge and refuses one past it', () => {
    const edges: [Partial<WallClock>, Partial<WallClock>][] = [
      [{ year: 1000 }, { year: 999 }],
      [{ year: 9999 }, { year: 10000 }],
      [{ month: 1 }, { month: 0 }],
      [{ month: 12 }, { month: 13 }],
      [{ day: 1 }, { day: 0 }],
      [{ day: 30 }, { day: 31 }],
      [{ hour: 23 }, { hour: 24 }],
      [{ hour: 0 }, { hour: -1 }],
      [{ minute: 59 }, { minute: 60 }],
      [{ minute: 0 }, { minute: -1 }],
      [{ second: 59 }, { second: 60 }],
      [{ second: 0 }, { second: -1 }],
      [{ millisecond: 999 }, { millisecond: 1000 }],
      [{ millisecond: 0 }, { millisecond: -1 }],
    ];
    for (const [inside, outside] of edges) {
      const clock = { ...CLOCK, ...inside };
      expect(at(inside), JSON.stringify(inside)).toBe(
        Date.UTC(
          clock.year,
          clock.month - 1,
          clock.day,
          clock.hour,
          clock.minute,
          clock.second,
          clock.millisecond,
        ),
      );
      expect(at(outside), JSON.stringify(outside)).toBeNull();
    }
  });

  it('refuses a fraction in any field, and a day the month does not have', () => {
    for (const field of ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'] as const)
      expect(at({ [field]: CLOCK[field] + 0.5 }), field).toBeNull();
    expect(at({ year: 2024, month: 2, day: 29 })).toBe(Date.UTC(2024, 1, 29, 19, 14, 16));
    expect(at({ year: 2023, month: 2, day: 29 })).toBeNull();
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2023, 12), daysInMonth(2023, 4)]).toEqual(
      [29, 28, 31, 30],
    );
  });

  it('reads the wall clock in the rule’s zone', () => {
    const east = offsetRule(120)!;
    expect(instantOf(CLOCK, east)).toBe(Date.UTC(2021, 10, 7, 17, 14, 16));
    expect(instantOf(CLOCK, offsetRule(-330)!)).toBe(Date.UTC(2021, 10, 8, 0, 44, 16));
  });

  it('cuts fractional seconds to milliseconds as written', () => {
    expect([
      millisecondsOf('5'),
      millisecondsOf('123456'),
      millisecondsOf('05'),
      millisecondsOf(undefined),
    ]).toEqual([500, 123, 50, 0]);
  });
});

describe('ISO dates', () => {
  it('has the shape only when the whole text, spaces aside, is one', () => {
    expect(looksIso('  2021-11-07  ')).toBe(true);
    expect(looksIso('2021-11-07t19:14:16,5 gmt')).toBe(true);
    expect(looksIso('x2021-11-07')).toBe(false);
    expect(looksIso('2021-11-07x')).toBe(false);
    expect(isBareDay(' 2021-11-07 ')).toBe(true);
    expect(isBareDay('12021-11-07')).toBe(false);
    expect(isBareDay('2021-11-07T00:00')).toBe(false);
  });

  it('says the zone the text states, or none', () => {
    expect(isoZone(' 2021-11-07T10:00+02:00 ')).toEqual({ kind: 'offset', minutes: 120 });
    expect(isoZone('2021-11-07T10:00Z')).toBe(UTC_RULE);
    expect(isoZone('2021-11-07T10:00')).toBeNull();
    expect(isoZone('7 November 2021')).toBeNull();
  });

  it('reads an ISO date with spaces around it, and refuses an offset no zone has', () => {
    expect(parseIsoDate('  2021-11-07T19:14:16.5Z  ', UTC_RULE)).toBe(Date.UTC(2021, 10, 7, 19, 14, 16, 500));
    expect(parseIsoDate('2021-11-07T19:14+15:01', UTC_RULE)).toBeNull();
    expect(parseIsoDate('2021-11-07T19:14+15:00', UTC_RULE)).toBe(Date.UTC(2021, 10, 7, 4, 14));
    // An offset of whole hours.
    expect(parseIsoDate('2021-11-07T19:14+02', UTC_RULE)).toBe(Date.UTC(2021, 10, 7, 17, 14));
  });

  it('stores an instant without milliseconds when it has none', () => {
    expect(isoUtc(Date.UTC(2021, 0, 1))).toBe('2021-01-01T00:00:00Z');
    expect(isoUtc(Date.UTC(2021, 0, 1, 0, 0, 0, 500))).toBe('2021-01-01T00:00:00.500Z');
  });
});

describe('written zones', () => {
  it('accepts offsets up to 15 hours either way, and 0 as UTC itself', () => {
    expect(offsetRule(900)).toEqual({ kind: 'offset', minutes: 900 });
    expect(offsetRule(-900)).toEqual({ kind: 'offset', minutes: -900 });
    expect(offsetRule(901)).toBeNull();
    expect(offsetRule(-901)).toBeNull();
    expect(offsetRule(1.5)).toBeNull();
    expect(offsetRule(0)).toBe(UTC_RULE);
  });

  it('reads every written form, minutes up to 59, and nothing else', () => {
    const read = (text: string) => {
      const rule = zoneFromText(text);
      return rule === null ? null : rule.kind === 'utc' ? 0 : rule.minutes;
    };
    expect(
      ['Z', ' utc ', 'GMT', 'UT', '+05:30', '-0800', '+2', 'UTC+2', 'GMT-05:00', '+05:59'].map(read),
    ).toEqual([0, 0, 0, 0, 330, -480, 120, 120, -300, 359]);
    expect(['+05:60', 'Europe/Paris', 'CEST', '', '  ', '+123', '05:00'].map(read)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('dates in imported metadata', () => {
  it('reads numbers past 100,000,000 as Unix seconds, and past 100,000,000,000 as milliseconds', () => {
    expect(normalizeDate(1636312456, UTC_RULE)).toBe('2021-11-07T19:14:16Z');
    expect(normalizeDate(1636312456000, UTC_RULE)).toBe('2021-11-07T19:14:16Z');
    expect(normalizeDate(' 1636312456 ', UTC_RULE)).toBe('2021-11-07T19:14:16Z');
    expect(normalizeDate(1e8, UTC_RULE)).toBeNull();
    expect(normalizeDate(1e8 + 1, UTC_RULE)).toBe('1973-03-03T09:46:41Z');
    // 1e11 seconds is the year 5138: not plausible. One second more, read as milliseconds, is 1973.
    expect(normalizeDate(1e11, UTC_RULE)).toBeNull();
    expect(normalizeDate(1e11 + 1000, UTC_RULE)).toBe('1973-03-03T09:46:41Z');
  });

  it('takes a Date, and answers null for anything else or any time a Date cannot hold', () => {
    expect(normalizeDate(new Date(Date.UTC(2021, 10, 7)), UTC_RULE)).toBe('2021-11-07T00:00:00Z');
    expect(normalizeDate(new Date('nonsense'), UTC_RULE)).toBeNull();
    expect(normalizeDate(9e15, UTC_RULE)).toBeNull();
    for (const value of [{}, [], null, undefined, true, Infinity, Number.NaN])
      expect(normalizeDate(value, UTC_RULE), String(value)).toBeNull();
  });

  it('keeps only years from 1900 to 2200', () => {
    expect(normalizeDate('1900-01-01', UTC_RULE)).toBe('1900-01-01T00:00:00Z');
    expect(normalizeDate('1899-12-31', UTC_RULE)).toBeNull();
    expect(normalizeDate('2200-12-31T23:59:59Z', UTC_RULE)).toBe('2200-12-31T23:59:59Z');
    expect(normalizeDate('2201-01-01', UTC_RULE)).toBeNull();
  });

  it('says what zone a date states for itself', () => {
    expect(statedZone(' 2023-05-01T10:00+02:00 ')).toEqual({ kind: 'offset', minutes: 120 });
    expect(statedZone('Mon, 01 May 2023 10:00:00 -0500')).toEqual({ kind: 'offset', minutes: -300 });
    expect(statedZone('2023-05-01T10:00')).toBeNull();
    expect(statedZone(20230501)).toBeNull();
    expect(statedZone('not a date +02:00')).toBeNull();
  });
});
