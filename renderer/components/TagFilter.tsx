import { useId, useMemo, useState, type MouseEvent } from 'react';
import type { TagCount } from '../../common/search';
import { formatCount } from '../lib/format';
import { ancestorsOf, buildTagTree, flattenTree, type TagRow } from '../lib/tag-tree';
import type { TagState } from '../state/filters';

interface TagFilterProps {
  /** Counts over the current results, most frequent first, ancestors of hierarchical tags included. */
  counts: TagCount[];
  /** Included tags (all-of or any-of). */
  selected: string[];
  /** Excluded tags (none-of). */
  excluded: string[];
  anyTag: boolean;
  onTagState(tag: string, state: TagState): void;
  onAnyTag(anyTag: boolean): void;
  onClear(): void;
  onRename(tag: string): void;
}

/** The box is controlled and its clicks are handled in onClick; see onCheckboxClick. */
const ignoreChange = () => undefined;

/** Rendering thousands of checkboxes on every keystroke would make typing lag; the rest are one click away. */
const SHOWN_AT_FIRST = 150;
/** Below this many tags a finder box is just clutter. */
const FINDER_FROM = 12;

const lower = (tag: string) => tag.toLowerCase();

/**
 * Every tag of the current results with its count, nested by `/` (a parent counts its children's articles, and
 * filtering by it includes them). Each tag has a checkbox (include), named by the full tag so "region/europe"
 * is found as such by screen readers and tests alike, and a toggle button that excludes it (none-of); Alt+click
 * on the checkbox excludes too. The rename button opens the rename/merge dialog.
 */
export function TagFilter(props: TagFilterProps) {
  const { counts, selected, excluded, anyTag, onTagState, onAnyTag, onClear, onRename } = props;
  const id = useId();
  const [find, setFind] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const rows = useMemo((): TagRow[] => {
    const chosen = [...selected, ...excluded];
    const known = new Set(counts.map((entry) => lower(entry.tag)));
    // Chosen tags stay even when no result has them any more (an excluded tag never has), so they can be undone.
    const missing = chosen
      .filter((tag) => !known.has(lower(tag)))
      .map((tag) => ({ tag, label: tag, count: 0, depth: 0, hasChildren: false, expanded: false }));
    const needle = find.trim().toLowerCase();
    if (needle) {
      const found = counts
        .filter((entry) => lower(entry.tag).includes(needle))
        .map(({ tag, count }) => ({ tag, label: tag, count, depth: 0, hasChildren: false, expanded: false }));
      return [...missing, ...found];
    }
    const open = new Set([...expanded, ...ancestorsOf(chosen)]);
    return [...missing, ...flattenTree(buildTagTree(counts), open)];
  }, [counts, selected, excluded, find, expanded]);

  const visible = showAll ? rows : rows.slice(0, SHOWN_AT_FIRST);
  // Room for the disclosure triangles only when some tag has sub-tags.
  const nested = rows.some((row) => row.hasChildren || row.depth > 0);
  const stateOf = (tag: string): TagState =>
    selected.some((other) => lower(other) === lower(tag))
      ? 'include'
      : excluded.some((other) => lower(other) === lower(tag))
        ? 'exclude'
        : 'off';
  const toggleExpanded = (tag: string, open: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(lower(tag));
      else next.delete(lower(tag));
      return next;
    });

  // Both meanings are decided on click (Space on the box clicks it too): React would also fire onChange for an
  // Alt+click whose default was prevented, and include the tag just excluded.
  const onCheckboxClick = (event: MouseEvent<HTMLInputElement>, tag: string) => {
    const state = stateOf(tag);
    if (event.altKey) {
      event.preventDefault();
      onTagState(tag, state === 'exclude' ? 'off' : 'exclude');
    } else {
      onTagState(tag, state === 'include' ? 'off' : 'include');
    }
  };

  return (
    <section className="filter-section" aria-labelledby={`${id}-heading`}>
      <div className="filter-heading">
        <h3 id={`${id}-heading`}>Tags</h3>
        {selected.length + excluded.length > 0 && (
          <button type="button" className="text-button" onClick={onClear}>
            Clear tags
          </button>
        )}
      </div>
      <fieldset className="segmented">
        <legend>Match</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={!anyTag} onChange={() => onAnyTag(false)} />
          <span>all of</span>
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={anyTag} onChange={() => onAnyTag(true)} />
          <span>any of</span>
        </label>
      </fieldset>
      <p id={`${id}-hint`} className="muted small tag-hint">
        Tick to include; <span aria-hidden="true">⊘</span> (or Alt+click) to leave a tag out.
      </p>
      {counts.length >= FINDER_FROM && (
        <input
          type="text"
          className="tag-finder"
          aria-label="Find a tag"
          placeholder="Find a tag"
          value={find}
          onChange={(event) => setFind(event.target.value)}
        />
      )}
      {rows.length === 0 ? (
        <p className="muted small">{find ? 'No tag matches.' : 'No tags in these results.'}</p>
      ) : (
        <ul className="tag-list">
          {visible.map((row, index) => {
            const state = stateOf(row.tag);
            return (
              <li key={row.tag}>
                <div
                  className={`tag-row is-${state}`}
                  style={{ paddingLeft: `${0.375 + row.depth * 1.1}rem` }}
                >
                  {row.hasChildren ? (
                    <button
                      type="button"
                      className="tag-disclosure"
                      aria-expanded={row.expanded}
                      aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${row.tag}`}
                      onClick={() => toggleExpanded(row.tag, !row.expanded)}
                    >
                      <span aria-hidden="true">{row.expanded ? '▾' : '▸'}</span>
                    </button>
                  ) : (
                    nested && <span className="tag-disclosure" aria-hidden="true" />
                  )}
                  <label className="tag-check" title="Tick to include; Alt+click to leave out">
                    <input
                      type="checkbox"
                      aria-label={row.tag}
                      checked={state === 'include'}
                      onClick={(event) => onCheckboxClick(event, row.tag)}
                      onChange={ignoreChange}
                      aria-describedby={`${id}-count-${index}`}
                    />
                    <span className="tag-name">{row.label}</span>
                  </label>
                  <span id={`${id}-count-${index}`} className="tag-count" aria-hidden="true">
                    {formatCount(row.count)}
                    <span className="visually-hidden">{row.count === 1 ? ' article' : ' articles'}</span>
                  </span>
                  <button
                    type="button"
                    className="tag-action tag-exclude"
                    aria-pressed={state === 'exclude'}
                    aria-label={`Exclude ${row.tag}`}
                    title={state === 'exclude' ? `Stop leaving out ${row.tag}` : `Leave out ${row.tag}`}
                    onClick={() => onTagState(row.tag, state === 'exclude' ? 'off' : 'exclude')}
                  >
                    <span aria-hidden="true">⊘</span>
                  </button>
                  <button
                    type="button"
                    className="tag-action tag-rename"
                    aria-label={`Rename ${row.tag}`}
                    title={`Rename or merge ${row.tag}`}
                    onClick={() => onRename(row.tag)}
                  >
                    <span aria-hidden="true">✎</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {rows.length > visible.length && (
        <button type="button" className="text-button" onClick={() => setShowAll(true)}>
          Show all {formatCount(rows.length)} tags
        </button>
      )}
    </section>
  );
}
