/** How numbers and dates read in the UI; the locale is a parameter so tests do not depend on the machine's. */

/**
 * Published dates are UTC instants (`2021-11-07T19:14:16Z`); showing the UTC calendar day keeps the date the
 * source printed, rather than the day it was in the reader's time zone.
 */
export function formatDate(iso: string | null, locale?: string): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatCount(count: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(count);
}

/** "1 article", "2,225 articles". */
export function plural(
  count: number,
  singular: string,
  pluralForm = `${singular}s`,
  locale?: string,
): string {
  return `${formatCount(count, locale)} ${count === 1 ? singular : pluralForm}`;
}

/** The reader's place in the current list: "12 of 340". */
export function formatPosition(index: number, total: number, locale?: string): string {
  return `${formatCount(index + 1, locale)} of ${formatCount(total, locale)}`;
}

/** Search time as the server measured it; sub-millisecond answers still say "<1 ms" rather than "0 ms". */
export function formatDuration(ms: number, locale?: string): string {
  if (ms < 1) return '<1 ms';
  return `${formatCount(Math.round(ms), locale)} ms`;
}
