/** A quote with its article's formatted reference, as plain text and as HTML, for the clipboard. */
import type { Citation } from '../../common/export';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function quoteWithCitation(quote: string, citation: Citation): { text: string; html: string } {
  const reference = citation.text.trim();
  // The reference's HTML comes from the library's CSL processor; its plain text is used when there is none.
  const referenceHtml = citation.html?.trim() || escapeHtml(reference);
  return {
    text: `“${quote}”\n\n${reference}\n`,
    html: `<blockquote><p>${escapeHtml(quote).replace(/\n/g, '<br>')}</p></blockquote>\n${referenceHtml}\n`,
  };
}
