import { useId } from 'react';
import type { ReadFilter } from '../../common/search';

interface ReadingFilterProps {
  readState: ReadFilter;
  starred: boolean;
  onReadState(readState: ReadFilter): void;
  onStarred(starred: boolean): void;
}

const CHOICES: Array<[ReadFilter, string]> = [
  ['all', 'All'],
  ['unread', 'Unread'],
  ['read', 'Read'],
];

/** All / Unread / Read, and Starred only. */
export function ReadingFilter({ readState, starred, onReadState, onStarred }: ReadingFilterProps) {
  const id = useId();
  return (
    <section className="filter-section" aria-labelledby={`${id}-heading`}>
      <div className="filter-heading">
        <h3 id={`${id}-heading`}>Reading</h3>
      </div>
      <fieldset className="segmented">
        <legend className="visually-hidden">Reading state</legend>
        {CHOICES.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name={`${id}-read`}
              checked={readState === value}
              onChange={() => onReadState(value)}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <label className="tag-row">
        <input type="checkbox" checked={starred} onChange={(event) => onStarred(event.target.checked)} />
        <span className="tag-name">Starred only</span>
      </label>
    </section>
  );
}
