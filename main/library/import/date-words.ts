/**
 * Dates written out in English, as pages and feeds print them: RFC 2822 (`Mon, 03 Jan 2022 08:30:00 +0000`),
 * `May 1, 2023 10:00 PM`, `1st May 2023`, `2023/05/01 22:00`, `05/01/2023` (month first, as Date.parse reads
 * it). Parsed here word by word rather than by `Date.parse`, which reads a zone-less time in the machine's zone
 * and guesses at words it does not know. A word that is no part of a date makes the whole text no date.
 */
import { instantOf, millisecondsOf, type WallClock } from '../../../common/wall-clock';
import { offsetRule, zoneFromText, type ZoneRule } from '../../../common/zone-rule';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?$/;
const FILLER = new Set(['at', 'on', 'of', 'the', 'published', 'updated', 'posted', '-', '–', '—', '|', '@']);
/** The North American zones RFC 2822 still names, the only zone words it defines. */
const US_ZONES: Record<string, number> = {
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
};

interface Parts {
  year?: number;
  month?: number;
  day?: number;
  time?: { hour: number; minute: number; second: number; millisecond: number };
  meridiem?: 'am' | 'pm';
  zone?: ZoneRule;
}

/** `may`, `sep`, `sept`, `september`: a prefix of a month's name at least three letters long. */
function monthOf(word: string): number | null {
  if (word.length < 3) return null;
  const i = MONTHS.findIndex((name) => name.startsWith(word));
  return i < 0 ? null : i + 1;
}

/** Reads one word into the parts; false when the word is no part of a date. */
function readWord(word: string, parts: Parts): boolean {
  if (FILLER.has(word) || WEEKDAY.test(word)) return true;
  const month = monthOf(word);
  if (month !== null) return set(parts, 'month', month);
  if (word === 'am' || word === 'pm') return set(parts, 'meridiem', word);
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(am|pm)?$/.exec(word);
  if (time) {
    const clock = {
      hour: Number(time[1]),
      minute: Number(time[2]),
      second: Number(time[3] ?? 0),
      millisecond: millisecondsOf(time[4]),
    };
    return set(parts, 'time', clock) && (!time[5] || set(parts, 'meridiem', time[5] as 'am' | 'pm'));
  }
  const hourOnly = /^(\d{1,2})(am|pm)$/.exec(word);
  if (hourOnly) {
    const clock = { hour: Number(hourOnly[1]), minute: 0, second: 0, millisecond: 0 };
    return set(parts, 'time', clock) && set(parts, 'meridiem', hourOnly[2] as 'am' | 'pm');
  }
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(word);
  if (ymd) return setDate(parts, Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const mdy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(word);
  if (mdy) return setDate(parts, Number(mdy[3]), Number(mdy[1]), Number(mdy[2]));
  if (/^\d{4}$/.test(word)) return set(parts, 'year', Number(word));
  const day = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(word);
  if (day) return set(parts, 'day', Number(day[1]));
  if (word in US_ZONES) return set(parts, 'zone', offsetRule(US_ZONES[word]! * 60)!);
  const zone = zoneFromText(word);
  return zone !== null && set(parts, 'zone', zone);
}

/** Sets a part once: a second year, month or zone makes the text ambiguous, so no date. */
function set<K extends keyof Parts>(parts: Parts, key: K, value: NonNullable<Parts[K]>): boolean {
  if (parts[key] !== undefined) return false;
  parts[key] = value;
  return true;
}

function setDate(parts: Parts, year: number, month: number, day: number): boolean {
  return set(parts, 'year', year) && set(parts, 'month', month) && set(parts, 'day', day);
}

function hourOf(hour: number, meridiem: Parts['meridiem']): number | null {
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return null;
  return (hour % 12) + (meridiem === 'pm' ? 12 : 0);
}

/** The wall-clock time a written-out date names and the zone it states (null: none stated), or null. */
export function readWordDate(text: string): { clock: WallClock; zone: ZoneRule | null } | null {
  const words = text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ') // `GMT+0200 (Central European Summer Time)`: the comment only names the zone
    .replace(/([a-z])\.(?=\s|,|$)/g, '$1') // `Sept.`, `Mon.`
    .split(/[\s,]+/)
    .filter(Boolean);
  const parts: Parts = {};
  for (const word of words) if (!readWord(word, parts)) return null;
  if (parts.year === undefined || (parts.day !== undefined && parts.month === undefined)) return null;
  if (parts.meridiem && !parts.time) return null;
  const time = parts.time ?? { hour: 0, minute: 0, second: 0, millisecond: 0 };
  const hour = hourOf(time.hour, parts.meridiem);
  if (hour === null) return null;
  const clock: WallClock = { year: parts.year, month: parts.month ?? 1, day: parts.day ?? 1, ...time, hour };
  return { clock, zone: parts.zone ?? null };
}

/** The instant a written-out date names (its own zone first, else the rule's), or null. */
export function parseWordDate(text: string, rule: ZoneRule): number | null {
  const read = readWordDate(text);
  return read ? instantOf(read.clock, read.zone ?? rule) : null;
}
