/**
 * Plain-text articles: a headline line, then paragraphs separated by blank lines (the shape of the BBC
 * corpus and of most "save as text" output). Hard-wrapped paragraphs are joined.
 */
import type { Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';
import { makeArticle, singleArticle } from '../importer';
import { paragraphsOf, splitLines } from '../text-lines';

/** A first line longer than this is a paragraph, not a headline. */
const MAX_TITLE = 200;

export function parsePlainText(text: string): { title: string; paragraphs: string[] } | null {
  const paragraphs = paragraphsOf(splitLines(text));
  const first = paragraphs[0];
  if (first === undefined) return null;
  if (first.length <= MAX_TITLE) return { title: first, paragraphs: paragraphs.slice(1) };
  const words = first.split(' ');
  return { title: words.slice(0, 12).join(' ') + (words.length > 12 ? '…' : ''), paragraphs };
}

export const TEXT_EXTENSIONS = ['txt', 'text', ''];

export const plainTextImporter: Importer = {
  name: 'plain-text',
  accepts(_input: ImportInput, sniffed: SniffedContent) {
    return sniffed.text !== null && TEXT_EXTENSIONS.includes(sniffed.extension);
  },
  async read(input: ImportInput, sniffed: SniffedContent): Promise<ImportOutcome[]> {
    const parsed = parsePlainText(sniffed.text ?? '');
    if (!parsed)
      return [{ kind: 'failed', source: input.name, reason: 'the file is empty (no text to import)' }];
    return [
      singleArticle(
        input,
        sniffed,
        'plain-text',
        makeArticle({ title: parsed.title, text: parsed.paragraphs.join('\n\n') }),
      ),
    ];
  },
};
