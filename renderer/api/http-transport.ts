/** The API over HTTP for the browser mode: `POST /api/<method>` with the arguments as JSON, answered by an envelope. */
import type { MethodName } from '../../common/api';
import { UPLOAD_CONTENT_TYPE, UPLOAD_PATH, type UploadManifest } from '../../common/upload';
import { captureToken } from './auth-token';

let token: string | null | undefined;

function authorization(): Record<string, string> {
  // Captured lazily, on the first call, so importing this module has no side effect on the address bar.
  if (token === undefined) token = captureToken();
  return token === null ? {} : { Authorization: `Bearer ${token}` };
}

/** Sends one call; answers the parsed JSON body, whatever the status (error envelopes come with 4xx/5xx). */
export async function postJson(method: MethodName, args: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authorization() },
      body: JSON.stringify(args),
    });
  } catch {
    throw new Error('Cannot reach the Offprint server. Is `offprint serve` still running?');
  }
  try {
    return await response.json();
  } catch {
    throw new Error(
      `The Offprint server answered ${response.status} ${response.statusText} without a result.`,
    );
  }
}

/**
 * Uploads files as one streamed body (common/upload.ts): the browser reads them from disk as it sends, and the
 * server writes them to disk as they arrive, so no side holds them in memory. Answers the import job's envelope.
 */
export async function postUpload(files: ReadonlyArray<{ name: string; file: Blob }>): Promise<unknown> {
  const manifest: UploadManifest = { files: files.map(({ name, file }) => ({ name, size: file.size })) };
  const body = new Blob([`${JSON.stringify(manifest)}\n`, ...files.map(({ file }) => file)]);
  let response: Response;
  try {
    response = await fetch(UPLOAD_PATH, {
      method: 'POST',
      headers: { 'Content-Type': UPLOAD_CONTENT_TYPE, ...authorization() },
      body,
    });
  } catch {
    throw new Error('Cannot reach the Offprint server. Is `offprint serve` still running?');
  }
  try {
    return await response.json();
  } catch {
    throw new Error(
      `The Offprint server answered ${response.status} ${response.statusText} without a result.`,
    );
  }
}

/** Where the browser mode downloads a whole-library backup (a zip that an import restores). */
export const BACKUP_PATH = '/backup';

/**
 * The backup zip from `GET /backup`, with the same token as API calls (a plain link would carry it only
 * through the cookie, which a page opened without `?token=` in its URL never got).
 */
export async function fetchBackup(): Promise<{ blob: Blob; name: string }> {
  let response: Response;
  try {
    response = await fetch(BACKUP_PATH, { headers: authorization() });
  } catch {
    throw new Error('Cannot reach the Offprint server. Is `offprint serve` still running?');
  }
  if (!response.ok) {
    const message = await response
      .json()
      .then((body: { error?: { message?: string } }) => body.error?.message)
      .catch(() => undefined);
    throw new Error(message ?? `The backup failed: ${response.status} ${response.statusText}.`);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? backupName(new Date());
  return { blob: await response.blob(), name };
}

/** `offprint-backup-2026-12-01.zip`. */
export function backupName(date: Date): string {
  return `offprint-backup-${date.toISOString().slice(0, 10)}.zip`;
}
