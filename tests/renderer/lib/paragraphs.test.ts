import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../renderer/lib/paragraphs';

describe('splitParagraphs', () => {
  it('makes one paragraph per blank-line-separated block, CRLF included', () => {
    expect(splitParagraphs('First one.\r\n\r\nSecond\r\nline.\n  \nThird.\n')).toEqual([
      'First one.',
      'Second line.',
      'Third.',
    ]);
  });

  it('has no paragraphs for blank text', () => {
    expect(splitParagraphs('\n\n  \n')).toEqual([]);
  });
});
