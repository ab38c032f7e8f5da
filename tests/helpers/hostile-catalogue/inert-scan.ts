/**
 * What a hostile input must never leave in a document: anything that runs, fetches, navigates or reaches back.
 * One scanner, written as plain JavaScript source, runs both on the stored html (in jsdom, `stored` mode: the
 * import must have sanitized it) and in every frame of the reader in Chromium (`reader` mode: the app's own
 * scripts and styles are allowed there, so only what came from the input, or could, counts).
 */
import { JSDOM } from 'jsdom';
import { CANARY_GLOBAL } from './build';

export interface ScanOptions {
  mode: 'stored' | 'reader';
  canary: string;
}

/** `(doc, options) => string[]`: one line per violation. Kept free of TypeScript helpers so Chromium can run it. */
export const SCAN_SOURCE = String.raw`(function scan(doc, options) {
  var out = [];
  var key = '${CANARY_GLOBAL}';
  var canaryHost = options.canary.replace(/^https?:/, '');
  var badScheme = /^(?:(?:javascript|vbscript|livescript|mocha|file):|data:(?:text|application)\/)/i;
  // Forms and styles may stay in stored html (DOMPurify keeps them by default): what they name is checked below.
  var storedForbidden = ['SCRIPT', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'BASE', 'LINK',
    'META', 'PORTAL', 'FENCEDFRAME', 'BGSOUND'];
  function describe(el) {
    return '<' + el.tagName.toLowerCase() + '>';
  }
  function squeeze(value) {
    return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  }
  var all = doc.querySelectorAll('*');
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    var tag = el.tagName.toUpperCase();
    if (options.mode === 'stored' && storedForbidden.indexOf(tag) >= 0) out.push(describe(el) + ' kept');
    if (tag === 'SCRIPT' && ((el.textContent || '').indexOf(key) >= 0 || (el.getAttribute('src') || '').indexOf(canaryHost) >= 0))
      out.push('the input\'s ' + describe(el) + ' is in the document');
    if ((tag === 'STYLE') && /url\(|@import|expression\(/i.test(el.textContent || '') && (el.textContent || '').indexOf(canaryHost) >= 0)
      out.push('a <style> naming the canary server');
    if (tag === 'IFRAME' || tag === 'FRAME') {
      var sandbox = el.getAttribute('sandbox');
      if (sandbox === null) out.push(describe(el) + ' without sandbox');
      else if (/allow-scripts/.test(sandbox) && /allow-same-origin/.test(sandbox)) out.push(describe(el) + ' sandbox allows scripts and same origin');
    }
    if (tag === 'META' && /refresh/i.test(el.getAttribute('http-equiv') || '')) out.push('<meta http-equiv=refresh>');
    if (tag === 'BASE' && el.hasAttribute('href')) out.push('<base href>');
    if (tag === 'A' && /_blank/i.test(el.getAttribute('target') || '') && !/noopener/i.test(el.getAttribute('rel') || ''))
      out.push('<a target=_blank> without rel=noopener');
    for (var j = 0; j < el.attributes.length; j++) {
      var attr = el.attributes[j];
      var name = attr.name.toLowerCase();
      var value = attr.value;
      if (/^on/.test(name)) out.push(describe(el) + ' ' + name + '=');
      // The reader's own frame is filled by srcdoc; it is fine when its sandbox forbids script (its inside is
      // scanned as a frame of its own). Stored html may hold no srcdoc at all.
      var scriptless = tag === 'IFRAME' && el.getAttribute('sandbox') !== null && !/allow-scripts/.test(el.getAttribute('sandbox'));
      if (name === 'srcdoc' && (options.mode === 'stored' || !scriptless)) out.push(describe(el) + ' srcdoc=');
      if (badScheme.test(squeeze(value)) && !(name === 'src' && tag === 'IMG' && /^data:image\//i.test(squeeze(value))))
        out.push(describe(el) + ' ' + name + '="' + value.slice(0, 40) + '"');
      // A link is followed and a form sent only on a click: what must not name the canary is what loads by itself.
      var onClick = ((tag === 'A' || tag === 'AREA') && name === 'href') || name === 'action' || name === 'formaction';
      // A script-less frame's srcdoc is its document, scanned on its own (where links may name the server).
      var frameDocument = name === 'srcdoc' && scriptless && options.mode !== 'stored';
      if (value.indexOf(canaryHost) >= 0 && !onClick && !frameDocument)
        out.push(describe(el) + ' ' + name + ' names the canary server');
      if (name === 'style' && /expression\(|javascript:|@import/i.test(value)) out.push(describe(el) + ' style="' + value.slice(0, 40) + '"');
    }
  }
  return out;
})`;

const scanner = new Function(`return ${SCAN_SOURCE}`)() as (doc: Document, options: ScanOptions) => string[];

/** Violations in an article's stored html (null html has none). */
export function scanStoredHtml(html: string | null, canary: string): string[] {
  if (html === null) return [];
  const { window } = new JSDOM(`<!doctype html><html><body>${html}</body></html>`);
  try {
    return scanner(window.document, { mode: 'stored', canary });
  } finally {
    window.close();
  }
}
