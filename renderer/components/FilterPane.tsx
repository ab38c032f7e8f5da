import type { Dispatch } from 'react';
import type { TagCount } from '../../common/search';
import type { Filters, FiltersAction } from '../state/filters';
import { DateFilter } from './DateFilter';
import { Icon } from './Icon';
import { TagFilter } from './TagFilter';

interface FilterPaneProps {
  filters: Filters;
  dispatch: Dispatch<FiltersAction>;
  tagCounts: TagCount[];
  onCollapse(): void;
}

export function FilterPane({ filters, dispatch, tagCounts, onCollapse }: FilterPaneProps) {
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
        <TagFilter
          counts={tagCounts}
          selected={filters.tags}
          anyTag={filters.anyTag}
          onToggle={(tag) => dispatch({ type: 'toggle-tag', tag })}
          onAnyTag={(anyTag) => dispatch({ type: 'set-any-tag', anyTag })}
          onClear={() => dispatch({ type: 'clear-tags' })}
        />
        <DateFilter
          from={filters.from}
          to={filters.to}
          onFrom={(date) => dispatch({ type: 'set-from', date })}
          onTo={(date) => dispatch({ type: 'set-to', date })}
          onClear={() => dispatch({ type: 'clear-dates' })}
        />
      </div>
    </aside>
  );
}
