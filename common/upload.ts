/**
 * Browser-mode uploads, streamed: `POST /upload` with `Content-Type: application/octet-stream` and, as the body,
 * one line of JSON (`UploadManifest`) followed by the files' bytes one after another, in the manifest's order.
 * A browser sends such a body from a Blob of the picked files without reading them into memory, and the
 * server writes each file to disk as it arrives. The answer is the `Envelope` of the import job it started.
 */
export const UPLOAD_PATH = '/upload';
export const UPLOAD_CONTENT_TYPE = 'application/octet-stream';

export interface UploadManifest {
  files: Array<{ name: string; size: number }>;
}

/** The manifest line may not be longer than this. */
export const MAX_UPLOAD_MANIFEST_BYTES = 4 * 1024 * 1024;
/** One uploaded file; the importers refuse most formats well below this. */
export const MAX_UPLOAD_FILE_BYTES = 1024 ** 3;
/** One upload request, all files together. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
export const MAX_UPLOAD_FILES = 10_000;
