/**
 * Written-out dates word by word (main/library/import/date-words.ts): every month, weekday, filler word and US
 * zone it knows, each shape of time and numeric date, and the rules that make a text no date. The mutation run
 * found most of these lists and edges untested: realistic dates (date-parsing.test.ts) use a few of each.
 */
import { describe, expect, it } from 'vitest';
import { UTC_RULE } from '../../../common/zone-rule';
import { parseWordDate, readWordDate } from '../../../main/library/import/date-words';

const read = (text: string) => parseWordDate(text, UTC_RULE);
const MAY_1 = Date.UTC(2023, 4, 1);

describe('words a date is written with', () => {
  it('knows every month by its name and by any prefix of three letters or more', () => {
    const names = 'january february march april may june july august september october november december';
    names.split(' ').forEach((name, i) => {
      expect(read(`1 ${name} 2023`), name).toBe(Date.UTC(2023, i, 1));
      expect(read(`1 ${name.slice(0, 3)} 2023`), name).toBe(Date.UTC(2023, i, 1));
    });
    expect(read('1 sept 2023')).toBe(Date.UTC(2023, 8, 1));
    expect(read('1 ma 2023')).toBeNull();
    expect(read('1 mays 2023')).toBeNull();
  });

  it('passes over weekdays, short or long, with or without a dot, and nothing that only contains one', () => {
    const days =
      'mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday';
    for (const day of days.split(' ')) {
      expect(read(`${day}, 1 May 2023`), day).toBe(MAY_1);
      expect(read(`${day}. 1 May 2023`), day).toBe(MAY_1);
    }
    expect(read('2023 May 1 Mon.')).toBe(MAY_1);
    expect(read('xmon 1 May 2023')).toBeNull();
    expect(read('monx 1 May 2023')).toBeNull();
  });

  it('passes over the words pages print around a date', () => {
    for (const filler of ['at', 'on', 'of', 'the', 'published', 'updated', 'posted', '-', '–', '—', '|', '@'])
      expect(read(`${filler} 1 May 2023`), filler).toBe(MAY_1);
    expect(read('Published on the 1st of May 2023 at 10:00')).toBe(Date.UTC(2023, 4, 1, 10));
    expect(read('1 May 2023 and')).toBeNull();
  });

  it('reads the US zones RFC 2822 names', () => {
    const zones = { est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7 };
    for (const [zone, hours] of Object.entries(zones))
      expect(read(`1 May 2023 10:00 ${zone.toUpperCase()}`), zone).toBe(Date.UTC(2023, 4, 1, 10 - hours));
  });

  it('drops a parenthesised comment, even one written against a word', () => {
    expect(read('Mon May 01 2023 10:00:00 GMT+0200 (Central European Summer Time)')).toBe(
      Date.UTC(2023, 4, 1, 8),
    );
    expect(read('1 May(note)2023')).toBe(MAY_1);
  });

  it('takes a dot after a word as an abbreviation, and only that', () => {
    expect(read('1 May. 2023')).toBe(MAY_1);
    expect(read('1 Sept. 2023')).toBe(Date.UTC(2023, 8, 1));
  });
});

describe('times', () => {
  it('reads hours, minutes, seconds and fractions, with am or pm apart or attached', () => {
    expect(read('1 May 2023 10:05:30.25')).toBe(MAY_1 + (10 * 3600 + 5 * 60 + 30) * 1000 + 250);
    // A comma separates words before times are read: `10:05:30,5` is a time and a second day, so no date.
    expect(read('1 May 2023 10:05:30,5')).toBeNull();
    expect(read('1 May 2023 10:05pm')).toBe(MAY_1 + (22 * 60 + 5) * 60_000);
    expect(read('1 May 2023 10:05 PM')).toBe(MAY_1 + (22 * 60 + 5) * 60_000);
    expect(read('1 May 2023 10pm')).toBe(MAY_1 + 22 * 3_600_000);
    expect(read('1 May 2023 9am')).toBe(MAY_1 + 9 * 3_600_000);
    expect(read('1 May 2023 12am')).toBe(MAY_1);
    expect(read('1 May 2023 12pm')).toBe(MAY_1 + 12 * 3_600_000);
    expect(read('1 May 2023 1:30 am')).toBe(MAY_1 + 90 * 60_000);
  });

  it('refuses a time with something around it, a 12-hour time out of range, and anything said twice', () => {
    for (const text of [
      '1 May 2023 x10:05',
      '1 May 2023 10:05x',
      '1 May 2023 10:05:30.x',
      '1 May 2023 x10pm',
      '1 May 2023 10pmx',
      '1 May 2023 0:30 am',
      '1 May 2023 13pm',
      '1 May 2023 10:05pm pm',
      '1 May 2023 10pm pm',
      '1 May 2023 10pm 11:00',
      'pm 1 May 2023',
    ])
      expect(read(text), text).toBeNull();
  });
});

describe('numeric dates', () => {
  it('reads year first with slashes or dots, month first with slashes, a lone year, and a day with its suffix', () => {
    expect(read('2023/05/01')).toBe(MAY_1);
    expect(read('2023.5.1 10:00')).toBe(MAY_1 + 10 * 3_600_000);
    expect(read('05/01/2023')).toBe(MAY_1);
    // The day is read, not defaulted to the first.
    expect(read('2023/05/02')).toBe(Date.UTC(2023, 4, 2));
    expect(read('05/02/2023')).toBe(Date.UTC(2023, 4, 2));
    expect(read('May 2023')).toBe(MAY_1);
    for (const day of ['1st', '2nd', '3rd', '4th', '21st'])
      expect(read(`${day} May 2023`), day).toBe(Date.UTC(2023, 4, Number.parseInt(day, 10)));
  });

  it('refuses one with anything around it', () => {
    for (const text of [
      'x2023/05/01',
      '2023/05/01x',
      'x05/01/2023',
      '05/01/2023x',
      '1x May 2023',
      '2023/05/01 2024',
    ])
      expect(read(text), text).toBeNull();
  });
});

describe('what is not a date', () => {
  it('needs a year, and a month for a day', () => {
    expect(readWordDate('1 May')).toBeNull();
    expect(readWordDate('1 2023')).toBeNull();
    expect(readWordDate('2023')).toEqual({
      clock: { year: 2023, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 },
      zone: null,
    });
  });

  it('answers no clock for an hour that a 12-hour clock cannot have', () => {
    expect(readWordDate('1 May 2023 13:00 pm')).toBeNull();
  });
});
