/**
 * The date parsers on their own: what a zone rule changes and what it must not (a date that states its zone),
 * the written-out forms pages print, and impossible or ambiguous dates refused rather than rolled over or
 * guessed. The dates-zone test checks the same through real imports in several time zones.
 */
import { describe, expect, it } from 'vitest';
import { isBareDay, isoZone, parseIsoDate } from '../../common/iso-date';
import { InvalidArgument, isoDate } from '../../common/validate';
import { offsetRule, UTC_RULE, zoneFromText } from '../../common/zone-rule';
import { normalizeDate, statedZone } from '../../main/library/import/dates';

const PLUS_2 = offsetRule(120)!;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('zone rules', () => {
  it.each([
    ['Z', 0],
    ['UTC', 0],
    ['gmt', 0],
    ['+05:30', 330],
    ['-0800', -480],
    ['+02', 120],
    ['UTC+2', 120],
    ['GMT-05:00', -300],
    ['+14:00', 840],
  ])('reads %s as %i minutes east of UTC', (text, minutes) => {
    expect(zoneFromText(text)).toEqual(minutes === 0 ? UTC_RULE : { kind: 'offset', minutes });
  });

  it.each(['', 'Europe/Paris', 'CEST', '+05:60', '+16:00', '+530', '5'])('refuses %j', (text) => {
    expect(zoneFromText(text)).toBeNull();
  });
});

describe('ISO dates', () => {
  it('read a zone-less date with the rule, and one with an offset by its offset', () => {
    expect(iso(parseIsoDate('2023-05-01 22:00', UTC_RULE))).toBe('2023-05-01T22:00:00.000Z');
    expect(iso(parseIsoDate('2023-05-01T22:00', PLUS_2))).toBe('2023-05-01T20:00:00.000Z');
    expect(iso(parseIsoDate('2023-05-01', PLUS_2))).toBe('2023-04-30T22:00:00.000Z');
    expect(iso(parseIsoDate('2023-05-01T22:00:00.25-0100', PLUS_2))).toBe('2023-05-01T23:00:00.250Z');
    expect(iso(parseIsoDate('2023-05-01T22:00:00Z', PLUS_2))).toBe('2023-05-01T22:00:00.000Z');
  });

  it.each([
    '2021-02-29',
    '2021-02-30T10:00Z',
    '2021-13-01',
    '2021-04-31',
    '2021-01-01T24:00',
    '2021-01-01T10:60',
    '21-01-01',
  ])('refuses %s, which names no instant', (text) => {
    expect(parseIsoDate(text, UTC_RULE)).toBeNull();
  });

  it('tell a bare day and the zone they state', () => {
    expect(parseIsoDate('2024-02-29', UTC_RULE)).not.toBeNull();
    expect(isBareDay('2023-05-01')).toBe(true);
    expect(isBareDay('2023-05-01T00:00')).toBe(false);
    expect(isoZone('2023-05-01T10:00+02:00')).toEqual(PLUS_2);
    expect(isoZone('2023-05-01T10:00')).toBeNull();
  });

  it('are checked the same way as API arguments', () => {
    expect(isoDate('2023-05-01T10:00', 'from')).toBe('2023-05-01T10:00');
    expect(() => isoDate('2021-02-30', 'to')).toThrow(InvalidArgument);
    expect(() => isoDate('May 1, 2023', 'to')).toThrow('to must be a date like 2021-11-07');
  });
});

describe('imported dates', () => {
  it.each([
    ['Mon, 03 Jan 2022 08:30:00 +0000', '2022-01-03T08:30:00Z'],
    ['Sun, 07 Nov 2021 19:14:16 GMT', '2021-11-07T19:14:16Z'],
    ['Tue Nov 07 2023 10:00:00 GMT+0200 (Central European Standard Time)', '2023-11-07T08:00:00Z'],
    ['November 14, 2023 at 3:04 pm EST', '2023-11-14T20:04:00Z'],
    ['May 1, 2023 10:00 PM', '2023-05-01T20:00:00Z'],
    ['May 1, 2023 12:30 AM', '2023-04-30T22:30:00Z'],
    ['May 1, 2023 12:15pm', '2023-05-01T10:15:00Z'],
    ['1st May 2023', '2023-04-30T22:00:00Z'],
    ['Sept. 4, 2020', '2020-09-03T22:00:00Z'],
    ['2023/05/01 22:00', '2023-05-01T20:00:00Z'],
    ['05/01/2023', '2023-04-30T22:00:00Z'],
    ['May 2023', '2023-04-30T22:00:00Z'],
    ['1682978400', '2023-05-01T22:00:00Z'],
    ['2023-05-01T22:00:00.123456Z', '2023-05-01T22:00:00.123Z'],
  ])('read %j in a +02:00 page as %s', (text, expected) => {
    expect(normalizeDate(text, PLUS_2)).toBe(expected);
  });

  it.each([
    'not a date',
    '5',
    'May 1, 2023 22:00 BST',
    'May 32, 2023',
    'May 1, 2023 13:00 PM',
    'PM 2023',
    '1 2023',
    'May June 2023',
    '2023 2024',
    '1850-01-01',
  ])('refuse %j', (text) => {
    expect(normalizeDate(text, UTC_RULE)).toBeNull();
  });

  it('give the zone a date states, and none for a zone-less or broken one', () => {
    expect(statedZone('2023-05-01T10:00:00+02:00')).toEqual(PLUS_2);
    expect(statedZone('Mon, 01 May 2023 10:00:00 GMT')).toEqual(UTC_RULE);
    expect(statedZone('May 1, 2023 10:00 PM PDT')).toEqual(offsetRule(-420));
    expect(statedZone('2023-05-01T10:00')).toBeNull();
    expect(statedZone('2021-02-30T10:00+02:00')).toBeNull();
    expect(statedZone(20230501)).toBeNull();
  });
});
