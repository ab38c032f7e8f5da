import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ArticleView } from '../../common/article';
import type { Highlight, HighlightColor } from '../../common/user-data';
import { api, describeError } from '../api/client';
import { copyTextAndHtml } from '../dom/clipboard';
import { firstMarkOf } from '../dom/highlight-marks';
import { hitMarks } from '../dom/reader-marks';
import { boxInScroller, boxInWindow, type Box } from '../dom/window-rect';
import { DEFAULT_HIGHLIGHT_COLOR } from '../lib/highlight-colors';
import type { KeyCommand } from '../lib/keyboard';
import { quoteWithCitation } from '../lib/quote-citation';
import { useHighlightLayer, type PendingSelection, type ShownBody } from './useHighlightLayer';
import { useReadingPosition } from './useReadingPosition';
import { useUserData, type UserDataControls } from './useUserData';

const NO_HIGHLIGHTS: readonly Highlight[] = [];
/** The end of the text may sit in the pane's bottom padding without being scrolled fully into view. */
const END_SLACK_PX = 24;

export interface ReaderMessage {
  kind: 'error' | 'info';
  text: string;
}

export interface ReaderAnnotations {
  userData: UserDataControls;
  highlights: readonly Highlight[];
  orphans: ReadonlySet<string>;
  selection: PendingSelection | null;
  /** The highlight whose popover is open, with where to put it. */
  popover: { highlight: Highlight; box: Box; focusNote: boolean } | null;
  message: ReaderMessage | null;
  noteField: RefObject<HTMLTextAreaElement | null>;
  /** For the article's body component: its text container once shown, null when it goes. */
  onBody(articleId: string, container: HTMLElement | null): void;
  highlightSelection(color: HighlightColor, withNote: boolean): void;
  copySelection(): void;
  copyWithCitation(quote: string): void;
  showHighlight(highlightId: string): void;
  closePopover(): void;
  toggleRead(): void;
  goToNotes(): void;
  dismissMessage(): void;
}

interface Options {
  fontSize: number;
  onUserDataChanged(): void;
  keysRef?: RefObject<((command: KeyCommand) => boolean) | null>;
}

/**
 * Everything the reader does with the open article's reading state, highlights and notes: wires the body, the
 * selection, the popover, the clipboard and the reader's keys to the user data, and records where the reader is.
 */
