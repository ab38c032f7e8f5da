import { useId, useMemo, useState } from 'react';
import type { TagCount } from '../../common/search';
import { formatCount } from '../lib/format';

interface TagFilterProps {
  /** Counts over the current results, most frequent first. */
  counts: TagCount[];
  selected: string[];
  anyTag: boolean;
  onToggle(tag: string): void;
  onAnyTag(anyTag: boolean): void;
  onClear(): void;
}

/** Rendering thousands of checkboxes on every keystroke would make typing lag; the rest are one click away. */
const SHOWN_AT_FIRST = 150;
/** Below this many tags a finder box is just clutter. */
const FINDER_FROM = 12;

/**
 * Every tag of the current results with its count. Each checkbox is named by its tag alone (the count is its
 * description), so "tech" is found as the checkbox "tech" by screen readers and tests alike.
 */
export function TagFilter({ counts, selected, anyTag, onToggle, onAnyTag, onClear }: TagFilterProps) {
  const id = useId();
  const [find, setFind] = useState('');
  const [showAll, setShowAll] = useState(false);

  const rows = useMemo(() => {
    const byTag = new Map(counts.map((entry) => [entry.tag, entry.count]));
    // Selected tags come first and stay even when no result has them any more, so they can be unchecked.
    const chosen = selected.map((tag) => ({ tag, count: byTag.get(tag) ?? 0 }));
    const rest = counts.filter((entry) => !selected.includes(entry.tag));
    const needle = find.trim().toLowerCase();
    return [...chosen, ...(needle ? rest.filter((entry) => entry.tag.toLowerCase().includes(needle)) : rest)];
  }, [counts, selected, find]);

  const visible = showAll ? rows : rows.slice(0, SHOWN_AT_FIRST);

  return (
    <section className="filter-section" aria-labelledby={`${id}-heading`}>
      <div className="filter-heading">
        <h3 id={`${id}-heading`}>Tags</h3>
        {selected.length > 0 && (
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
          {visible.map(({ tag, count }, index) => (
            <li key={tag}>
              <label className="tag-row">
                <input
                  type="checkbox"
                  checked={selected.includes(tag)}
                  onChange={() => onToggle(tag)}
                  aria-describedby={`${id}-count-${index}`}
                />
                <span className="tag-name">{tag}</span>
                <span id={`${id}-count-${index}`} className="tag-count" aria-hidden="true">
                  {formatCount(count)}
                  <span className="visually-hidden"> articles</span>
                </span>
              </label>
            </li>
          ))}
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
