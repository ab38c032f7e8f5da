/**
 * Marks the query's words in a sanitized article, text node by text node, so markup is never parsed or rebuilt
 * as a string (a regex over HTML would also match inside attributes and split entities).
 */
import { splitByTerms } from '../lib/highlight';

/** Wraps every hit in `<mark>` inside `root`; answers how many there are. `terms` must be normalized. */
export function highlightTerms(root: Node, terms: readonly string[]): number {
  if (terms.length === 0) return 0;
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  // Collect first: replacing nodes while the walker is on them would end the walk early.
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  let hits = 0;
  for (const node of textNodes) {
    const segments = splitByTerms(node.data, terms);
    if (!segments.some((segment) => segment.hit)) continue;
    const replacement = document.createDocumentFragment();
    for (const segment of segments) {
      if (segment.hit) {
        const mark = document.createElement('mark');
        mark.className = 'hit';
        mark.textContent = segment.text;
        replacement.append(mark);
        hits++;
      } else {
        replacement.append(segment.text);
      }
    }
    node.replaceWith(replacement);
  }
  return hits;
}

/** Takes out the marks `highlightTerms` added, so the same document can be marked for another query. */
export function clearHighlights(root: ParentNode): void {
  for (const mark of Array.from(root.querySelectorAll('mark.hit'))) {
    const parent = mark.parentNode;
    mark.replaceWith(...Array.from(mark.childNodes));
    parent?.normalize();
  }
}
