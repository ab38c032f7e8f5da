/**
 * Web archives (`.warc`, `.warc.gz`), recognised by their content: `WARC/1.x` at the start, or gzip whose first
 * decompressed bytes are `WARC/`. Records are streamed with warcio (from the file on disk when there is one, so a
 * multi-GB crawl is never held in memory); each `response` record whose HTTP Content-Type is HTML and whose status
 * is 2xx becomes one article read by the HTML page importer, with the record's target URI as its URL, its capture
 * date as the fallback publication date and the HTTP charset as the transport charset. Requests, metadata,
 * revisits, redirects and non-HTML responses are not articles and are skipped without a failure. Bodies are taken
 * with `readFully(true)` (chunked and gzip transfer undone) and decoded here: warcio's `contentText()` ignores the
 * declared charset.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { AsyncIterReader, LimitReader, WARCParser, type WARCRecord } from 'warcio';
import type { Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';
import { readHtmlPage } from './html-page';
import { SOURCE_SEPARATOR } from './zip-archive';

/** One HTML response larger than this is not an article (and would have to be held in memory). */
export const MAX_WARC_HTML_BYTES = 64 * 1024 * 1024;

const WARC_MAGIC = [0x57, 0x41, 0x52, 0x43, 0x2f]; // "WARC/"

function startsWithWarc(bytes: Uint8Array): boolean {
  return WARC_MAGIC.every((b, i) => bytes[i] === b);
}

/** True for a WARC, plain or gzip-compressed (per-record gzip members or one stream: both start the same). */
export function looksLikeWarc(bytes: Uint8Array): boolean {
  if (startsWithWarc(bytes)) return true;
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return false;
  try {
    // Only a prefix: a truncated stream is fine with SYNC_FLUSH, and the head is all we need.
    const head = zlib.gunzipSync(bytes.subarray(0, 4096), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    return startsWithWarc(head);
  } catch {
    return false;
  }
}

/** `text/html; charset=ISO-8859-1` → { html: true, charset: 'ISO-8859-1' }. */
export function parseContentType(value: string | null | undefined): { mime: string; charset: string | null } {
  const [mime = '', ...params] = (value ?? '').split(';');
  let charset: string | null = null;
  for (const param of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(param);
    if (m) charset = m[1]!;
  }
  return { mime: mime.trim().toLowerCase(), charset };
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The body of an HTTP response with its transfer and content codings undone; null when the record is cut short. */
async function responseBody(record: WARCRecord): Promise<Uint8Array | null> {
  const raw = await record.readFully(false);
  // warcio hands over a short block without complaint when the file ends inside the record.
  if (record._reader instanceof LimitReader && record._reader.limit > 0) return null;
  const headers = record.httpHeaders?.headers;
  const transfer = (headers?.get('transfer-encoding') ?? '').trim().toLowerCase();
  const chunked = transfer === 'chunked';
  // Some servers (and crawlers) name the content coding in Transfer-Encoding; warcio reads it the same way.
  const coding = (headers?.get('content-encoding') ?? (chunked ? '' : transfer)).trim().toLowerCase();
  const compressed =
    coding === 'gzip' || coding === 'x-gzip' ? 'gzip' : coding === 'deflate' ? 'deflate' : null;
  const body =
    chunked || compressed ? await new AsyncIterReader([raw], compressed, chunked).readFully() : raw;
  // pako cannot undo Brotli; Node can.
  return coding === 'br' ? zlib.brotliDecompressSync(body) : body;
}

/** A file name for the kept original: the last path segment of the URL, with `.html`. */
function originalName(uri: string): string {
  let base = 'page';
  try {
    const segment = new URL(uri).pathname.split('/').filter(Boolean).pop();
    if (segment) base = segment.replace(/\.[^.]*$/, '') || 'page';
  } catch {
    // A target URI that is not a URL still names a record.
  }
  return `${base}.html`;
}

export async function* readWarc(input: ImportInput): AsyncGenerator<ImportOutcome> {
  // From disk when possible: warcio pulls the file through in chunks and skips bodies it is not asked for.
  const source = input.path ? fs.createReadStream(input.path) : [input.bytes];
  const total = input.path ? (await fs.promises.stat(input.path)).size : input.bytes.length;
  const parser = new WARCParser(source);
  let pages = 0;
  let records = 0;
  try {
    for await (const record of parser) {
      records++;
      if (record.warcType !== 'response' || !record.httpHeaders) continue;
      const status = Number(record.httpHeaders.statusCode);
      if (!(status >= 200 && status < 300)) continue;
      const { mime, charset } = parseContentType(record.httpHeaders.headers.get('content-type'));
      if (!HTML_TYPES.has(mime)) continue;
      const uri = record.warcTargetURI ?? '';
      const source = `${input.name}${SOURCE_SEPARATOR}${uri || `record ${records}`}`;
      const length = Number(record.warcHeaders.headers.get('content-length') ?? 0);
      if (length > MAX_WARC_HTML_BYTES) {
        yield {
          kind: 'failed',
          source,
          reason: `the page is too large to be an article (${Math.round(length / 1048576)} MB)`,
        };
        continue;
      }
      let body: Uint8Array | null;
      try {
        body = await responseBody(record);
      } catch (error) {
        yield { kind: 'failed', source, reason: `the response body is damaged: ${(error as Error).message}` };
        continue;
      }
      if (!body) {
        yield { kind: 'failed', source, reason: 'the record is cut short (the file ends inside it)' };
        continue;
      }
      const name = originalName(uri);
      const result = readHtmlPage(body, name, {
        url: uri || null,
        publishedFallback: record.warcDate ?? null,
        charset,
      });
      pages++;
      if (!result) {
        yield { kind: 'failed', source, reason: 'the page has no readable text' };
        continue;
      }
      yield {
        kind: 'article',
        source,
        // A copy: warcio may reuse the buffer it read into.
        original: Uint8Array.from(body),
        originalName: name,
        encoding: result.encoding,
        importer: 'warc',
        article: result.article,
        resources: [],
      };
    }
  } catch (error) {
    yield {
      kind: 'failed',
      source: input.name,
      reason: `the archive is damaged after ${records} records: ${(error as Error).message}`,
    };
    return;
  } finally {
    if (source instanceof fs.ReadStream) source.destroy();
  }
  // A torn last gzip member yields no record at all: only the bytes left unread tell.
  const reader = parser._reader;
  const consumed = reader.compressed ? reader.getRawOffset() : reader.getReadOffset();
  if (consumed < total) {
    yield {
      kind: 'failed',
      source: input.name,
      reason: `the archive ends in a damaged or cut-short record (${total - consumed} bytes after record ${records} could not be read)`,
    };
    return;
  }
  if (pages === 0) {
    yield {
      kind: 'failed',
      source: input.name,
      reason: `the archive holds no HTML pages (${records} records, none an HTML response)`,
    };
  }
}

export const warcImporter: Importer = {
  name: 'warc',
  accepts(input: ImportInput, _sniffed: SniffedContent) {
    return looksLikeWarc(input.bytes);
  },
  streamsFromDisk: true,
  read(input: ImportInput): AsyncIterable<ImportOutcome> {
    return readWarc(input);
  },
};
