/**
 * The browser mode: the same renderer and the same API over HTTP. `POST /api/<method>` with a JSON body
 * answers an `Envelope`; everything else is the built renderer. Arguments are validated exactly as over
 * IPC, because anything arriving over the network is untrusted.
 */
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Envelope,
  isMethodName,
  LOCAL_ONLY_METHODS,
  type MethodName,
  parseArgs,
} from '../../common/api';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import { toApiError } from '../../common/errors';
import type { Library } from '../library/library';
import { type AccessPolicy, isLoopback, refuse, TOKEN_COOKIE, tokenFrom } from './access';
import { DEFAULT_STATIC_DIR, readStatic } from './static-files';

/** Uploads arrive base64 in JSON; this bounds one request (a browser import sends batches). */
const MAX_BODY = 256 * 1024 * 1024;

export interface ServeOptions {
  library: Library;
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
  const token = isLoopback(host)
    ? (options.token ?? null)
    : (options.token ?? randomBytes(24).toString('base64url'));
  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  // Bound beyond loopback, clients reach us by names we cannot know: the token guards instead of the Host check.
  const policy: AccessPolicy = { hosts: new Set(), anyHost: !isLoopback(host), token };
  const server = http.createServer((req, res) => {
    void handle(req, res, options.library, policy, staticDir).catch((error: Error) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { kind: 'failed', message: error.message } });
    });
  });
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
  library: Library,
  policy: AccessPolicy,
  staticDir: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://offprint.invalid');
  const refusal = refuse(req, url, policy);
  if (refusal) {
    send(res, 403, { ok: false, error: { kind: 'invalid-argument', message: `Forbidden: ${refusal}` } });
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
  library: Library,
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
  if (!isMethodName(name)) {
    send(res, 404, { ok: false, error: { kind: 'not-found', message: `No API method "${name}"` } });
    return;
  }
  if (LOCAL_ONLY_METHODS.includes(name)) {
    const message = `${name} is not available over HTTP: it names files on the server. Upload files with importFiles.`;
    send(res, 403, { ok: false, error: { kind: 'invalid-argument', message } });
    return;
  }
  let envelope: Envelope<unknown>;
  try {
    const body = await readBody(req);
    const args = parseArgs(name, body.length ? JSON.parse(body) : {});
    const call = library[name as MethodName] as (a: typeof args) => Promise<unknown>;
    envelope = { ok: true, value: await call.call(library, args) };
  } catch (error) {
    const apiError =
      error instanceof SyntaxError
        ? { kind: 'invalid-argument' as const, message: 'The body is not valid JSON' }
        : toApiError(error);
    envelope = { ok: false, error: apiError };
  }
  send(res, envelope.ok ? 200 : (STATUS[envelope.error.kind] ?? 500), envelope);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(
          Object.assign(new Error(`The request is larger than ${MAX_BODY / 1048576} MB`), {
            name: 'InvalidArgument',
          }),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(JSON.stringify(body));
}
