import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatPosition, plural } from '../../../renderer/lib/format';

describe('format', () => {
  it('shows the published day in UTC, as the source printed it', () => {
    expect(formatDate('2021-11-07T23:14:16Z', 'en-GB')).toBe('7 Nov 2021');
    expect(formatDate(null)).toBeNull();
    expect(formatDate('not a date')).toBeNull();
  });

  it('says where the reader is in the list', () => {
    expect(formatPosition(11, 340, 'en')).toBe('12 of 340');
    expect(formatPosition(2_224, 2_225, 'en')).toBe('2,225 of 2,225');
  });

  it('counts in words', () => {
    expect(plural(1, 'article', undefined, 'en')).toBe('1 article');
    expect(plural(2_225, 'article', undefined, 'en')).toBe('2,225 articles');
    expect(plural(3, 'match', 'matches', 'en')).toBe('3 matches');
  });

  it('never shows a search as taking 0 ms', () => {
    expect(formatDuration(0.2, 'en')).toBe('<1 ms');
    expect(formatDuration(12.6, 'en')).toBe('13 ms');
  });
});
