/**
 * The browser mode: the same renderer and the same API over HTTP. `POST /api/<method>` with a JSON body
 * answers an `Envelope`; everything else is the built renderer. Arguments are validated exactly as over
 * IPC, because anything arriving over the network is untrusted.
 */
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Envelope, MethodName, OffprintApi } from '../../common/api';
import type { ImportProgress } from '../../common/import';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import { toApiError } from '../../common/errors';
import { UPLOAD_CONTENT_TYPE, UPLOAD_PATH } from '../../common/upload';
import { BACKUP_DOWNLOAD_PATH } from '../../common/export';
import { dispatch, refusal } from '../library/dispatch';
import { type AccessPolicy, checkToken, isLoopback, refuse, TOKEN_COOKIE, tokenFrom } from './access';
import { BodyTooLarge, closeAfter, readBody, stopReading } from './body';
import { DEFAULT_STATIC_DIR, readStatic } from './static-files';
import { receiveUpload, UploadRefused } from './upload';
import { sendBackup } from './backup-download';

/**
 * One API call's JSON body. Files travel by the streamed upload (`UPLOAD_PATH`), so a call carries arguments
 * only; `importFiles` with base64 contents still works for small files.
 */
export const MAX_JSON_BODY = 8 * 1024 * 1024;

/**
 * What a streamed upload needs beyond the API: its files are already on disk when the import starts, and are
 * removed once it has ended (`importFiles` carries contents instead, which a large upload cannot).
 */
export interface StagedImports {
  importStaged(
    files: Array<{ name: string; path: string }>,
    removeStaged: () => Promise<void>,
  ): ImportProgress;
}

/** The server reaches the library only through the API contract, plus the upload's staged import. */
export type ServedLibrary = OffprintApi & StagedImports;

export interface ServeOptions {
  library: ServedLibrary;
  host?: string;
  port?: number;
  /** Required when `host` is not a loopback address; generated when omitted there. */
  token?: string | null;
  staticDir?: string;
}

