/**
 * Article `text` is plain text with paragraphs separated by blank lines. Single line breaks inside a paragraph
 * are usually hard wrapping from the source (mail, 72-column text files), so they read as spaces.
 */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}
