// @vitest-environment jsdom
// Highlight anchoring on jsdom's DOM with the reader's own sanitizer: anchors made on one rendering of an article
// are found again on another (fresh DOM, re-sanitized, text inserted before, whitespace changed).
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../common/user-data';
import { bodyText, rangeOfSpan, selectorsOfRange } from '../../../renderer/dom/anchor-dom';
import { clearHighlightMarks, drawHighlights } from '../../../renderer/dom/highlight-marks';
import { highlightTerms } from '../../../renderer/dom/highlight-dom';
import { sanitizeArticleHtml } from '../../../renderer/dom/sanitize-article';
import { anchorSelectors, describeSpan, type TextSelectors } from '../../../renderer/lib/anchoring';

const ARTICLE = `
<h1>Harbour cranes</h1>
<p>The cranes came back to the <b>old port</b> after ten years. Nobody expected them.</p>
<p>“It is good to see them,” said one docker. It is good to see them again, said another.</p>
<ul><li>First crane</li>
<li>Second crane</li></ul>
<p>The end of the story: the cranes stay.</p>`;

/** The article as the reader renders it: sanitized, in a body container. */
function render(html: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'article-body';
  box.append(sanitizeArticleHtml(html));
  document.body.replaceChildren(box);
  return box;
}

/** The range a reader would select: the `nth` occurrence of `quote` in the body's text. */
function select(container: HTMLElement, quote: string, nth = 0): Range {
  const text = bodyText(container);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`"${quote}" is not in the text`);
  return rangeOfSpan(container, { start: at, end: at + quote.length })!;
}

function highlight(id: string, selectors: TextSelectors): Highlight {
  return {
    id,
    color: 'yellow',
    ...selectors,
    note: '',
    created: '2026-12-01T00:00:00Z',
    modified: '2026-12-01T00:00:00Z',
  };
}

/** The text each drawn highlight covers, by id. */
function drawn(container: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const mark of Array.from(container.querySelectorAll<HTMLElement>('mark.offprint-highlight'))) {
    const id = mark.dataset.highlightId!;
    out[id] = (out[id] ?? '') + mark.textContent;
  }
  return out;
}

describe('selectors of a selection', () => {
  it('records the quote, up to 32 characters either side and the offsets in the body’s text', () => {
    const body = render(ARTICLE);
    const selectors = selectorsOfRange(body, select(body, 'old port after ten years'))!;
    const text = bodyText(body);
    expect(selectors.quote.exact).toBe('old port after ten years');
    // The whitespace between the blocks is text of the body too.
    expect(selectors.quote.prefix).toBe('nes\nThe cranes came back to the ');
    expect(selectors.quote.suffix).toBe('. Nobody expected them.\n“It is g');
    expect(selectors.quote.prefix).toHaveLength(32);
    expect(text.slice(selectors.position.start, selectors.position.end)).toBe('old port after ten years');
  });

  it('trims the whitespace at the ends of a selection, and has nothing for a blank one', () => {
    const body = render(ARTICLE);
    const selectors = selectorsOfRange(body, select(body, ' Nobody expected '))!;
    expect(selectors.quote.exact).toBe('Nobody expected');
    expect(describeSpan('a   b', { start: 1, end: 4 })).toBeNull();
  });

  it('clamps a selection that starts before the body to the body’s start', () => {
    const body = render(ARTICLE);
    const outside = document.createElement('p');
    outside.textContent = 'Title outside';
    document.body.prepend(outside);
    const range = document.createRange();
    range.setStart(outside.firstChild!, 2);
    range.setEnd(select(body, 'Harbour').endContainer, select(body, 'Harbour').endOffset);
    expect(selectorsOfRange(body, range)?.quote.exact).toBe('Harbour');
  });
});