export interface RunningServer {
  url: string;
  /** The URL to open, with the token when one is required. */
  openUrl: string;
  token: string | null;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const STATUS: Record<string, number> = {
  'invalid-argument': 400,
  'not-found': 404,
  locked: 409,
  failed: 500,
};

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  // A token given is checked on any address: an empty or short one would only look like protection.
  if (options.token !== undefined && options.token !== null) checkToken(options.token);
  const token = isLoopback(host)
    ? (options.token ?? null)
    : (options.token ?? randomBytes(24).toString('base64url'));
  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  // Bound beyond loopback, clients reach us by names we cannot know: the token guards instead of the Host check.
  const policy: AccessPolicy = { hosts: new Set(), anyHost: !isLoopback(host), token };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res, options.library, policy, staticDir).catch((error: Error) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { kind: 'failed', message: error.message } });
    });
  };
  const server = http.createServer(onRequest);
  // A client that waits for `100 Continue` is told 413 instead when the body it declares is too large.
  server.on('checkContinue', onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4280, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  for (const name of [shown, ...(isLoopback(host) ? ['localhost', '127.0.0.1'] : [])])
    policy.hosts.add(`${name}:${port}`);
  const url = `http://${shown}:${port}/`;
  return {
    url,
    openUrl: token ? `${url}?token=${encodeURIComponent(token)}` : url,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  library: ServedLibrary,
  policy: AccessPolicy,
  staticDir: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://offprint.invalid');
  const refusal = refuse(req, url, policy);
  if (refusal) {
    send(res, 403, { ok: false, error: { kind: 'invalid-argument', message: `Forbidden: ${refusal}` } });
    return;
  }
  if (url.pathname === UPLOAD_PATH && req.method === 'POST') {
    await handleUpload(req, res, library);
    return;
  }
  if (url.pathname === BACKUP_DOWNLOAD_PATH && req.method === 'GET') {
    await handleBackup(res, library);
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    await handleApi(req, res, library, url.pathname.slice(5));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
    return;
  }
  const file = await readStatic(staticDir, url.pathname);
  if (!file) {
    const missing = url.pathname === '/' ? 'The app is not built yet: run `npm run build`.' : 'Not found';
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end(missing);
    return;
  }
  const headers: Record<string, string> = {
    'Content-Type': file.type,
    'Cache-Control': 'no-cache',
    ...SECURITY_HEADERS,
  };
  // The token given in the page URL becomes a cookie, so the page's own scripts and images need not carry it.
  const given = policy.token ? tokenFrom(req, url) : null;
  if (given)
    headers['Set-Cookie'] = `${TOKEN_COOKIE}=${encodeURIComponent(given)}; HttpOnly; SameSite=Strict; Path=/`;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  library: OffprintApi,
  name: string,
): Promise<void> {
  if (req.method !== 'POST') {
    send(res, 405, {
      ok: false,
      error: { kind: 'invalid-argument', message: 'API calls are POST requests' },
    });
    return;
  }
  // Requiring JSON also forces a CORS preflight on cross-site requests, which this server never answers.
  if (!req.headers['content-type']?.startsWith('application/json')) {
    send(res, 415, { ok: false, error: { kind: 'invalid-argument', message: 'API calls take a JSON body' } });
    return;
  }
  // Refused before the body is read: an unknown or local-only method costs the client nothing to send.
  const refused = refusal(name, 'remote');
  if (refused) {
    send(res, refused.kind === 'not-found' ? 404 : 403, { ok: false, error: refused });
    return;
  }
  let rawArgs: unknown;
  try {
    const body = (await readBody(req, res, MAX_JSON_BODY)).toString('utf8');
    rawArgs = body.length ? JSON.parse(body) : {};
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      tooLarge(req, res, error.message);
      return;
    }
    const apiError =
      error instanceof SyntaxError
        ? { kind: 'invalid-argument' as const, message: 'The body is not valid JSON' }
        : toApiError(error);
    send(res, STATUS[apiError.kind] ?? 500, { ok: false, error: apiError });
    return;
  }
  // `refusal` said `name` is a method; the dispatcher checks it again, and parses the arguments.
  const envelope: Envelope<unknown> = await dispatch(() => library, name as MethodName, 'remote', rawArgs);
  send(res, envelope.ok ? 200 : (STATUS[envelope.error.kind] ?? 500), envelope);
}

/** 413, and no more of the body is read: the connection closes once the answer is out. */
function tooLarge(req: IncomingMessage, res: ServerResponse, message: string): void {
  stopReading(req);
  closeAfter(res);
  send(res, 413, { ok: false, error: { kind: 'invalid-argument', message } });
}

/** A streamed upload (common/upload.ts): the files go to disk as they arrive, then one import job takes them. */
async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  library: StagedImports,
): Promise<void> {
  // Requiring this type forces a CORS preflight on a cross-site upload, which this server never answers.
  if (req.headers['content-type'] !== UPLOAD_CONTENT_TYPE) {
    const message = `An upload is sent as ${UPLOAD_CONTENT_TYPE}`;
    stopReading(req);
    closeAfter(res);
    send(res, 415, { ok: false, error: { kind: 'invalid-argument', message } });
    return;
  }
  let staged;
  try {
    staged = await receiveUpload(req, res);
  } catch (error) {
    if (!(error instanceof UploadRefused)) throw error;
    stopReading(req);
    closeAfter(res);
    send(res, error.status, { ok: false, error: { kind: 'invalid-argument', message: error.message } });
    return;
  }
  const progress = library.importStaged(staged.files, staged.remove);
  send(res, 200, { ok: true, value: progress });
}

/** The backup as a download; a failure before the first byte answers as an API error would. */
async function handleBackup(res: ServerResponse, library: OffprintApi): Promise<void> {
  try {
    await sendBackup(res, library, SECURITY_HEADERS);
  } catch (error) {
    if (res.headersSent) res.destroy();
    else {
      const apiError = toApiError(error);
      send(res, STATUS[apiError.kind] ?? 500, { ok: false, error: apiError });
    }
  }
}

function send(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(JSON.stringify(body));
}
