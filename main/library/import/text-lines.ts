/** Helpers shared by the plain-text importers: line splitting and paragraph assembly. */

/** Splits text into lines, accepting CRLF, CR and LF, with trailing whitespace and a leading BOM removed. */
export function splitLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\s\u00a0]+$/u, ''));
}

/** Groups lines into paragraphs at blank lines; a hard-wrapped paragraph is joined with spaces. */
export function paragraphsOf(lines: string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) paragraphs.push(current.join(' '));
      current = [];
    } else {
      current.push(line.trim());
    }
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs;
}

/** Collapses runs of whitespace, for comparing headline repeats and titles. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/gu, ' ').trim();
}