export function useReaderAnnotations(
  article: ArticleView | null,
  scroller: RefObject<HTMLElement | null>,
  options: Options,
): ReaderAnnotations {
  const [body, setBody] = useState<ShownBody | null>(null);
  const onBody = useCallback((articleId: string, container: HTMLElement | null) => {
    setBody((shown) =>
      container
        ? { articleId, container, version: (shown?.version ?? 0) + 1 }
        : shown?.articleId === articleId
          ? null
          : shown,
    );
  }, []);
  const shownBody = body && body.articleId === article?.id ? body : null;
  const userData = useUserData(article, options.onUserDataChanged);
  const user = userData.user;
  const highlights = user?.highlights ?? NO_HIGHLIGHTS;
  const [popover, setPopover] = useState<{ highlightId: string; focusNote: boolean } | null>(null);
  const [popoverBox, setPopoverBox] = useState<Box | null>(null);
  const [message, setMessage] = useState<ReaderMessage | null>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const layer = useHighlightLayer(shownBody, highlights, scroller, (highlightId) =>
    setPopover({ highlightId, focusNote: false }),
  );

  useLayoutEffect(() => {
    setPopover(null);
    setMessage(null);
  }, [article?.id]);

  useReadingPosition(scroller, {
    articleId: article?.id ?? null,
    bodyReadyFor: shownBody?.articleId ?? null,
    saved: article?.user.reading.position ?? 0,
    hasHits: () => (scroller.current ? hitMarks(scroller.current).length > 0 : false),
    read: user?.reading.read ?? false,
    endVisible: () => {
      const view = scroller.current;
      const text = view?.querySelector('.article-body, .article-frame');
      if (!view || !text) return false;
      return text.getBoundingClientRect().bottom <= view.getBoundingClientRect().bottom + END_SLACK_PX;
    },
    onPosition: userData.savePosition,
    onReachedEnd: () => userData.setRead(true),
  });

  // The popover sits under its highlight's first mark, wherever that is drawn now.
  useLayoutEffect(() => {
    const mark = popover && shownBody ? firstMarkOf(shownBody.container, popover.highlightId) : null;
    const view = scroller.current;
    setPopoverBox(
      mark && view
        ? boxInScroller(boxInWindow(mark.getBoundingClientRect(), mark.ownerDocument), view)
        : null,
    );
  }, [popover, shownBody, highlights, options.fontSize, scroller]);

  // The live selection first (a key may beat `selectionchange`), else the last one seen (a click on the toolbar
  // may have collapsed it).
  const pendingSelection = () => layer.currentSelection() ?? layer.selection;

  const highlightSelection = (color: HighlightColor, withNote: boolean, selection = pendingSelection()) => {
    if (!selection) return;
    layer.clearSelection();
    void userData.addHighlight(color, selection.selectors).then((added) => {
      if (added && withNote) setPopover({ highlightId: added.id, focusNote: true });
    });
  };

  const copyWithCitation = (quote: string) => {
    if (!article) return;
    api
      .cite({ ids: [article.id], format: 'apa' })
      .then((citation) => {
        const { text, html } = quoteWithCitation(quote, citation);
        return copyTextAndHtml(text, html);
      })
      .then(
        () => setMessage({ kind: 'info', text: 'Copied the quote with its citation.' }),
        (failure: unknown) =>
          setMessage({ kind: 'error', text: `Could not copy with citation: ${describeError(failure)}` }),
      );
  };

  const copySelection = () => {
    const quote = pendingSelection()?.selectors.quote.exact;
    layer.clearSelection();
    if (quote) copyWithCitation(quote);
  };

  const showHighlight = (highlightId: string) => {
    const mark = shownBody && firstMarkOf(shownBody.container, highlightId);
    if (!mark) return;
    mark.scrollIntoView({ block: 'center' });
    setPopover({ highlightId, focusNote: false });
  };

  const closePopover = () => {
    setPopover(null);
    scroller.current?.focus({ preventScroll: true });
  };

  const toggleRead = () => {
    if (user) userData.setRead(!user.reading.read);
  };

  const goToNotes = () => {
    noteField.current?.scrollIntoView({ block: 'center' });
    noteField.current?.focus({ preventScroll: true });
  };

  const keysRef = options.keysRef;
  useEffect(() => {
    if (!keysRef) return;
    keysRef.current = (command) => {
      if (!user) return false;
      switch (command) {
        case 'toggle-star':
          userData.toggleStar();
          return true;
        case 'toggle-read':
          toggleRead();
          return true;
        case 'highlight-selection': {
          const selection = pendingSelection();
          if (!selection) return false;
          highlightSelection(DEFAULT_HIGHLIGHT_COLOR, false, selection);
          return true;
        }
        default:
          return false;
      }
    };
  });
  useEffect(
    () => () => {
      if (keysRef) keysRef.current = null;
    },
    [keysRef],
  );

  const shownHighlight = popover ? highlights.find((h) => h.id === popover.highlightId) : undefined;
  return {
    userData,
    highlights,
    orphans: layer.orphans,
    selection: layer.selection,
    popover:
      shownHighlight && popoverBox && popover
        ? { highlight: shownHighlight, box: popoverBox, focusNote: popover.focusNote }
        : null,
    message: userData.error ? { kind: 'error', text: userData.error } : message,
    noteField,
    onBody,
    highlightSelection,
    copySelection,
    copyWithCitation,
    showHighlight,
    closePopover,
    toggleRead,
    goToNotes,
    dismissMessage: () => {
      userData.dismissError();
      setMessage(null);
    },
  };
}
