import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type MutableRefObject,
} from 'react';
import type { Highlight, HighlightColor } from '../../common/user-data';
import { api, describeError } from '../api/client';
import { copyTextAndHtml } from '../dom/clipboard';
import { firstMarkOf } from '../dom/highlight-marks';
import { hitMarks, topInWindow } from '../dom/reader-marks';
import { boxInScroller, boxInWindow, type Box } from '../dom/window-rect';
import type { ArticleState } from '../hooks/useArticle';
import { useHighlightLayer, type ShownBody } from '../hooks/useHighlightLayer';
import { useReadingPosition } from '../hooks/useReadingPosition';
import { useUserData } from '../hooks/useUserData';
import { formatPosition, plural } from '../lib/format';
import { DEFAULT_HIGHLIGHT_COLOR } from '../lib/highlight-colors';
import type { KeyCommand } from '../lib/keyboard';
import { quoteWithCitation } from '../lib/quote-citation';
import { AnnotationsPanel } from './AnnotationsPanel';
import { ArticleDocument } from './ArticleDocument';
import { ErrorNotice } from './ErrorNotice';
import { HighlightPopover } from './HighlightPopover';
import { Icon } from './Icon';
import { ReadingButtons } from './ReadingButtons';
import { SelectionToolbar } from './SelectionToolbar';

interface ReaderPaneProps {
  state: ArticleState;
  /** Normalized terms of the current query. */
  terms: readonly string[];
  openIndex: number | null;
  total: number;
  onStep(delta: 1 | -1): void;
  onOpenArticle(id: string): void;
  /** Set when the list is hidden (collapsed, or a narrow window): the reader then offers the way back. */
  onShowList: (() => void) | null;
  fontSize: number;
  /** Changes when the reader should take keyboard focus (an article was opened from the list). */
  focusToken: number;
  /** The reader's own keys (star, read, highlight) are handed to it here; it answers whether it acted. */
  keysRef?: MutableRefObject<((command: KeyCommand) => boolean) | null>;
  /** Reading state, highlights or the note changed: what search finds and the list shows may have too. */
  onUserDataChanged?: () => void;
}

const NO_HIGHLIGHTS: readonly Highlight[] = [];
const nothing = () => undefined;

interface ReaderMessage {
  kind: 'error' | 'info';
  text: string;
}

/** Where the first mark is, relative to the scroller's viewport, to bring it into view only when it is out of it. */
function revealFirstHit(scroller: HTMLElement): number {
  const marks = hitMarks(scroller);
  const first = marks[0];
  if (first) {
    const offset = topInWindow(first) - scroller.getBoundingClientRect().top;
    if (offset < 0 || offset > scroller.clientHeight * 0.75)
      scroller.scrollTop += offset - scroller.clientHeight / 3;
  }
  return marks.length;
}

