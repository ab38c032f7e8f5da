/**
 * Draws the reader's highlights into a rendered body (the app's own plain-text body, or the document inside the
 * article's frame) as `<mark class="offprint-highlight">` around their text nodes. Only the shown DOM changes:
 * the stored HTML never does, and since marks only wrap text, positions and the query's marks are unaffected.
 */
import type { Highlight } from '../../common/user-data';
import { anchorSelectors } from '../lib/anchoring';
import { bodyText, piecesOfSpan, type TextPiece } from './anchor-dom';

export const HIGHLIGHT_MARK = 'mark.offprint-highlight';

/**
 * Where whitespace alone may be wrapped: inside text. Between blocks, in a list or a table, an inline mark around
 * the whitespace would be an element where the markup allows none.
 */
const HOLDS_TEXT = new Set(
  'P LI H1 H2 H3 H4 H5 H6 DD DT TD TH FIGCAPTION CAPTION PRE A ABBR B BDI BDO CITE CODE DATA DFN EM I KBD MARK Q S SAMP SMALL SPAN STRONG SUB SUP TIME U VAR DEL INS'.split(
    ' ',
  ),
);

function wrapPiece({ node, from, to }: TextPiece, highlight: Highlight): void {
  const text = node.data.slice(from, to);
  if (text.trim() === '' && !HOLDS_TEXT.has(node.parentElement?.tagName ?? '')) return;
  let target = node;
  if (from > 0) target = target.splitText(from);
  if (to - from < target.data.length) target.splitText(to - from);
  const mark = node.ownerDocument.createElement('mark');
  mark.className = 'offprint-highlight';
  mark.dataset.color = highlight.color;
  mark.dataset.highlightId = highlight.id;
  target.replaceWith(mark);
  mark.append(target);
}

/** Takes out every highlight mark, leaving the text as it was rendered. */
export function clearHighlightMarks(container: ParentNode): void {
  for (const mark of Array.from(container.querySelectorAll(HIGHLIGHT_MARK))) {
    const parent = mark.parentNode;
    mark.replaceWith(...Array.from(mark.childNodes));
    parent?.normalize();
  }
}

/**
 * Redraws `highlights` in `container`; answers the ids of those whose text was not found (orphans, listed but
 * not drawn). All are anchored before any is drawn, against the text as it is.
 */
export function drawHighlights(container: HTMLElement, highlights: readonly Highlight[]): Set<string> {
  clearHighlightMarks(container);
  const text = bodyText(container);
  const orphans = new Set<string>();
  const placed: Array<{ highlight: Highlight; start: number; end: number }> = [];
  for (const highlight of highlights) {
    const span = anchorSelectors(text, highlight.quote, highlight.position);
    if (span) placed.push({ highlight, ...span });
    else orphans.add(highlight.id);
  }
  for (const { highlight, start, end } of placed) {
    for (const piece of piecesOfSpan(container, { start, end })) wrapPiece(piece, highlight);
  }
  return orphans;
}

/** The first mark drawn for a highlight, to scroll to or place a popover at. */
export function firstMarkOf(container: ParentNode, highlightId: string): HTMLElement | null {
  // Ids are hexadecimal (the API checks them), so the id needs no quoting in the selector.
  if (!/^[0-9a-f]+$/.test(highlightId)) return null;
  return container.querySelector<HTMLElement>(`${HIGHLIGHT_MARK}[data-highlight-id="${highlightId}"]`);
}
