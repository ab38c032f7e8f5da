import { useId } from 'react';

interface DateFilterProps {
  from: string | null;
  to: string | null;
  onFrom(date: string | null): void;
  onTo(date: string | null): void;
  onClear(): void;
}

/** The published-date range, inclusive; articles without a date drop out once either end is set. */
export function DateFilter({ from, to, onFrom, onTo, onClear }: DateFilterProps) {
  const id = useId();
  return (
    <section className="filter-section" aria-labelledby={`${id}-heading`}>
      <div className="filter-heading">
        <h3 id={`${id}-heading`}>Published</h3>
        {(from !== null || to !== null) && (
          <button type="button" className="text-button" onClick={onClear}>
            Clear dates
          </button>
        )}
      </div>
      <div className="date-range">
        <label>
          <span>From</span>
          <input
            type="date"
            value={from ?? ''}
            max={to ?? undefined}
            onChange={(event) => onFrom(event.target.value || null)}
          />
        </label>
        <label>
          <span>To</span>
          <input
            type="date"
            value={to ?? ''}
            min={from ?? undefined}
            onChange={(event) => onTo(event.target.value || null)}
          />
        </label>
      </div>
      <p className="muted small">Undated articles are left out while a date is set.</p>
    </section>
  );
}
