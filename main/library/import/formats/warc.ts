/**
 * Web archives (`.warc`, `.warc.gz`), recognised by their content: `WARC/1.x` at the start, or gzip whose first
 * decompressed bytes are `WARC/`. Records are streamed with warcio (from the file on disk when there is one, so a
 * multi-GB crawl is never held in memory); each `response` record whose HTTP Content-Type is HTML and whose status
 * is 2xx becomes one article read by the HTML page importer, with the record's target URI as its URL, its capture
 * date as the fallback publication date and the HTTP charset as the transport charset. Requests, metadata,
 * revisits, redirects and non-HTML responses are not articles and are skipped without a failure. Bodies are taken
 * with their chunked transfer undone by warcio and their content coding (gzip, deflate, br) by zlib, bounded
 * while it inflates, and decoded here: warcio's `contentText()` ignores the declared charset.
 *
 * Limits (limits.ts): each record declares its length, which warcio holds it to, so the records' lengths are
 * what the archive expands to (a gzip member is inflated as it is read, even to skip it): past the expansion
 * ratio the rest of the archive is not read. A page's body is held in memory only up to its limit, counted
 * as it inflates (a 1.3 KB record once inflated to 1.9 GB).
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { AsyncIterReader, LimitReader, WARCParser, type WARCRecord } from 'warcio';
import { ExpansionBudget } from '../expansion-budget';
import {
  SOURCE_SEPARATOR,
  type Importer,
  type ImportInput,
  type ImportOutcome,
  type SniffedContent,
} from '../importer';
import { importLimits, LimitExceeded, megabytes } from '../limits';
import { readHtmlPage } from '../html-page-reader';

/** One HTML response larger than this is not an article (and would have to be held in memory). */
export const MAX_WARC_HTML_BYTES = 64 * 1024 * 1024;

/** What one page's body may take in memory, once inflated. */
function maxPageBytes(): number {
  return Math.min(MAX_WARC_HTML_BYTES, importLimits().maxEntryBytes);
}

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
async function responseBody(record: WARCRecord, max: number): Promise<Uint8Array | null> {
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
  const body = chunked ? await new AsyncIterReader([raw], null, chunked).readFully() : raw;
  return compressed || coding === 'br' ? inflateBounded(body, compressed ?? 'br', max) : body;
}

/** Undoes a content coding, refusing (LimitExceeded) once the output passes `max` bytes. */
function inflateBounded(body: Uint8Array, coding: 'gzip' | 'deflate' | 'br', max: number): Uint8Array {
  const options = { maxOutputLength: max, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  try {
    if (coding === 'gzip') return zlib.gunzipSync(body, options);
    if (coding === 'br') return zlib.brotliDecompressSync(body, { maxOutputLength: max });
    try {
      return zlib.inflateSync(body, options);
    } catch (error) {
      // "deflate" is zlib-wrapped by the standard and raw in practice as often.
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw error;
      return zlib.inflateRawSync(body, options);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new LimitExceeded(`the page expands past ${megabytes(max)}`);
    throw error;
  }
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
  // Streaming bounds the memory; the ratio alone bounds the work (a real crawl may be many gigabytes).
  const budget =
    input.budget ??
    new ExpansionBudget(total, { ...importLimits(), maxExpandedBytes: Number.POSITIVE_INFINITY });
  const maxPage = maxPageBytes();
  let pages = 0;
  let records = 0;
  try {
    for await (const record of parser) {
      records++;
      input.alive?.();
      const declared = Number(record.warcHeaders.headers.get('content-length') ?? 0);
      try {
        budget.add(Number.isFinite(declared) ? declared : 0);
      } catch (limit) {
        yield {
          kind: 'failed',
          source: input.name,
          reason: `${(limit as Error).message}; the rest was not read (after ${records - 1} records)`,
        };
        return;
      }
      if (record.warcType !== 'response' || !record.httpHeaders) continue;
      const status = Number(record.httpHeaders.statusCode);
      if (!(status >= 200 && status < 300)) continue;
      const { mime, charset } = parseContentType(record.httpHeaders.headers.get('content-type'));
      if (!HTML_TYPES.has(mime)) continue;
      const uri = record.warcTargetURI ?? '';
      const source = `${input.name}${SOURCE_SEPARATOR}${uri || `record ${records}`}`;
      // An HTML response, even one refused below: the archive then did hold a page, which has its own reason.
      pages++;
      if (declared > maxPage) {
        yield {
          kind: 'failed',
          source,
          reason: `the page is too large to be an article (${megabytes(declared)})`,
        };
        continue;
      }
      let body: Uint8Array | null;
      try {
        body = await responseBody(record, maxPage);
      } catch (error) {
        yield {
          kind: 'failed',
          source,
          reason:
            error instanceof LimitExceeded
              ? `refused: ${error.message}`
              : `the response body is damaged: ${(error as Error).message}`,
        };
        continue;
      }
      if (!body) {
        yield { kind: 'failed', source, reason: 'the record is cut short (the file ends inside it)' };
        continue;
      }
      const name = originalName(uri);
      let result: ReturnType<typeof readHtmlPage>;
      try {
        result = readHtmlPage(body, name, {
          url: uri || null,
          publishedFallback: record.warcDate ?? null,
          charset,
        });
      } catch (error) {
        if (!(error instanceof LimitExceeded)) throw error;
        yield { kind: 'failed', source, reason: `refused: ${error.message}` };
        continue;
      }
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
