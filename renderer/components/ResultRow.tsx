import type { MouseEvent } from 'react';
import type { SearchHit } from '../../common/search';
import { articleHash } from '../lib/article-hash';
import { formatDate, plural } from '../lib/format';
import type { RowState } from '../state/result-pages';
import { Snippet } from './Snippet';

/** How a row was clicked: plainly (open), with Ctrl/Cmd (toggle in the selection), with Shift (a range). */
export type RowClick = 'open' | 'toggle' | 'range';

interface ResultRowProps {
  hit: SearchHit | undefined;
  state: RowState;
  selected: boolean;
  /** In the multi-selection the toolbar acts on. */
  marked: boolean;
  isOpen: boolean;
  /** Only one row is in the tab order (roving focus), so Tab leaves the list in one step. */
  tabbable: boolean;
  onClick(kind: RowClick): void;
}

const TAGS_SHOWN = 3;

function clickKind(event: MouseEvent): RowClick {
  if (event.shiftKey) return 'range';
  if (event.ctrlKey || event.metaKey) return 'toggle';
  return 'open';
}

/**
 * One hit. The link holds the title and nothing else, so its accessible name is exactly the title; site, date,
 * tags, reading state and snippet sit beside it.
 */
export function ResultRow({ hit, state, selected, marked, isOpen, tabbable, onClick }: ResultRowProps) {
  if (!hit) {
    return (
      <div className="row-placeholder">
        {state === 'failed' ? 'Could not load these results.' : 'Loading…'}
      </div>
    );
  }
  const date = formatDate(hit.published);
  const extraTags = hit.tags.length - TAGS_SHOWN;
  const classes = [
    'row',
    selected && 'is-selected',
    marked && 'is-marked',
    isOpen && 'is-open',
    !hit.read && 'is-unread',
  ].filter(Boolean);
  return (
    <div
      className={classes.join(' ')}
      onClick={(event) => onClick(clickKind(event))}
      // Shift+click would otherwise select the text between two rows.
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
    >
      <div className="row-head">
        {marked && (
          <span className="row-check" aria-hidden="true">
            ✓
          </span>
        )}
        {!hit.read && <span className="row-unread-dot" title="Unread" aria-hidden="true" />}
        <a
          className="row-title"
          href={articleHash(hit.id)}
          tabIndex={tabbable ? 0 : -1}
          aria-current={isOpen ? 'true' : undefined}
          onClick={(event) => {
            // Opening happens in place; the address gives the row a real link role, and opens it in a new tab.
            event.preventDefault();
            event.stopPropagation();
            onClick(clickKind(event));
          }}
        >
          {hit.title}
        </a>
        {hit.starred && (
          <span className="row-star" title="Starred" aria-hidden="true">
            ★
          </span>
        )}
        <span className="visually-hidden">
          {[marked && 'selected', hit.read ? 'read' : 'unread', hit.starred && 'starred']
            .filter(Boolean)
            .join(', ')}
        </span>
      </div>
      {(hit.site || date || hit.tags.length > 0 || hit.highlights > 0 || hit.hasNote) && (
        <div className="row-meta">
          {hit.site && <span className="row-site">{hit.site}</span>}
          {date && <time dateTime={hit.published ?? undefined}>{date}</time>}
          {hit.highlights > 0 && (
            <span className="row-annotations" title={plural(hit.highlights, 'highlight')}>
              <span aria-hidden="true">▍</span>
              {hit.highlights}
              <span className="visually-hidden"> {hit.highlights === 1 ? 'highlight' : 'highlights'}</span>
            </span>
          )}
          {hit.hasNote && (
            <span className="row-annotations" title="Has a note">
              <span aria-hidden="true">✎</span>
              <span className="visually-hidden">has a note</span>
            </span>
          )}
          {hit.tags.slice(0, TAGS_SHOWN).map((tag) => (
            <span key={tag} className="chip">
              {tag}
            </span>
          ))}
          {extraTags > 0 && <span className="chip chip-more">+{extraTags}</span>}
        </div>
      )}
      <p className={`row-snippet${hit.annotationSnippet ? ' is-short' : ''}`}>
        <Snippet html={hit.snippet} />
      </p>
      {hit.annotationSnippet && (
        <p className="row-annotation-snippet">
          <span className="visually-hidden">In your highlights or notes: </span>
          <Snippet html={hit.annotationSnippet} />
        </p>
      )}
    </div>
  );
}
