import { useEffect, useId, useState } from 'react';
import { CITATION_FORMATS, type Citation, type CitationFormat } from '../../common/export';
import { api, describeError } from '../api/client';
import { copyText, copyTextAndHtml } from '../dom/clipboard';
import { Dialog } from './Dialog';

const LABELS: Record<CitationFormat, string> = {
  apa: 'APA',
  harvard: 'Harvard',
  vancouver: 'Vancouver',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
};

/** Cites the articles in a chosen format: shown, and copied to the clipboard on "Copy". */
export function CiteDialog({ ids, what, onClose }: { ids: string[]; what: string; onClose(): void }) {
  const id = useId();
  const [format, setFormat] = useState<CitationFormat>('apa');
  const [citation, setCitation] = useState<Citation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setCitation(null);
    setError(null);
    setCopied(null);
    api.cite({ ids, format }).then(
      (answer) => current && setCitation(answer),
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [ids, format]);

  const copy = async () => {
    if (!citation) return;
    try {
      // A formatted reference goes as rich text too (pasted into a word processor it keeps its italics).
      if (citation.html !== null) await copyTextAndHtml(citation.text, citation.html);
      else await copyText(citation.text);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('The clipboard is not available here: select the text above and copy it.');
    }
  };

  return (
    <Dialog
      title={`Cite ${what}`}
      submitLabel="Copy"
      submitDisabled={citation === null}
      onSubmit={() => void copy()}
      onClose={onClose}
    >
      <label className="field">
        <span>Format</span>
        <select value={format} onChange={(event) => setFormat(event.target.value as CitationFormat)}>
          {CITATION_FORMATS.map((value) => (
            <option key={value} value={value}>
              {LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span id={`${id}-label`}>Citation</span>
        <textarea
          className="citation-text"
          readOnly
          rows={8}
          value={citation?.text ?? (error ? '' : 'Citing…')}
        />
      </label>
      {error !== null && (
        <p className="dialog-error" role="alert">
          {describeError(error)}
        </p>
      )}
      {copied && (
        <p className="muted small" role="status">
          {copied}
        </p>
      )}
    </Dialog>
  );
}
