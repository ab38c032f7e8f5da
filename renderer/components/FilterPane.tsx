import { useCallback, useState, type Dispatch } from 'react';
import type { TagCount } from '../../common/search';
import { getBridge } from '../api/bridge';
import { useSavedSearches } from '../hooks/useSavedSearches';
import type { Filters, FiltersAction } from '../state/filters';
import { BackupSection } from './BackupSection';
import { DateFilter } from './DateFilter';
import { Icon } from './Icon';
import { ReadingFilter } from './ReadingFilter';
import { RenameTagDialog } from './RenameTagDialog';
import { SavedSearchList } from './SavedSearchList';
import { TagFilter } from './TagFilter';

interface FilterPaneProps {
  filters: Filters;
  dispatch: Dispatch<FiltersAction>;
  tagCounts: TagCount[];
  onCollapse(): void;
  /** Bumped when the library changes, so the saved searches are read again. */
  reloadKey: number;
  /** A tag was renamed: the list, the facets and the open article are read again. */
  onLibraryEdited(): void;
}

export function FilterPane(props: FilterPaneProps) {
  const { filters, dispatch, tagCounts, onCollapse, reloadKey, onLibraryEdited } = props;
  const saved = useSavedSearches(reloadKey);
  const [renaming, setRenaming] = useState<string | null>(null);
  const renamed = useCallback(
    (from: string, to: string) => {
      setRenaming(null);
      dispatch({ type: 'rename-tag', from, to });
      onLibraryEdited();
    },
    [dispatch, onLibraryEdited],
  );
  return (
    <aside id="filters-pane" className="pane filters-pane" aria-labelledby="filters-heading">
      <div className="pane-header">
        <h2 id="filters-heading">Filters</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Hide filters"
          title="Hide filters"
          onClick={onCollapse}
        >
          <Icon name="collapse-left" />
        </button>
      </div>
      <div className="pane-body">
        <SavedSearchList
          saved={saved}
          current={filters}
          onApply={(search) => dispatch({ type: 'apply', criteria: search.criteria })}
        />
        <ReadingFilter
          readState={filters.readState}
          starred={filters.starred}
          onReadState={(readState) => dispatch({ type: 'set-read-state', readState })}
          onStarred={(starred) => dispatch({ type: 'set-starred', starred })}
        />
        <TagFilter
          counts={tagCounts}
          selected={filters.tags}
          excluded={filters.notTags}
          anyTag={filters.anyTag}
          onTagState={(tag, state) => dispatch({ type: 'set-tag-state', tag, state })}
          onAnyTag={(anyTag) => dispatch({ type: 'set-any-tag', anyTag })}
          onClear={() => dispatch({ type: 'clear-tags' })}
          onRename={setRenaming}
        />
        <DateFilter
          from={filters.from}
          to={filters.to}
          onFrom={(date) => dispatch({ type: 'set-from', date })}
          onTo={(date) => dispatch({ type: 'set-to', date })}
          onClear={() => dispatch({ type: 'clear-dates' })}
        />
        {getBridge() === null && <BackupSection />}
      </div>
      {renaming !== null && (
        <RenameTagDialog
          tag={renaming}
          counts={tagCounts}
          onRenamed={renamed}
          onClose={() => setRenaming(null)}
        />
      )}
    </aside>
  );
}
