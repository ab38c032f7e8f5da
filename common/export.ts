/** Citations and exports: the formats the API offers and what it answers with. */

/**
 * `bibtex`, `ris` and `csl-json` are data for reference managers; `apa`, `harvard` and `vancouver` are
 * formatted references, rendered by citeproc-js with the CSL style bundled with citation-js.
 */
export const CITATION_FORMATS = ['bibtex', 'ris', 'csl-json', 'apa', 'harvard', 'vancouver'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export interface Citation {
  format: CitationFormat;
  mediaType: string;
  /** The citation as text (a formatted reference as plain text). */
  text: string;
  /** A formatted reference as HTML (for rich copy); null for data formats. */
  html: string | null;
}

/**
 * `markdown`: YAML front matter, the body, highlights and notes; `html`: clean standalone HTML; `json`: the
 * articles with their user data. One article is one file; several are a zip of one file each (JSON: one file).
 */
export const EXPORT_FORMATS = ['markdown', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  /** A safe file name (no folders), e.g. `drone-attack-on-iraqi-pm.md` or `offprint-export-3-articles.zip`. */
  name: string;
  mediaType: string;
  /** base64 */
  data: string;
}

/** What writing a backup produced. */
export interface BackupResult {
  /** Absolute path of the zip written. */
  path: string;
  articles: number;
  bytes: number;
}

/** Browser mode: `GET` this path downloads a backup of the library (same access rules as the API). */
export const BACKUP_DOWNLOAD_PATH = '/backup';
