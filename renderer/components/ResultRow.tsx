import type { SearchHit } from '../../common/search';
import { articleHash } from '../lib/article-hash';
import { formatDate } from '../lib/format';
import type { RowState } from '../state/result-pages';
import { Snippet } from './Snippet';

interface ResultRowProps {
  hit: SearchHit | undefined;
  state: RowState;
  selected: boolean;
  isOpen: boolean;
  /** Only one row is in the tab order (roving focus), so Tab leaves the list in one step. */
  tabbable: boolean;
  onOpen(): void;
}

const TAGS_SHOWN = 3;

/**
 * One hit. The link holds the title and nothing else, so its accessible name is exactly the title; site, date,
 * tags and snippet sit beside it.
 */
export function ResultRow({ hit, state, selected, isOpen, tabbable, onOpen }: ResultRowProps) {
  if (!hit) {
    return (
      <div className="row-placeholder">
        {state === 'failed' ? 'Could not load these results.' : 'Loading…'}
      </div>
    );
  }
  const date = formatDate(hit.published);
  const extraTags = hit.tags.length - TAGS_SHOWN;
  return (
    <div className={`row${selected ? ' is-selected' : ''}${isOpen ? ' is-open' : ''}`} onClick={onOpen}>
      <a
        className="row-title"
        href={articleHash(hit.id)}
        tabIndex={tabbable ? 0 : -1}
        aria-current={isOpen ? 'true' : undefined}
        onClick={(event) => {
          // Opening happens in place; the address gives the row a real link role, and opens it in a new tab.
          event.preventDefault();
          event.stopPropagation();
          onOpen();
        }}
      >
        {hit.title}
      </a>
      {(hit.site || date || hit.tags.length > 0) && (
        <div className="row-meta">
          {hit.site && <span className="row-site">{hit.site}</span>}
          {date && <time dateTime={hit.published ?? undefined}>{date}</time>}
          {hit.tags.slice(0, TAGS_SHOWN).map((tag) => (
            <span key={tag} className="chip">
              {tag}
            </span>
          ))}
          {extraTags > 0 && <span className="chip chip-more">+{extraTags}</span>}
        </div>
      )}
      <p className="row-snippet">
        <Snippet html={hit.snippet} />
      </p>
    </div>
  );
}
