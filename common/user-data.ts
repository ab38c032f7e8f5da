/**
 * What a reader adds to an article: reading state, highlights and a note. Stored beside the article as
 * `articles/<id>/user.json` (open, versioned JSON; never inside the original bytes) and returned with it.
 *
 * Highlights are anchored as the W3C Web Annotation model does: a TextQuoteSelector (the exact text with up
 * to 32 characters of prefix and suffix) that finds the passage again after the article is re-rendered or
 * re-sanitized, plus a TextPositionSelector as a hint that picks among repeated quotes. Positions count UTF-16
 * code units in the text content of the article's body as the reader renders it (the sanitized HTML, or the
 * plain text's paragraphs), without the title block.
 */

/** Bump when the stored shape changes; readers refuse user data written by a newer version. */
export const USER_DATA_FORMAT_VERSION = 1;
export const USER_DATA_FORMAT = 'offprint-user-data';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** https://www.w3.org/TR/annotation-model/#text-quote-selector */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** https://www.w3.org/TR/annotation-model/#text-position-selector (start inclusive, end exclusive). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Highlight {
  /** Random, 16 hexadecimal characters; unique within the article. */
  id: string;
  color: HighlightColor;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** The reader's note on this passage; empty when none. */
  note: string;
  created: string;
  modified: string;
}

export interface ReadingState {
  read: boolean;
  /** When it was last marked read (ISO), null while unread. */
  readAt: string | null;
  starred: boolean;
  /** How far the reader had scrolled, 0 (top) to 1 (end), restored when the article is reopened. */
  position: number;
}

export interface UserData {
  reading: ReadingState;
  /** The article's own note (free text). */
  note: string;
  /** In document order (by position). */
  highlights: Highlight[];
}

/** The file as stored. */
export interface UserDataFile extends UserData {
  format: typeof USER_DATA_FORMAT;
  formatVersion: number;
}

export const EMPTY_USER_DATA: UserData = {
  reading: { read: false, readAt: null, starred: false, position: 0 },
  note: '',
  highlights: [],
};

/** Limits on what a client may store, so one article's user data stays small. */
export const USER_DATA_LIMITS = {
  noteChars: 100_000,
  quoteChars: 10_000,
  affixChars: 32,
  highlights: 5_000,
} as const;
