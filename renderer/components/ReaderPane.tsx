import { useCallback, useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { hitMarks, topInWindow } from '../dom/reader-marks';
import type { ArticleState } from '../hooks/useArticle';
import { useReaderAnnotations } from '../hooks/useReaderAnnotations';
import { formatPosition, plural } from '../lib/format';
import type { KeyCommand } from '../lib/keyboard';
import { ArticleAnnotations } from './ArticleAnnotations';
import { ArticleDocument } from './ArticleDocument';
import { ErrorNotice } from './ErrorNotice';
import { Icon } from './Icon';
import { ReadingButtons } from './ReadingButtons';

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
  keysRef?: RefObject<((command: KeyCommand) => boolean) | null>;
  /** Reading state, highlights or the note changed: what search finds and the list shows may have too. */
  onUserDataChanged?: () => void;
}

const nothing = () => undefined;

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
  const notes = useReaderAnnotations(article, scroller, {
    fontSize: props.fontSize,
    onUserDataChanged: props.onUserDataChanged ?? nothing,
    keysRef: props.keysRef,
  });
  const user = notes.userData.user;

  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [article?.id]);

  // Bodies mark their hits in their own layout effects, which run before this one. The article object changes
  // when its user data does: only another article (or query) moves the view.
  useLayoutEffect(() => {
    setHits(scroller.current && article ? revealFirstHit(scroller.current) : 0);
  }, [article?.id, props.terms, bodyMarks]);

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
                  onToggleStar={notes.userData.toggleStar}
                  onToggleRead={notes.toggleRead}
                />
                <button
                  type="button"
                  className="text-button notes-button"
                  title="Go to the notes and highlights"
                  onClick={notes.goToNotes}
                >
                  Notes{notes.highlights.length > 0 ? ` (${notes.highlights.length})` : ''}
                </button>
              </div>
            )}
          </div>
          {notes.message && (
            <div
              className={`reader-message is-${notes.message.kind}`}
              role={notes.message.kind === 'error' ? 'alert' : 'status'}
            >
              <span>{notes.message.text}</span>
              <button
                type="button"
                className="icon-button"
                aria-label="Dismiss"
                onClick={notes.dismissMessage}
              >
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
                onBody={notes.onBody}
              />
            ) : (
              <p className="pane-placeholder muted">Opening…</p>
            )}
            {article && <ArticleAnnotations article={article} notes={notes} />}
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
