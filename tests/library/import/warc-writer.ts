/**
 * A minimal WARC writer for tests: records with exact Content-Length, optionally each gzipped as its own member
 * (the way crawlers write `.warc.gz`). Bodies are bytes, so charsets and chunked/gzip HTTP bodies are exact.
 */
import zlib from 'node:zlib';

export interface WarcRecordSpec {
  type: 'warcinfo' | 'request' | 'response' | 'metadata' | 'revisit' | 'resource';
  uri?: string;
  date?: string;
  /** The block: for request/response, the HTTP head and body (see `httpResponse`). */
  block: Uint8Array | string;
  contentType?: string;
}

export function httpResponse(
  headers: Record<string, string>,
  body: Uint8Array | string,
  status = '200 OK',
): Buffer {
  const head = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join(
    '\r\n',
  );
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)]);
}

/** An HTTP body in chunked transfer coding, cut into pieces of `size` bytes. */
export function chunked(body: Uint8Array | string, size = 50): Buffer {
  const data = Buffer.from(body);
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) {
    const piece = data.subarray(i, i + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

export function warcRecord(spec: WarcRecordSpec, index: number): Buffer {
  const block = Buffer.from(spec.block);
  const contentType =
    spec.contentType ??
    (spec.type === 'response' || spec.type === 'revisit'
      ? 'application/http; msgtype=response'
      : spec.type === 'request'
        ? 'application/http; msgtype=request'
        : 'application/warc-fields');
  const headers = [
    'WARC/1.1',
    `WARC-Type: ${spec.type}`,
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(index).padStart(12, '0')}>`,
    `WARC-Date: ${spec.date ?? '2024-05-06T07:08:09Z'}`,
    ...(spec.uri ? [`WARC-Target-URI: ${spec.uri}`] : []),
    `Content-Type: ${contentType}`,
    `Content-Length: ${block.length}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(headers, 'latin1'), block, Buffer.from('\r\n\r\n')]);
}

export function makeWarc(records: WarcRecordSpec[], gzip = false): Buffer {
  const parts = records.map((r, i) => warcRecord(r, i + 1));
  return Buffer.concat(gzip ? parts.map((p) => zlib.gzipSync(p)) : parts);
}
