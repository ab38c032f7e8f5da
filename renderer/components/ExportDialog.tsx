import { useCallback, useId, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../common/export';
import { api, describeError } from '../api/client';
import { base64Blob, downloadBlob } from '../dom/download';
import { useAction } from '../hooks/useAction';
import { Dialog } from './Dialog';

const LABELS: Record<ExportFormat, string> = {
  markdown: 'Markdown (front matter, highlights and notes)',
  html: 'Clean HTML',
  json: 'JSON (with highlights, notes and reading state)',
};

/** Exports the articles in a chosen format and downloads the file (one article) or zip (several). */
export function ExportDialog({ ids, what, onClose }: { ids: string[]; what: string; onClose(): void }) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const exporting = useAction(
    useCallback(async () => {
      const file = await api.exportArticles({ ids, format });
      downloadBlob(base64Blob(file.data, file.mediaType), file.name);
      onClose();
    }, [ids, format, onClose]),
  );
  return (
    <Dialog
      title={`Export ${what}`}
      submitLabel="Export"
      busy={exporting.busy}
      onSubmit={() => void exporting.run()}
      onClose={onClose}
    >
      <fieldset className="choices">
        <legend>Format</legend>
        {EXPORT_FORMATS.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-format`}
              checked={format === value}
              onChange={() => setFormat(value)}
            />
            <span>{LABELS[value]}</span>
          </label>
        ))}
      </fieldset>
      {exporting.error !== null && (
        <p className="dialog-error" role="alert">
          {describeError(exporting.error)}
        </p>
      )}
    </Dialog>
  );
}
