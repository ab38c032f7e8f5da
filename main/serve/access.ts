/**
 * Who may talk to the server. On loopback: only pages of this origin (Host and Origin must be ours, which
 * stops DNS rebinding and cross-site requests from other pages in the same browser). On any other address:
 * an access token as well, given once as `?token=` (it becomes an HttpOnly cookie) or as a Bearer header.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { InvalidArgument } from '../../common/validate';

export const TOKEN_COOKIE = 'offprint_token';

export interface AccessPolicy {
  /** Host header values accepted (`127.0.0.1:4280`, `localhost:4280`, …). */
  hosts: Set<string>;
  /** Accept any Host (a server on the network, where the token is required). */
  anyHost: boolean;
  token: string | null;
}

/** The shortest access token accepted; a generated one is 32 characters. */
export const MIN_TOKEN_LENGTH = 16;

/** Refuses a token too short to guard anything, with the rule in the message. */
export function checkToken(token: string): void {
  if (token.length >= MIN_TOKEN_LENGTH) return;
  const given = token.length === 0 ? 'it is empty' : `it has ${token.length}`;
  throw new InvalidArgument(
    `--token must be at least ${MIN_TOKEN_LENGTH} characters long (${given}); leave it out to have a random one generated.`,
  );
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function sameToken(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function tokenFrom(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookie = req.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${TOKEN_COOKIE}=`));
  if (cookie) {
    try {
      return decodeURIComponent(cookie.slice(TOKEN_COOKIE.length + 1));
    } catch {
      return null; // a malformed cookie is no token
    }
  }
  return url.searchParams.get('token');
}

/** Returns null when the request may proceed, else the reason it may not. */
export function refuse(req: IncomingMessage, url: URL, policy: AccessPolicy): string | null {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!policy.anyHost && !policy.hosts.has(host)) return `unexpected Host header "${host}"`;
  // A page of another site may send requests to us; a browser names its origin, which must be ours.
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && origin.replace(/^https?:\/\//, '').toLowerCase() !== host) {
    return `requests from ${origin} are not allowed`;
  }
  if (policy.token && !sameToken(tokenFrom(req, url), policy.token))
    return 'a valid access token is required';
  return null;
}
