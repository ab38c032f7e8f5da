import type { Ref } from 'react';
import type { Highlight } from '../../common/user-data';
import type { SaveStatus } from '../hooks/useUserData';
import { plural } from '../lib/format';

interface AnnotationsPanelProps {
  note: string;
  noteStatus: SaveStatus;
  onNote(note: string): void;
  highlights: readonly Highlight[];
  /** Highlights whose text is not in the article as it is shown now: listed, not drawn. */
  orphans: ReadonlySet<string>;
  onShowHighlight(highlightId: string): void;
  onDeleteHighlight(highlightId: string): void;
  noteRef: Ref<HTMLTextAreaElement>;
}

const STATUS: Record<SaveStatus, string> = {
  idle: '',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved',
};

/** Under the article: the reader's own note on it, and its highlights, each a way back to its passage. */
export function AnnotationsPanel(props: AnnotationsPanelProps) {
  const { highlights, orphans } = props;
  const lost = highlights.filter((h) => orphans.has(h.id)).length;
  return (
    <section className="annotations" aria-labelledby="annotations-title">
      <h3 id="annotations-title" className="annotations-title">
        Notes and highlights
      </h3>
      <label className="annotations-label" htmlFor="article-note">
        Notes on this article
      </label>
      <textarea
        id="article-note"
        ref={props.noteRef}
        className="article-note"
        rows={4}
        value={props.note}
        placeholder="What you think of it, what to follow up…"
        onChange={(event) => props.onNote(event.target.value)}
      />
      <p className="save-status" role="status">
        {STATUS[props.noteStatus]}
      </p>
      {highlights.length === 0 ? (
        <p className="muted annotations-empty">
          Select text in the article to highlight it (or press <kbd>h</kbd> with text selected).
        </p>
      ) : (
        <>
          <p className="muted">{plural(highlights.length, 'highlight', 'highlights')}</p>
          {lost > 0 && (
            <p className="annotations-notice" role="note">
              {lost === 1
                ? 'One highlight’s text is not in the article as it is shown now: it is listed but not drawn.'
                : `${lost} highlights’ text is not in the article as it is shown now: they are listed but not drawn.`}
            </p>
          )}
          <ul className="highlight-list" aria-label="Highlights">
            {highlights.map((highlight) => (
              <li key={highlight.id} className="highlight-item" data-color={highlight.color}>
                {orphans.has(highlight.id) ? (
                  <>
                    <blockquote className="highlight-quote is-orphan">{highlight.quote.exact}</blockquote>
                    <p className="muted">Not found in the text.</p>
                    <button
                      type="button"
                      className="text-button danger"
                      onClick={() => props.onDeleteHighlight(highlight.id)}
                    >
                      Delete
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="highlight-quote"
                    title="Show it in the article"
                    onClick={() => props.onShowHighlight(highlight.id)}
                  >
                    {highlight.quote.exact}
                  </button>
                )}
                {highlight.note && <p className="highlight-note">{highlight.note}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
