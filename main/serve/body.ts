/**
 * Request bodies read within a limit. A body declared larger than the limit is refused before a byte of it is
 * read (and a client that asked `Expect: 100-continue` never sends it); one that turns out larger while it
 * arrives stops being kept at the limit. Either way the caller answers 413 and the rest of the body is thrown
 * away unread (for a short while, then the connection is cut), never kept, let alone parsed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than the ${describeBytes(limit)} this server accepts.`);
    this.name = 'BodyTooLarge';
  }
}

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Math.round((bytes / 1024 ** 3) * 10) / 10} GiB`;
  return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MiB`;
}

/** The Content-Length the client declared, or null (chunked, or absent). */
export function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length'];
  if (header === undefined || !/^\d+$/.test(header)) return null;
  return Number(header);
}

/** Throws BodyTooLarge when the declared length is over `limit`; else lets a waiting client send the body. */
export function admitBody(req: IncomingMessage, res: ServerResponse, limit: number): void {
  const declared = declaredLength(req);
  if (declared !== null && declared > limit) throw new BodyTooLarge(limit);
  if (req.headers.expect?.toLowerCase() === '100-continue') res.writeContinue();
}

/** The whole body, at most `limit` bytes; stops reading and throws BodyTooLarge past it. */
export function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer> {
  admitBody(req, res, limit);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stopReading(req);
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** No more of this request is read into memory: the answer goes out first (see `closeAfter`). */
export function stopReading(req: IncomingMessage): void {
  req.removeAllListeners('data');
  req.pause();
}

/** How long the rest of a refused body is read and thrown away before the connection is cut. */
const LINGER_MS = 2000;

/**
 * After an answer to a request whose body was not read to its end. Closing at once would make a client that
 * is still sending see a reset instead of the answer (Node's own client does), so the rest of the body is
 * read and thrown away, never kept or parsed, for at most LINGER_MS; a body still arriving then is cut off.
 */
export function closeAfter(res: ServerResponse): void {
  const { req } = res;
  const socket = req.socket;
  res.once('finish', () => {
    if (req.complete) return;
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    const done = () => clearTimeout(timer);
    req.once('end', done);
    socket.once('close', done);
    req.removeAllListeners('data');
    req.resume();
  });
}
