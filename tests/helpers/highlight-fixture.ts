import type { Highlight } from '../../common/user-data';

/** A yellow highlight of `exact` (at the start of the text), with its note; the id defaults to one from the quote. */
export function makeHighlight(exact: string, note = '', id = exact.slice(0, 16).padEnd(16, '0')): Highlight {
  return {
    id,
    color: 'yellow',
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    note,
    created: '2026-12-01T06:00:00.000Z',
    modified: '2026-12-01T06:00:00.000Z',
  };
}
