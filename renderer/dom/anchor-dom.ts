/**
 * The DOM side of highlight anchoring: a body's text is the concatenation of its text nodes, in document order
 * (common/user-data.ts), and a position is a UTF-16 offset into it. Marks added by the reader (the query's words,
 * highlights) wrap text nodes but never change that text, so positions hold whatever is drawn.
 */
import { describeSpan, type TextSelectors, type TextSpan } from '../lib/anchoring';

export function textNodesOf(container: Node): Text[] {
  const document = container.ownerDocument ?? (container as Document);
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

/** The body's text as anchoring counts it. */
export function bodyText(container: Node): string {
  return textNodesOf(container)
    .map((node) => node.data)
    .join('');
}

/** The text offset of a range boundary inside `container` (boundaries outside it are clamped to its ends). */
function offsetOf(container: Node, node: Node, offset: number): number {
  const document = container.ownerDocument ?? (container as Document);
  const before = document.createRange();
  before.selectNodeContents(container);
  if (!container.contains(node)) {
    // Before the container: its start; after it: its end.
    const position = container.compareDocumentPosition(node);
    return position & Node.DOCUMENT_POSITION_PRECEDING ? 0 : before.toString().length;
  }
  before.setEnd(node, offset);
  return before.toString().length;
}

/** The part of `range` inside `container` as text offsets. */
export function spanOfRange(container: Node, range: Range): TextSpan {
  return {
    start: offsetOf(container, range.startContainer, range.startOffset),
    end: offsetOf(container, range.endContainer, range.endOffset),
  };
}

/** The selectors for what `range` covers of the body; null when it covers no text of it. */
export function selectorsOfRange(container: Node, range: Range): TextSelectors | null {
  const span = spanOfRange(container, range);
  return describeSpan(bodyText(container), span);
}

export interface TextPiece {
  node: Text;
  from: number;
  to: number;
}

/** The text nodes (and the parts of them) that make up `span`. */
export function piecesOfSpan(container: Node, span: TextSpan): TextPiece[] {
  const pieces: TextPiece[] = [];
  let offset = 0;
  for (const node of textNodesOf(container)) {
    const length = node.data.length;
    const from = Math.max(span.start, offset);
    const to = Math.min(span.end, offset + length);
    if (from < to) pieces.push({ node, from: from - offset, to: to - offset });
    offset += length;
    if (offset >= span.end) break;
  }
  return pieces;
}

/** A DOM range over `span`, to scroll to or select; null when the span has no text. */
export function rangeOfSpan(container: Node, span: TextSpan): Range | null {
  const pieces = piecesOfSpan(container, span);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last) return null;
  const range = (container.ownerDocument ?? (container as Document)).createRange();
  range.setStart(first.node, first.from);
  range.setEnd(last.node, last.to);
  return range;
}
