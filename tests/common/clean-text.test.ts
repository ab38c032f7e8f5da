import { describe, expect, it } from 'vitest';
import {
  FIELD_LIMITS,
  cleanLine,
  cleanOptional,
  cleanTags,
  cleanTitle,
  stripControls,
} from '../../common/clean-text';

describe('cleaning one-line metadata', () => {
  it('removes every bidi control, C0/C1 control, DEL and BOM, and makes breaks spaces', () => {
    const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
    expect(cleanLine(`a${bidi}b`, 100)).toBe('ab');
    expect(cleanLine('a\u0000\u0007\u001b[31m\u007f\u0080\u009b\ufeffb', 100)).toBe('a[31mb');
    expect(cleanLine(' one\ttwo\r\nthree\u2028four\u0085five  ', 100)).toBe('one two three four five');
  });

  it('keeps what right-to-left and joined scripts need: the letters, ZWJ and ZWNJ', () => {
    expect(cleanLine('\u05e9\u05dc\u05d5\u05dd world', 100)).toBe('\u05e9\u05dc\u05d5\u05dd world');
    expect(cleanLine('\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 👩\u200d💻', 100)).toBe(
      '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 👩\u200d💻',
    );
  });

  it('caps the length with an ellipsis, never splitting a surrogate pair', () => {
    expect(cleanLine('x'.repeat(600), FIELD_LIMITS.title)).toBe(`${'x'.repeat(499)}…`);
    const emoji = '😀'.repeat(300); // 600 code units
    const capped = cleanLine(emoji, FIELD_LIMITS.title);
    expect(capped.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(capped.endsWith('😀…')).toBe(true);
  });

  it('gives a title that cleans to nothing a name, drops empty optional fields and tags', () => {
    expect(cleanTitle('\u202e\u0007')).toBe('Untitled');
    expect(cleanOptional('\u202e', 200)).toBeNull();
    expect(cleanOptional(null, 200)).toBeNull();
    expect(cleanTags(['News', '\u202enews', '', '\u2066', 'x'.repeat(150)])).toEqual([
      'News',
      `${'x'.repeat(FIELD_LIMITS.tag - 1)}…`,
    ]);
  });

  it('keeps tabs and line feeds in multi-line text for the terminal, and nothing else invisible', () => {
    expect(stripControls('line 1\n\tline 2\r\u001b]52;c;x\u0007\u202eend')).toBe(
      'line 1\n\tline 2]52;c;xend',
    );
  });
});