describe('re-anchoring', () => {
  const quotes = ['old port after ten years', 'It is good to see them', 'Second crane', 'the cranes stay'];

  function anchorAll(html: string): Highlight[] {
    const body = render(html);
    return quotes.map((quote, index) =>
      highlight(`${index}`.padStart(16, '0'), selectorsOfRange(body, select(body, quote))!),
    );
  }

  it('finds every highlight in a fresh rendering of the same HTML, drawn over exactly its text', () => {
    const highlights = anchorAll(ARTICLE);
    const body = render(ARTICLE);
    expect(drawHighlights(body, highlights)).toEqual(new Set());
    expect(Object.values(drawn(body))).toEqual(quotes);
    // Drawing changed no text, so positions still hold and drawing again gives the same.
    expect(bodyText(body)).toBe(bodyText(render(ARTICLE)));
  });

  it('finds them after the HTML is sanitized again (the sanitizer’s output run through it once more)', () => {
    const highlights = anchorAll(ARTICLE);
    const once = document.createElement('div');
    once.append(sanitizeArticleHtml(ARTICLE));
    const body = render(once.innerHTML);
    expect(drawHighlights(body, highlights)).toEqual(new Set());
    expect(Object.values(drawn(body))).toEqual(quotes);
  });

  it('finds them after a paragraph is inserted before them and the whitespace changed', () => {
    const highlights = anchorAll(ARTICLE);
    const edited = ARTICLE.replace(
      '<h1>Harbour cranes</h1>',
      '<h1>Harbour cranes</h1><p>Updated: a new intro.</p>',
    )
      .replace('old port</b> after ten', 'old   port</b>\n after\tten')
      .replace('</li>\n<li>', '</li><li>');
    const body = render(edited);
    expect(drawHighlights(body, highlights)).toEqual(new Set());
    expect(drawn(body)).toEqual({
      '0000000000000000': 'old   port\n after\tten years',
      '0000000000000001': 'It is good to see them',
      '0000000000000002': 'Second crane',
      '0000000000000003': 'the cranes stay',
    });
  });

  it('tells repeated quotes apart by their prefix and suffix, and by position when those agree', () => {
    const body = render(ARTICLE);
    const second = selectorsOfRange(body, select(body, 'It is good to see them', 1))!;
    const text = bodyText(body);
    // Text inserted before both occurrences moves them; the affixes still pick the second.
    const moved = `Breaking: ${text}`;
    const span = anchorSelectors(moved, second.quote, second.position)!;
    expect(moved.slice(span.start - 4, span.end + 6)).toBe('er. It is good to see them again');
    // Affixes outrank distance: a position hint nearer the first occurrence still gives the second.
    const misleading = { ...second.position, start: 0, end: 1 };
    expect(anchorSelectors(moved, second.quote, misleading)).toEqual(span);

    // Identical paragraphs: the affixes cannot choose; the nearest to the stored position wins.
    const same = 'Repeat this line. '.repeat(4);
    const third = describeSpan(same, { start: 36, end: 52 })!;
    expect(third.quote.exact).toBe('Repeat this line');
    expect(anchorSelectors(`xx ${same}`, third.quote, third.position)).toEqual({ start: 39, end: 55 });
  });

  it('leaves a highlight whose text is gone as an orphan: listed, not drawn', () => {
    const highlights = anchorAll(ARTICLE);
    const body = render(ARTICLE.replace('Second crane', 'Another crane'));
    const orphans = drawHighlights(body, highlights);
    expect(orphans).toEqual(new Set(['0000000000000002']));
    expect(Object.keys(drawn(body))).toEqual(['0000000000000000', '0000000000000001', '0000000000000003']);
  });

  it('lives with the query’s marks: drawn inside or around them, cleared without changing the text', () => {
    const highlights = anchorAll(ARTICLE);
    const body = render(ARTICLE);
    highlightTerms(body, ['cran', 'port']);
    const before = body.innerHTML;
    expect(drawHighlights(body, highlights)).toEqual(new Set());
    expect(drawn(body)['0000000000000002']).toBe('Second crane');
    expect(body.querySelectorAll('mark.hit').length).toBeGreaterThan(3);
    clearHighlightMarks(body);
    expect(body.innerHTML).toBe(before);
  });
});
