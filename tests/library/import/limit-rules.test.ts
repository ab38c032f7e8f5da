/**
 * The import limits' own rules, called directly: an archive's expansion budget (ratio above a floor, a cap,
 * entries, shared by nested archives, the first refusal kept), the body cut (at a paragraph, a space, a tag,
 * never inside a surrogate pair), the sizes in words, and the limits a thread is given. import-limits.test.ts
 * checks the same limits through real zips, WARCs and a library, seconds each: too slow for a mutation run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../../common/article';
import { boundBody, cutText } from '../../../main/library/import/body-limit';
import { ExpansionBudget } from '../../../main/library/import/expansion-budget';
import { checkHtmlShape } from '../../../main/library/import/html-shape';
import {
  DEFAULT_LIMITS,
  importLimits,
  LimitExceeded,
  megabytes,
  seconds,
  setImportLimits,
} from '../../../main/library/import/limits';

afterEach(() => setImportLimits());

const MB = 1024 * 1024;
const LIMITS = {
  ...DEFAULT_LIMITS,
  maxExpandedBytes: 100 * MB,
  maxExpansionRatio: 10,
  expansionFloorBytes: 4 * MB,
};

/** What `act` threw: its class and message (it must throw). */
function thrown(act: () => void): string {
  try {
    act();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return 'nothing thrown';
}

describe('ExpansionBudget', () => {
  it('allows the ratio times the archive, never less than the floor nor more than the cap', () => {
    expect(new ExpansionBudget(1 * MB, LIMITS).allowance).toBe(10 * MB);
    expect(new ExpansionBudget(100_000, LIMITS).allowance).toBe(4 * MB);
    expect(new ExpansionBudget(50 * MB, LIMITS).allowance).toBe(100 * MB);
    expect(new ExpansionBudget(100_000).allowance).toBe(DEFAULT_LIMITS.expansionFloorBytes);
    expect(new ExpansionBudget(1 * MB).allowance).toBe(100 * MB);
  });

  it('counts what is inflated and refuses the first byte past the allowance, saying why', () => {
    const budget = new ExpansionBudget(1 * MB, LIMITS);
    budget.add(6 * MB);
    budget.add(4 * MB);
    expect(budget.used).toBe(10 * MB);
    expect(thrown(() => budget.add(1))).toBe(
      'LimitExceeded: the archive expands past 10 MB (more than 10 times its 1 MB: a zip bomb?)',
    );
    expect(budget.refusal()).toBe(
      'the archive expands past 10 MB (more than 10 times its 1 MB: a zip bomb?)',
    );
    // Past the cap, the reason is the cap alone.
    const capped = new ExpansionBudget(50 * MB, LIMITS);
    expect(thrown(() => capped.add(100 * MB + 1))).toBe('LimitExceeded: the archive expands past 100 MB');
  });

  it('answers whether a declared size still fits, and a no spends the budget for good', () => {
    const budget = new ExpansionBudget(1 * MB, LIMITS);
    expect(budget.fits(10 * MB)).toBe(true);
    budget.add(9 * MB);
    expect(budget.fits(1 * MB)).toBe(true);
    expect(budget.fits(1 * MB + 1)).toBe(false);
    // Spent: even a byte no longer fits, and the reason stays the first one.
    expect(budget.fits(1)).toBe(false);
    expect(budget.used).toBe(9 * MB);
    expect(budget.refusal()).toBe(
      'the archive expands past 10 MB (more than 10 times its 1 MB: a zip bomb?)',
    );
  });

  it('counts entries, nested ones included, up to the limit, and keeps the first reason', () => {
    const budget = new ExpansionBudget(1 * MB, { ...LIMITS, maxEntries: 3 });
    budget.addEntry();
    budget.addEntry();
    budget.addEntry();
    const reason = 'the archive holds more than 3 entries (nested archives included)';
    expect(thrown(() => budget.addEntry())).toBe(`LimitExceeded: ${reason}`);
    expect(budget.refusal()).toBe(reason);
    // Spent by entries: a later expansion refusal does not change the reason given.
    expect(thrown(() => budget.add(20 * MB))).toBe(`LimitExceeded: ${reason}`);
    expect(budget.fits(1)).toBe(false);
    const many = new ExpansionBudget(1 * MB, { ...LIMITS, maxEntries: 12_000 });
    for (let i = 0; i < 12_000; i++) many.addEntry();
    expect(thrown(() => many.addEntry())).toBe(
      'LimitExceeded: the archive holds more than 12,000 entries (nested archives included)',
    );
  });
});

const article = (text: string, html: string | null): ExtractedArticle =>
  ({ title: 'T', text, html }) as unknown as ExtractedArticle;

describe('the body cut', () => {
  it('leaves a body within the limit as it is, the very same object', () => {
    const within = article('x'.repeat(100), `<p>${'x'.repeat(93)}</p>`);
    expect(boundBody(within, 100)).toBe(within);
    const noHtml = article('x'.repeat(100), null);
    expect(boundBody(noHtml, 100)).toBe(noHtml);
  });

  it('cuts text at a paragraph break, else a space, near the end; else at the limit', () => {
    const paragraphs = `${'a'.repeat(95)}\n\n${'b'.repeat(50)}`;
    expect(cutText(paragraphs, 100)).toBe('a'.repeat(95));
    const words = `${'a'.repeat(93)} ${'b'.repeat(50)}`;
    expect(cutText(words, 100)).toBe('a'.repeat(93));
    // A break earlier than 90 % of the limit is too far back: cut at the limit.
    expect(cutText(`${'a'.repeat(80)} ${'b'.repeat(50)}`, 100)).toBe(`${'a'.repeat(80)} ${'b'.repeat(19)}`);
    expect(cutText(`${'a'.repeat(90)} ${'b'.repeat(50)}`, 100)).toBe('a'.repeat(90));
    expect(cutText('short', 100)).toBe('short');
    expect(cutText('x'.repeat(100), 100)).toBe('x'.repeat(100));
    // Within the limit, a break near the end is no reason to cut: the text stays whole, at the limit too.
    const fits = `${'a'.repeat(92)}\n\nbb`;
    expect(cutText(fits, 100)).toBe(fits);
    const exactly = `${'a'.repeat(95)}\n\n${'b'.repeat(3)}`;
    expect(cutText(exactly, 100)).toBe(exactly);
  });

  it('never cuts inside a surrogate pair', () => {
    const text = `${'a'.repeat(99)}😀${'b'.repeat(10)}`;
    expect(cutText(text, 100)).toBe('a'.repeat(99));
    expect(cutText(`${'a'.repeat(98)}😀${'b'.repeat(10)}`, 100)).toBe(`${'a'.repeat(98)}😀`);
    // The first and the last high surrogate (U+10000 and U+10FFFF begin with them) are kept out of a cut too,
    // and the characters just outside that range are cut like any other.
    for (const pair of ['\ud800\udc00', '\udbff\udfff'])
      expect(cutText(`${'a'.repeat(99)}${pair}${'b'.repeat(10)}`, 100)).toBe('a'.repeat(99));
    for (const single of ['\ud7ff', '\udc00'])
      expect(cutText(`${'a'.repeat(99)}${single}${'b'.repeat(10)}`, 100)).toBe(`${'a'.repeat(99)}${single}`);
  });

  it('cuts html before a tag, records what was cut, and keeps html that fits', () => {
    const html = `<p>${'a'.repeat(90)}</p><p>${'b'.repeat(50)}</p>`;
    const text = `${'a'.repeat(90)}\n\n${'b'.repeat(50)}`;
    const cut = boundBody(article(text, html), 100);
    expect(cut.html).toBe(`<p>${'a'.repeat(90)}</p>`);
    expect(cut.text).toBe('a'.repeat(90));
    expect(cut.truncated).toEqual({ fullChars: text.length, keptChars: 90 });
    // Only the text is long: the html stays whole.
    const shortHtml = '<p>a</p>';
    const textOnly = boundBody(article('x'.repeat(150), shortHtml), 100);
    expect(textOnly.html).toBe(shortHtml);
    expect(textOnly.text).toBe('x'.repeat(100));
    expect(textOnly.truncated).toEqual({ fullChars: 150, keptChars: 100 });
    // Html of exactly the limit is within it, even beside a text that is cut.
    const fullHtml = `<p>${'a'.repeat(93)}</p>`;
    expect(boundBody(article('x'.repeat(150), fullHtml), 100).html).toBe(fullHtml);
    // The only tag is the very first thing: cutting before it would leave nothing, so the cut is at the limit.
    expect(boundBody(article('x', `<p>${'y'.repeat(150)}`), 100).html).toBe(`<p>${'y'.repeat(97)}`);
    // Html with no tag before the limit is cut at the limit.
    expect(boundBody(article('x', 'y'.repeat(150)), 100).html).toBe('y'.repeat(100));
    expect(boundBody(article('x', null), 0).html).toBeNull();
  });
});

describe('limits in words, and per thread', () => {
  it('says sizes in KB under a megabyte, with one decimal under ten, whole above', () => {
    expect([100, 2048, 1024 * 1023, MB, 2.4 * MB, 10.4 * MB, 1024 * MB].map(megabytes)).toEqual([
      '1 KB',
      '2 KB',
      '1023 KB',
      '1 MB',
      '2.4 MB',
      '10 MB',
      '1024 MB',
    ]);
    expect([2000, 2500, 60_000].map(seconds)).toEqual(['2 s', '2.5 s', '60 s']);
  });

  it('has the default file and entry sizes the README states', () => {
    // README: "one entry or page may not inflate past 256 MB …; files over 256 MB are not loaded".
    expect(megabytes(DEFAULT_LIMITS.maxFileBytes)).toBe('256 MB');
    expect(megabytes(DEFAULT_LIMITS.maxEntryBytes)).toBe('256 MB');
    expect(DEFAULT_LIMITS.maxFileBytes).toBe(DEFAULT_LIMITS.maxEntryBytes);
  });

  it('overrides the defaults with what a thread is given, and frozen', () => {
    setImportLimits({ maxEntries: 5 });
    expect(importLimits()).toEqual({ ...DEFAULT_LIMITS, maxEntries: 5 });
    expect(Object.isFrozen(importLimits())).toBe(true);
    setImportLimits();
    expect(importLimits()).toEqual(DEFAULT_LIMITS);
    expect(new LimitExceeded('x').name).toBe('LimitExceeded');
  });
});

describe('the HTML shape scan', () => {
  const depth = (html: string) => checkHtmlShape(html, { maxNestingDepth: 256, maxElements: 100_000 }).depth;

  it('refuses the first level past the depth limit and the first element past the count, at their edges', () => {
    const nested = (n: number) => `${'<div>'.repeat(n)}x`;
    expect(depth(nested(256))).toBe(256);
    expect(() => depth(nested(257))).toThrow('the page is nested deeper than 256 elements');
    expect(checkHtmlShape('<b>x</b>'.repeat(100_000)).elements).toBe(100_000);
    expect(() => checkHtmlShape('<b>x</b>'.repeat(100_001))).toThrow(
      'the page has more than 100,000 elements',
    );
  });

  it('never nests void elements, self-closed ones, comments or the doctype', () => {
    const voids =
      'area base br col embed hr img input keygen link meta param source track wbr basefont bgsound frame image';
    for (const name of voids.split(' ')) expect(depth(`<div>${`<${name} a="1">`.repeat(300)}`), name).toBe(1);
    expect(depth(`<div>${'<span/>'.repeat(300)}`)).toBe(1);
    expect(depth(`<!doctype html><div><!-- ${'<div>'.repeat(300)} -->${'<div>'.repeat(2)}`)).toBe(3);
  });

  it('reads raw-text elements to their own end tag, whatever they hold', () => {
    for (const name of 'script style textarea title xmp iframe noembed noframes plaintext noscript'.split(
      ' ',
    ))
      expect(depth(`<div><${name}>${'<div>'.repeat(300)}</${name.toUpperCase()}><p>x`), name).toBe(2);
    // Raw text never closed: the scan stops there.
    expect(checkHtmlShape(`<div><script>${'<div>'.repeat(300)}`)).toEqual({ elements: 2, depth: 1 });
  });

  it('closes what a browser closes by itself when the next element opens', () => {
    const blocks =
      'address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header main menu nav ol p pre section table ul';
    for (const name of blocks.split(' ')) expect(depth(`<p>a<${name}>b`), name).toBe(1);
    const cases: [string, number][] = [
      ['<ul><li>a<li>b<li><p>c<li>d', 3],
      ['<dl><dt>a<dd>b<dt>c<dd><p>d<dt>e', 3],
      ['<table><tr><td>a<th>b<td>c<tr><th>d<tr><td>e', 3],
      ['<table><thead><tr><td>a<tbody><tr><td>b<tfoot><tr><th>c<tbody><tr><td>d', 4],
      ['<select><option>a<option>b<optgroup><option>c<optgroup><option>d', 3],
      ['<ruby><rb>a<rt>b<rp>c<rt>d<rtc>e<rb>f<rp>g<rtc>h', 2],
    ];
    for (const [html, expected] of cases) expect(depth(html), html).toBe(expected);
  });

  it('closes exactly the elements each optional end tag is closed by, and no others', () => {
    // Which open elements each opening tag closes when innermost (the HTML parser's "optional end tags").
    const closedBy: Record<string, string> = {
      li: 'li p',
      dt: 'dt dd p',
      dd: 'dt dd p',
      tr: 'tr td th',
      td: 'td th',
      th: 'td th',
      tbody: 'tbody thead tfoot tr td th',
      thead: 'tbody thead tfoot tr td th',
      tfoot: 'tbody thead tfoot tr td th',
      option: 'option',
      optgroup: 'option optgroup',
      rb: 'rb rt rp rtc',
      rt: 'rb rt rp',
      rp: 'rb rt rp',
      rtc: 'rb rt rp rtc',
    };
    const inner = ['p', ...Object.keys(closedBy)];
    for (const [opener, closes] of Object.entries(closedBy))
      for (const open of inner) {
        // <section> closes nothing here (no <p> is open when it comes), so the depth is 2 or 3.
        const expected = closes.split(' ').includes(open) ? 2 : 3;
        expect(depth(`<section><${open}>a<${opener}>b`), `<${open}> then <${opener}>`).toBe(expected);
      }
  });

  it('reads a tag name from its first letter to its last name character', () => {
    // A name starts with an ASCII letter, from A to Z and a to z; nothing else opens a tag.
    expect(checkHtmlShape('<A>1<Z>2<a>3<z>4').elements).toBe(4);
    expect(checkHtmlShape('<@x>1<[x>2<`x>3<{x>4<_x>5<0x>6<-x>7<:x>8<éx>9').elements).toBe(0);
    // Digits 0 to 9, '-', ':' and '_' continue a name: <br-x> is no <br> (so it nests), while a character
    // just outside those ranges ends the name (<br/x>, <br;x> are <br>s: void, they never nest).
    for (const name of ['br0', 'br9', 'br-x', 'br:x', 'br_x', 'brA', 'brZ', 'bra', 'brz'])
      expect(depth(`<div>${`<${name}>`.repeat(3)}`), name).toBe(4);
    for (const tag of ['<br/x>', '<br;x>', '<br.x>', '<br@x>', '<br[x>', '<br`x>', '<br{x>'])
      expect(depth(`<div>${tag.repeat(3)}`), tag).toBe(1);
  });

  it('looks for the next tag only at a "<", after every kind of tag', () => {
    // Text shaped like a tag's inside, right after a tag, a comment or the start, is no tag.
    const cases: [string, number][] = [
      ['xb> text', 0],
      ['<!-- c -->xdiv> t', 0],
      ['<!doctype html>xdiv> t', 0],
      ['<b>a</b>xdiv> t', 1],
      ['<br>xdiv> t', 1],
      ['<b>xdiv> t', 1],
    ];
    for (const [html, elements] of cases) expect(checkHtmlShape(html).elements, html).toBe(elements);
    // A bogus comment (<!x …>) ends at its first '>', as in a browser, tags inside it included.
    expect(checkHtmlShape('<!x <div>> <p>')).toEqual({ elements: 1, depth: 1 });
    // A comment or bogus comment never closed ends the scan (never a re-read of what came before).
    expect(checkHtmlShape('<div><!-- never closed <p><p>')).toEqual({ elements: 1, depth: 1 });
    expect(checkHtmlShape('<div><!x never closed <p <p')).toEqual({ elements: 1, depth: 1 });
    // An end of comment before a comment, or a '>' before a doctype, is not theirs.
    expect(checkHtmlShape('a--><!-- <div><div> --><p>')).toEqual({ elements: 1, depth: 1 });
    expect(checkHtmlShape('<b><!doctype <div>><p>')).toEqual({ elements: 2, depth: 2 });
  });

  it('closes to the matching open element, in any case, and passes over what is no tag', () => {
    expect(depth('<DIV><Span><b>x</SPAN></div><div>y')).toBe(3);
    expect(checkHtmlShape('<div><i>a</i></div><div><i>b</i></div>')).toEqual({ elements: 4, depth: 2 });
    expect(checkHtmlShape('<div>1 < 2 and <3 or <!x> </b> <')).toEqual({ elements: 1, depth: 1 });
    // A tag never finished ends the scan.
    expect(checkHtmlShape('<div><span class="x')).toEqual({ elements: 1, depth: 1 });
  });
});
