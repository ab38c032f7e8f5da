/**
 * Pages saved as MHTML (`.mhtml` from Chromium "Save as single file", `.mht` from Internet Explorer/Word),
 * recognised by content: MIME headers naming `multipart/related` and a `text/html` part. The page part is the one
 * the message points at (`Snapshot-Content-Location`, the `start` parameter), else the first HTML part; it is read
 * by the HTML page importer with its part charset as the transport charset. Image parts whose bytes are a PNG, JPEG, GIF,
 * WebP, AVIF, BMP or ICO image (never SVG, whatever the part declares) become the article's resources: an `<img src>` naming an image by `cid:` or by its Content-Location (absolute, or relative to the
 * page) is rewritten to `resource:NAME`. Frames, stylesheets and fonts are not kept. The original is the whole file.
 */
import path from 'node:path';
import type { ArticleResourceFile, Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';
import { type MimePart, mimeHeadOf, parseContentType, parseMime } from '../mime-multipart';
import { type ImageType, imageTypeOf, nameWithExtension } from '../image-type';
import { safeResourceName } from '../../resource-name';
import { readHtmlPage } from '../html-page-reader';

export const MHTML_EXTENSIONS = ['mhtml', 'mht'];

/** Works on bytes: a save with `binary` image parts is not text, and sniffing gives it no text. */
export function looksLikeMhtml(bytes: Uint8Array): boolean {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const latin1 = (end?: number): string =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', bom, end);
  const headers = mimeHeadOf(latin1(Math.min(bytes.length, 16384)));
  if (!headers) return false;
  const { type } = parseContentType(headers.get('content-type'));
  if (type === 'multipart/related')
    return /content-type:\s*(?:text\/html|application\/xhtml\+xml)/i.test(latin1());
  // A one-part save (some tools write the page alone): a MIME-Version header and an HTML body.
  return type === 'text/html' && headers.has('mime-version');
}

function contentId(part: MimePart): string | null {
  const id = part.headers.get('content-id');
  return id ? id.trim().replace(/^<|>$/g, '') : null;
}

function absolute(value: string, base: string | null): string | null {
  try {
    return new URL(value.trim(), base ?? undefined).href;
  } catch {
    return null;
  }
}

function chooseHtmlPart(
  parts: MimePart[],
  headers: Map<string, string>,
  start: string | null,
): MimePart | null {
  const html = parts.filter((p) => p.type === 'text/html' || p.type === 'application/xhtml+xml');
  const snapshot = headers.get('snapshot-content-location');
  const startId = start?.replace(/^<|>$/g, '') ?? null;
  return (
    (snapshot && html.find((p) => p.headers.get('content-location')?.trim() === snapshot.trim())) ||
    (startId && html.find((p) => contentId(p) === startId)) ||
    html[0] ||
    null
  );
}

/** Unique, safe resource names for the image parts, keyed by every way the page can name them. */
class ImageParts {
  private byKey = new Map<string, { name: string; part: MimePart }>();
  private names = new Set<string>();

  constructor(parts: MimePart[], pageUrl: string | null) {
    for (const part of parts) {
      // The declared type says nothing: only bytes that are an image of a kept type become a resource.
      const type = imageTypeOf(part.body);
      if (!type) continue;
      const location = part.headers.get('content-location')?.trim() ?? null;
      const cid = contentId(part);
      const entry = { name: this.nameFor(type, location, cid), part };
      if (cid) this.byKey.set(`cid:${cid}`, entry);
      if (location) {
        this.byKey.set(location, entry);
        const resolved = absolute(location, pageUrl);
        if (resolved) this.byKey.set(resolved, entry);
      }
    }
  }

  private nameFor(type: ImageType, location: string | null, cid: string | null): string {
    let base = '';
    if (location && !location.startsWith('cid:')) {
      try {
        base = decodeURIComponent(new URL(location, 'http://x/').pathname.split('/').pop() ?? '');
      } catch {
        base = '';
      }
    }
    if (!base && cid) base = cid.split('@')[0] ?? '';
    const name = nameWithExtension(safeResourceName(base || 'image') ?? 'image', type);
    let unique = name;
    for (let i = 2; this.names.has(unique); i++) {
      const e = path.extname(name);
      unique = `${name.slice(0, name.length - e.length)}-${i}${e}`;
    }
    this.names.add(unique);
    return unique;
  }

  reference(src: string, pageUrl: string | null): string | null {
    const value = src.trim();
    const direct = this.byKey.get(value) ?? this.byKey.get(value.replace(/^cid:<(.*)>$/, 'cid:$1'));
    const resolved = direct ? null : absolute(value, pageUrl);
    const entry = direct ?? (resolved ? this.byKey.get(resolved) : undefined);
    return entry ? `resource:${entry.name}` : null;
  }

  files(used: Set<string>): ArticleResourceFile[] {
    const out = new Map<string, ArticleResourceFile>();
    for (const { name, part } of this.byKey.values()) {
      if (used.has(name)) out.set(name, { name, bytes: part.body });
    }
    return [...out.values()];
  }
}

export function readMhtml(input: ImportInput): ImportOutcome[] {
  const message = parseMime(input.bytes);
  const page = chooseHtmlPart(message.parts, message.headers, message.params.get('start') ?? null);
  if (!page) return [{ kind: 'failed', source: input.name, reason: 'the MHTML file holds no HTML page' }];
  const location =
    message.headers.get('snapshot-content-location') ?? page.headers.get('content-location') ?? null;
  const pageUrl = location ? absolute(location, null) : null;
  const httpUrl = pageUrl && /^https?:/i.test(pageUrl) ? pageUrl : null;
  const images = new ImageParts(message.parts, pageUrl);
  const result = readHtmlPage(page.body, input.name, {
    url: httpUrl,
    charset: page.params.get('charset') ?? null,
    imageReference: (src) => images.reference(src, pageUrl),
  });
  if (!result) return [{ kind: 'failed', source: input.name, reason: 'the page has no readable text' }];
  return [
    {
      kind: 'article',
      source: input.name,
      original: input.bytes,
      originalName: input.name,
      encoding: result.encoding,
      importer: 'mhtml',
      article: result.article,
      resources: images.files(result.usedResources),
    },
  ];
}

export const mhtmlImporter: Importer = {
  name: 'mhtml',
  accepts(input: ImportInput, _sniffed: SniffedContent) {
    return looksLikeMhtml(input.bytes);
  },
  async read(input: ImportInput): Promise<ImportOutcome[]> {
    return readMhtml(input);
  },
};
