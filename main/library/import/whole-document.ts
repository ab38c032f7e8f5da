/**
 * A saved page in the shape a browser gives it, before linkedom reads it. linkedom (fast, and what extraction
 * runs on) builds a tree only from the tags as written: a valid HTML5 page that leaves out its optional
 * `<html>`, `<head>` or `<body>` tags (`<!doctype html><title>…</title><p>…`) gets an empty body with its text
 * beside it, so Readability and the text walk found nothing; and text with no tag at all gets no document
 * element, where `document.body` throws. Such a page is parsed by parse5, the WHATWG parser that jsdom uses, and
 * serialized with its three elements in place. A page that writes all three out (every browser save does) is
 * left as it is and costs nothing more.
 */
import { parse, serialize } from 'parse5';

const DOCUMENT_TAGS = [/<html[\s>]/i, /<head[\s>]/i, /<body[\s>]/i];

export function asWholeDocument(html: string): string {
  if (DOCUMENT_TAGS.every((tag) => tag.test(html))) return html;
  return serialize(parse(html));
}