export function ReaderPane(props: ReaderPaneProps) {
  const { state, openIndex, total } = props;
  const article = state.article;
  const scroller = useRef<HTMLDivElement>(null);
  const [hits, setHits] = useState(0);
  // A rich body marks its words in its frame once that has loaded, after the effects below first ran.
  const [bodyMarks, setBodyMarks] = useState(0);
  const onBodyMarked = useCallback(() => setBodyMarks((count) => count + 1), []);
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
  const userData = useUserData(article, props.onUserDataChanged ?? nothing);
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
    if (scroller.current) scroller.current.scrollTop = 0;
    setPopover(null);
    setMessage(null);
  }, [article?.id]);

  // Bodies mark their hits in their own layout effects, which run before this one.
  useLayoutEffect(() => {
    setHits(scroller.current && article ? revealFirstHit(scroller.current) : 0);
    // The article object changes when its user data does; only another article (or query) moves the view.
  }, [article?.id, props.terms, bodyMarks]);

  useReadingPosition(scroller, {
    articleId: article?.id ?? null,
    bodyReadyFor: shownBody?.articleId ?? null,
    saved: article?.user.reading.position ?? 0,
    hasHits: () => (scroller.current ? hitMarks(scroller.current).length > 0 : false),
    read: user?.reading.read ?? false,
    endVisible: () => {
      const view = scroller.current;
      const text = view?.querySelector('.article-body, .article-frame');
      // The last lines may sit in the padding's reach without being scrolled fully into view.
      return (
        !!view && !!text && text.getBoundingClientRect().bottom <= view.getBoundingClientRect().bottom + 24
      );
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
  }, [popover, shownBody, highlights, props.fontSize]);

  const highlightSelection = async (color: HighlightColor, withNote: boolean) => {
    const selection = layer.selection;
    if (!selection) return false;
    layer.clearSelection();
    const added = await userData.addHighlight(color, selection.selectors);
    if (added && withNote) setPopover({ highlightId: added.id, focusNote: true });
    return added !== null;
  };

  const copyWithCitation = async (quote: string) => {
    if (!article) return;
    try {
      const citation = await api.cite({ ids: [article.id], format: 'apa' });
      const { text, html } = quoteWithCitation(quote, citation);
      await copyTextAndHtml(text, html);
      setMessage({ kind: 'info', text: 'Copied the quote with its citation.' });
    } catch (failure) {
      setMessage({ kind: 'error', text: `Could not copy with citation: ${describeError(failure)}` });
    }
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

  const toggleRead = () => user && userData.setRead(!user.reading.read);

  useEffect(() => {
    if (!props.keysRef) return;
    props.keysRef.current = (command) => {
      if (!user) return false;
      switch (command) {
        case 'toggle-star':
          userData.toggleStar();
          return true;
        case 'toggle-read':
          toggleRead();
          return true;
        case 'highlight-selection':
          if (!layer.selection) return false;
          void highlightSelection(DEFAULT_HIGHLIGHT_COLOR, false);
          return true;
        default:
          return false;
      }
    };
  });
  useEffect(() => {
    const keys = props.keysRef;
    return () => {
      if (keys) keys.current = null;
    };
  }, [props.keysRef]);

  const shownMessage: ReaderMessage | null = userData.error
    ? { kind: 'error', text: userData.error }
    : message;
  const dismissMessage = () => {
    userData.dismissError();
    setMessage(null);
  };
  const popoverHighlight = popover ? highlights.find((h) => h.id === popover.highlightId) : undefined;

  useLayoutEffect(() => {
    if (props.focusToken > 0) scroller.current?.focus({ preventScroll: true });
  }, [props.focusToken]);

  const jumpToFirstHit = () => {
    const first = scroller.current && hitMarks(scroller.current)[0];
    first?.scrollIntoView({ block: 'center' });
  };

  const canPrevious = openIndex !== null && openIndex > 0;
  // Outside the current list, Next starts at its top.
  const canNext = total > 0 && (openIndex === null || openIndex < total - 1);

  return (
    <section id="reader-pane" className="pane reader-pane" aria-label="Reader" data-keys="reader">
      {article || state.loading || state.error ? (
        <>
          <div className="pane-header reader-toolbar">
            {props.onShowList && (
              <button
                type="button"
                className="icon-button"
                aria-label="Show list"
                title="Show list"
                onClick={props.onShowList}
              >
                <Icon name="list" />
              </button>
            )}
            <div className="stepper">
              <button
                type="button"
                className="button"
                aria-label="Previous article"
                title="Previous article (← or k)"
                aria-keyshortcuts="ArrowLeft k"
                disabled={!canPrevious}
                onClick={() => props.onStep(-1)}
              >
                <Icon name="previous" />
                <span className="button-label">Previous</span>
              </button>
              <span className="position" aria-live="polite">
                {openIndex !== null ? formatPosition(openIndex, total) : 'Not in the current list'}
              </span>
              <button
                type="button"
                className="button"
                aria-label="Next article"
                title="Next article (→ or j)"
                aria-keyshortcuts="ArrowRight j"
                disabled={!canNext}
                onClick={() => props.onStep(1)}
              >
                <span className="button-label">Next</span>
                <Icon name="next" />
              </button>
            </div>
            {hits > 0 && (
              <button
                type="button"
                className="text-button hits-button"
                onClick={jumpToFirstHit}
                title="Show the first match"
              >
                <Icon name="target" />
                {plural(hits, 'match', 'matches')}
              </button>
            )}
            {article && user && (
              <div className="reader-actions">
                <ReadingButtons
                  reading={user.reading}
                  onToggleStar={userData.toggleStar}
                  onToggleRead={toggleRead}
                />
                <button
                  type="button"
                  className="text-button notes-button"
                  title="Go to the notes and highlights"
                  onClick={() => {
                    noteField.current?.scrollIntoView({ block: 'center' });
                    noteField.current?.focus({ preventScroll: true });
                  }}
                >
                  Notes{highlights.length > 0 ? ` (${highlights.length})` : ''}
                </button>
              </div>
            )}
          </div>
          {shownMessage && (
            <div
              className={`reader-message is-${shownMessage.kind}`}
              role={shownMessage.kind === 'error' ? 'alert' : 'status'}
            >
              <span>{shownMessage.text}</span>
              <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissMessage}>
                <Icon name="close" />
              </button>
            </div>
          )}
          <div
            ref={scroller}
            className="reader-scroll"
            tabIndex={0}
            aria-busy={state.loading}
            style={{ '--reader-font-size': `${props.fontSize}px` } as CSSProperties}
          >
            {state.error ? (
              <ErrorNotice
                title="This article could not be opened."
                error={state.error}
                onRetry={state.retry}
              />
            ) : article ? (
              <ArticleDocument
                article={article}
                terms={props.terms}
                onOpenArticle={props.onOpenArticle}
                fontSize={props.fontSize}
                onBodyMarked={onBodyMarked}
                onBody={onBody}
              />
            ) : (
              <p className="pane-placeholder muted">Opening…</p>
            )}
            {article && layer.selection && (
              <SelectionToolbar
                box={layer.selection.box}
                onHighlight={(color) => void highlightSelection(color, false)}
                onNote={() => void highlightSelection(DEFAULT_HIGHLIGHT_COLOR, true)}
                onCopy={() => {
                  const quote = layer.selection?.selectors.quote.exact;
                  layer.clearSelection();
                  if (quote) void copyWithCitation(quote);
                }}
              />
            )}
            {popoverHighlight && popoverBox && (
              <HighlightPopover
                highlight={popoverHighlight}
                box={popoverBox}
                focusNote={popover?.focusNote ?? false}
                onColor={(color) => userData.updateHighlight(popoverHighlight.id, { color })}
                onNote={(note) => userData.updateHighlight(popoverHighlight.id, { note })}
                onCopy={() => void copyWithCitation(popoverHighlight.quote.exact)}
                onDelete={() => {
                  userData.removeHighlight(popoverHighlight.id);
                  closePopover();
                }}
                onClose={closePopover}
              />
            )}
            {article && user && !article.linkOnly && (
              <AnnotationsPanel
                noteRef={noteField}
                note={user.note}
                noteStatus={userData.noteStatus}
                onNote={userData.setNote}
                highlights={highlights}
                orphans={layer.orphans}
                onShowHighlight={showHighlight}
                onDeleteHighlight={userData.removeHighlight}
              />
            )}
          </div>
        </>
      ) : (
        <ReaderPlaceholder onShowList={props.onShowList} />
      )}
    </section>
  );
}

function ReaderPlaceholder({ onShowList }: { onShowList: (() => void) | null }) {
  return (
    <div className="pane-placeholder reader-placeholder">
      {onShowList && (
        <button type="button" className="button" onClick={onShowList}>
          <Icon name="list" />
          Show list
        </button>
      )}
      <p>Choose an article to read it here.</p>
      <dl className="shortcuts">
        <div>
          <dt>
            <kbd>/</kbd>
          </dt>
          <dd>search</dd>
        </div>
        <div>
          <dt>
            <kbd>↑</kbd> <kbd>↓</kbd>
          </dt>
          <dd>move in the list</dd>
        </div>
        <div>
          <dt>
            <kbd>Enter</kbd>
          </dt>
          <dd>open</dd>
        </div>
        <div>
          <dt>
            <kbd>←</kbd> <kbd>→</kbd> or <kbd>k</kbd> <kbd>j</kbd>
          </dt>
          <dd>previous / next article</dd>
        </div>
        <div>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>back to the list</dd>
        </div>
      </dl>
    </div>
  );
}
