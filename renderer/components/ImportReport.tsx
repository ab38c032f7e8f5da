import type { ImportReport as Report } from '../../common/import';
import { formatCount } from '../lib/format';

/** Long reports list the first entries; the counts above them are always complete. */
const LISTED = 200;

function Section<T>({
  title,
  items,
  open,
  render,
}: {
  title: string;
  items: T[];
  open: boolean;
  render(item: T): string;
}) {
  if (items.length === 0) return null;
  return (
    <details className="report-section" open={open}>
      <summary>
        {title} ({formatCount(items.length)})
      </summary>
      <ul>
        {items.slice(0, LISTED).map((item, index) => (
          <li key={index}>{render(item)}</li>
        ))}
        {items.length > LISTED && <li className="muted">and {formatCount(items.length - LISTED)} more</li>}
      </ul>
    </details>
  );
}

/** What happened to each input: failures open by default, with their reasons, since those need the user. */
export function ImportReport({ report }: { report: Report }) {
  return (
    <div className="import-report">
      <Section
        title="Failed"
        items={report.failed}
        open
        render={(item) => `${item.source}: ${item.reason}`}
      />
      <Section
        title="Already in the library"
        items={report.duplicates}
        open={false}
        render={(item) => item.source}
      />
      <Section
        title="Imported"
        items={report.imported}
        open={false}
        render={(item) => `${item.title} (${item.source})${item.versionOf ? ', a new version' : ''}`}
      />
    </div>
  );
}
