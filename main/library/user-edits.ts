/**
 * Changes to an article's user data (common/user-data.ts), as pure functions: each returns the data changed,
 * or throws an error naming what is wrong, before anything is written.
 */
import { randomBytes } from 'node:crypto';
import type { ArgsOf } from '../../common/api';
import { OffprintError } from '../../common/errors';
import { type Highlight, type UserData, USER_DATA_LIMITS } from '../../common/user-data';

export function withReading(
  data: UserData,
  { read, starred }: { read?: boolean; starred?: boolean },
  now: string,
) {
  if (read !== undefined && read !== data.reading.read) {
    data.reading.read = read;
    data.reading.readAt = read ? now : null;
  }
  if (starred !== undefined) data.reading.starred = starred;
  return data;
}

export function withHighlight(data: UserData, args: ArgsOf<'addHighlight'>, now: string): Highlight {
  const { color, quote, position, note } = args;
  if (quote.exact.trim() === '')
    throw new OffprintError('invalid-argument', 'quote.exact is empty: a highlight needs the text it marks.');
  if (position.start >= position.end)
    throw new OffprintError(
      'invalid-argument',
      `position is empty or reversed (start ${position.start}, end ${position.end}): start must be before end.`,
    );
  if (data.highlights.length >= USER_DATA_LIMITS.highlights)
    throw new OffprintError(
      'invalid-argument',
      `Article ${args.id} already has ${data.highlights.length} highlights, the most one article may have.`,
    );
  let id: string;
  do id = randomBytes(8).toString('hex');
  while (data.highlights.some((h) => h.id === id));
  const highlight: Highlight = {
    id,
    color,
    quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    note,
    created: now,
    modified: now,
  };
  // Document order; a highlight starting where another does goes after it.
  const at = data.highlights.findIndex((h) => h.position.start > position.start);
  data.highlights.splice(at === -1 ? data.highlights.length : at, 0, highlight);
  return highlight;
}

export function highlightIn(data: UserData, articleId: string, highlightId: string): Highlight {
  const highlight = data.highlights.find((h) => h.id === highlightId);
  if (!highlight)
    throw new OffprintError('not-found', `Article ${articleId} has no highlight with id ${highlightId}.`);
  return highlight;
}
