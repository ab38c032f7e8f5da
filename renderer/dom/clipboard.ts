import type { Citation } from '../../common/export';

/**
 * Copies a citation: a formatted reference goes as rich text too (pasted into a word processor it keeps its
 * italics), data formats as plain text. Rejects where the page may not write the clipboard.
 */
export async function copyCitation(citation: Citation): Promise<void> {
  if (citation.html !== null && typeof ClipboardItem !== 'undefined') {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([citation.text], { type: 'text/plain' }),
        'text/html': new Blob([citation.html], { type: 'text/html' }),
      }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(citation.text);
}

/** Copies a text field's whole text the old way (a user gesture, no permission); false when the browser refused. */
export function copySelectedText(field: HTMLTextAreaElement): boolean {
  field.focus();
  field.select();
  try {
    // Deprecated, but the one way left when the async clipboard is refused, and still supported everywhere.
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
