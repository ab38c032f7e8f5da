/**
 * A linear pre-scan of HTML before it is parsed: counts elements and follows nesting the way an HTML parser
 * roughly would, and refuses a document deeper or larger than the limits. linkedom and Readability are
 * superlinear in depth (10,000 nested `<div>`s in 110 KB ran for minutes), so the refusal has to come before
 * them, and cheaply. It only approximates tree building: it may under-count depth (sloppy end tags are
 * forgiven), never over-count for what browsers close by themselves (void elements, `<p>`, `<li>`, …).
 */
import { importLimits, LimitExceeded } from './limits';

/** Elements with no end tag: they never hold others. */
const VOID = new Set(
  'area base br col embed hr img input keygen link meta param source track wbr basefont bgsound frame image'.split(
    ' ',
  ),
);
/**
 * Elements whose end tag may be left out, by what closes them: opening the key pops these while one of
 * them is innermost (`<li>a<li>b`, `<tr><td>a<tr>`, a block after an open `<p>`).
 */
const CELL = ['td', 'th'];
const ROW = ['tr', ...CELL];
const SECTION = ['tbody', 'thead', 'tfoot', ...ROW];
const BLOCKS =
  'address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr main menu nav ol p pre section table ul'.split(
    ' ',
  );
const IMPLIED_END = new Map<string, Set<string>>([
  ...BLOCKS.map((b): [string, Set<string>] => [b, new Set(['p'])]),
  ['li', new Set(['li', 'p'])],
  ['dt', new Set(['dt', 'dd', 'p'])],
  ['dd', new Set(['dt', 'dd', 'p'])],
  ['tr', new Set(ROW)],
  ['td', new Set(CELL)],
  ['th', new Set(CELL)],
  ['tbody', new Set(SECTION)],
  ['thead', new Set(SECTION)],
  ['tfoot', new Set(SECTION)],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['option', 'optgroup'])],
  ['rb', new Set(['rb', 'rt', 'rp', 'rtc'])],
  ['rt', new Set(['rb', 'rt', 'rp'])],
  ['rp', new Set(['rb', 'rt', 'rp'])],
  ['rtc', new Set(['rb', 'rt', 'rp', 'rtc'])],
]);
/** Elements whose content is text up to their own end tag. */
const RAW_TEXT = new Set(
  'script style textarea title xmp iframe noembed noframes plaintext noscript'.split(' '),
);

export interface HtmlShape {
  elements: number;
  depth: number;
}

/**
 * Scans `html` and throws LimitExceeded when it is nested deeper or holds more elements than allowed;
 * otherwise returns what it counted (stopping early is the point: a hostile page costs one pass at most).
 */
export function checkHtmlShape(
  html: string,
  limits: { maxNestingDepth: number; maxElements: number } = importLimits(),
): HtmlShape {
  const stack: string[] = [];
  let elements = 0;
  let deepest = 0;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length - 1) {
    const next = html.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      // Comments end at `-->`, doctype and the like at `>`.
      const end = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      if (end < 0) break;
      i = html.indexOf('<', end + 1);
      continue;
    }
    const closing = next === 0x2f; /* / */
    const nameStart = closing ? i + 2 : i + 1;
    let nameEnd = nameStart;
    while (nameEnd < html.length && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === nameStart || !isLetter(html.charCodeAt(nameStart))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const tagEnd = html.indexOf('>', nameEnd);
    if (tagEnd < 0) break;
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      i = html.indexOf('<', tagEnd + 1);
      continue;
    }
    if (++elements > limits.maxElements)
      throw new LimitExceeded(`the page has more than ${limits.maxElements.toLocaleString('en')} elements`);
    const selfClosed = html.charCodeAt(tagEnd - 1) === 0x2f;
    if (VOID.has(name) || selfClosed) {
      i = html.indexOf('<', tagEnd + 1);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = rawTextEnd(name);
      close.lastIndex = tagEnd + 1;
      if (!close.exec(html)) break;
      i = close.lastIndex - name.length - 2;
      continue;
    }
    const closes = IMPLIED_END.get(name);
    if (closes) while (stack.length && closes.has(stack[stack.length - 1]!)) stack.pop();
    stack.push(name);
    if (stack.length > deepest) deepest = stack.length;
    if (stack.length > limits.maxNestingDepth)
      throw new LimitExceeded(`the page is nested deeper than ${limits.maxNestingDepth} elements`);
    i = html.indexOf('<', tagEnd + 1);
  }
  return { elements, depth: deepest };
}

const rawTextEnds = new Map<string, RegExp>();

/** A sticky-free global search for the element's end tag, any case (one per name, reused). */
function rawTextEnd(name: string): RegExp {
  let re = rawTextEnds.get(name);
  if (!re) rawTextEnds.set(name, (re = new RegExp(`</${name}`, 'gi')));
  return re;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a || c === 0x5f;
}
