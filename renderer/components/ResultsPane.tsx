import { useMemo } from 'react';
import type { SortOrder, TagCount } from '../../common/search';
import type { SearchResults } from '../hooks/useSearchResults';
import { useSelection } from '../hooks/useSelection';
import { formatDuration, plural } from '../lib/format';
import { targetsOf } from '../state/selection';
import { ErrorNotice } from './ErrorNotice';
import { Icon } from './Icon';
import { ResultList, type ListSelection } from './ResultList';
import { ListActions } from './ListActions';

interface ResultsPaneProps {
  results: SearchResults;
  /** A query or filter is set: an empty list then means "no match" rather than "nothing yet". */
  filtered: boolean;
  sort: SortOrder;
  onSort(sort: SortOrder): void;
  selected: number | null;
  openIndex: number | null;
  onSelect(index: number): void;
  onOpen(index: number): void;
  onClearFilters(): void;
  onRetry(): void;
  /** Set when the filters pane is collapsed: this pane then offers to show it. */
  onShowFilters: (() => void) | null;
  activeFilterCount: number;
  onCollapse(): void;
  /** On a narrow window the list and the reader take turns; there is nothing to collapse into. */
  canCollapse: boolean;
  /** Which query and filters the list answers (`criteriaKey`): the selection is cleared when it changes. */
  listKey: string;
  openId: string | null;
  tagCounts: TagCount[];
  /** An action changed articles: the list, the facets and the open article are read again. */
  onEdited(): void;
}

export function ResultsPane(props: ResultsPaneProps) {
  const { results, openId } = props;
  const summary = results.summary;
  const marked = useSelection(results.pages, props.listKey);
  const { selection } = marked;
  const targets = useMemo(() => targetsOf(selection, openId), [selection, openId]);
  const targetHits = useMemo(() => {
    const wanted = new Set(targets);
    return (results.pages?.loadedHits() ?? []).filter((hit) => wanted.has(hit.id));
  }, [targets, results.pages]);
  return (
    <section
      id="results-pane"
      className="pane results-pane"
      aria-labelledby="results-heading"
      aria-busy={results.pending}
    >
      <div className="pane-header">
        {props.onShowFilters && (
          <button
            type="button"
            className="icon-button with-badge"
            aria-label={
              props.activeFilterCount > 0
                ? `Show filters (${props.activeFilterCount} active)`
                : 'Show filters'
            }
            title="Show filters"
            onClick={props.onShowFilters}
          >
            <Icon name="filter" />
            {props.activeFilterCount > 0 && (
              <span className="badge" aria-hidden="true">
                {props.activeFilterCount}
              </span>
            )}
          </button>
        )}
        <h2 id="results-heading" className="visually-hidden">
          Articles
        </h2>
        <p className="result-count" role="status">
          {summary ? (
            <>
              <strong>{plural(summary.total, 'article')}</strong>
              <span className="muted"> · {formatDuration(summary.tookMs)}</span>
            </>
          ) : (
            <span className="muted">Searching…</span>
          )}
        </p>
        <label className="sort-select">
          <span className="visually-hidden">Sort by</span>
          <select
            value={props.sort}
            onChange={(event) => props.onSort(event.target.value === 'date' ? 'date' : 'relevance')}
          >
            <option value="relevance">Best match</option>
            <option value="date">Newest first</option>
          </select>
        </label>
        {props.canCollapse && (
          <button
            type="button"
            className="icon-button"
            aria-label="Hide list"
            title="Hide list"
            onClick={props.onCollapse}
          >
            <Icon name="collapse-left" />
          </button>
        )}
      </div>
      {results.pending && <div className="busy-bar" aria-hidden="true" />}
      {summary?.notice && (
        <p className="query-notice" role="note">
          <strong>Searched as plain words.</strong> {summary.notice}
        </p>
      )}
      {targets.length > 0 && (
        <ListActions
          ids={targets}
          isSelection={selection.ids.length > 0}
          hits={targetHits}
          tagCounts={props.tagCounts}
          onClear={marked.clear}
          onEdited={props.onEdited}
        />
      )}
      <ResultsBody {...props} marked={marked} />
    </section>
  );
}

function ResultsBody(props: ResultsPaneProps & { marked: ListSelection }) {
  const { pages, summary, error } = props.results;
  if (error) return <ErrorNotice title="The search failed." error={error} onRetry={props.onRetry} />;
  if (!pages || !summary) return <div className="pane-placeholder muted">Searching…</div>;
  if (summary.total === 0) {
    return (
      <div className="pane-placeholder">
        {props.filtered ? (
          <>
            <p>No article matches.</p>
            <p className="muted small">Try fewer or other words, fewer tags, or a wider date range.</p>
            <button type="button" className="button" onClick={props.onClearFilters}>
              Clear query and filters
            </button>
          </>
        ) : (
          <p className="muted">The library is empty.</p>
        )}
      </div>
    );
  }
  return (
    <ResultList
      pages={pages}
      listKey={props.listKey}
      marked={props.marked}
      selected={props.selected}
      openIndex={props.openIndex}
      onSelect={props.onSelect}
      onOpen={props.onOpen}
    />
  );
}
