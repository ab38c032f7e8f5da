/**
 * What the search index sees of an article (main/library/search/index-document.ts): each field of its Lunr
 * document, the reader's notes and highlights one passage a line, the body cut at this thread's body limit as an
 * import would have cut it, and the meta a segment keeps beside the terms (date, tags, title, flags, highlights).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../../common/article';
import { EMPTY_USER_DATA, type UserData } from '../../../common/user-data';
import { setImportLimits } from '../../../main/library/import/limits';
import { DOC_FLAGS } from '../../../main/library/search/engine/segment-format';
import { toDocMeta, toIndexDocument } from '../../../main/library/search/index-document';
import { makeHighlight } from '../../helpers/highlight-fixture';

afterEach(() => setImportLimits());

const ARTICLE: StoredArticle = {
  formatVersion: 1,
  id: 'abcdef0123456789abcd',
  title: 'Tides of the north sea',
  subtitle: 'A season on the coast',
  author: 'Mara Voss',
  site: 'Coastal Review',
  url: 'https://example.org/tides',
  published: '2024-03-05T10:00:00Z',
  category: 'Nature',
  tags: ['coast', 'sea/north'],
  text: 'The tide came in at dawn.\n\nThe boats went out at noon and came back late.',
  html: null,
  previousTitle: null,
  nextTitle: null,
  linkOnly: false,
  source: 'tides.txt',
  importer: 'plain-text',
  encoding: 'utf-8',
  original: 'original.txt',
  importedAt: '2024-03-06T10:00:00.000Z',
  previousVersion: null,
  resources: [],
};

/** An article with none of the optional fields. */
const BARE: StoredArticle = {
  ...ARTICLE,
  subtitle: null,
  author: null,
  site: null,
  published: null,
  tags: [],
};

function user(change: Partial<UserData> & { read?: boolean; starred?: boolean } = {}): UserData {
  const { read = false, starred = false, ...rest } = change;
  return { ...EMPTY_USER_DATA, reading: { ...EMPTY_USER_DATA.reading, read, starred }, ...rest };
}

describe('toIndexDocument', () => {
  it('gives each field its text, tags one word list', () => {
    expect(toIndexDocument(ARTICLE)).toEqual({
      id: 'abcdef0123456789abcd',
      title: 'Tides of the north sea',
      subtitle: 'A season on the coast',
      tags: 'coast sea/north',
      author: 'Mara Voss',
      site: 'Coastal Review',
      body: 'The tide came in at dawn.\n\nThe boats went out at noon and came back late.',
      note: '',
      highlight: '',
    });
  });

  it('indexes the fields an article lacks as empty text', () => {
    expect(toIndexDocument(BARE, EMPTY_USER_DATA)).toEqual({
      id: 'abcdef0123456789abcd',
      title: 'Tides of the north sea',
      subtitle: '',
      tags: '',
      author: '',
      site: '',
      body: ARTICLE.text,
      note: '',
      highlight: '',
    });
    expect(toIndexDocument({ ...BARE, tags: ['only'] }).tags).toBe('only');
  });

  it('puts the article note and each highlight’s note one a line, leaving out empty notes', () => {
    const annotated = user({
      note: 'Read again in spring',
      highlights: [
        makeHighlight('tide came in', 'dawn tides', 'a'.repeat(16)),
        makeHighlight('boats went out', '', 'b'.repeat(16)),
        makeHighlight('came back late', 'late return', 'c'.repeat(16)),
      ],
    });
    const doc = toIndexDocument(ARTICLE, annotated);
    expect(doc.note).toBe('Read again in spring\ndawn tides\nlate return');
    expect(doc.highlight).toBe('tide came in\nboats went out\ncame back late');
    // Without an article note, only the highlights' notes.
    const notesOnly = toIndexDocument(ARTICLE, { ...annotated, note: '' });
    expect(notesOnly.note).toBe('dawn tides\nlate return');
    expect(toIndexDocument(ARTICLE, user({ note: 'Just this' })).note).toBe('Just this');
  });

  it('cuts the body at this thread’s body limit, as an import would have', () => {
    setImportLimits({ maxBodyChars: 30 });
    // 30 characters end just after "The"; a space at 30 is within the last tenth, so the cut falls there.
    expect(toIndexDocument(ARTICLE).body).toBe('The tide came in at dawn.\n\nThe');
    setImportLimits({ maxBodyChars: ARTICLE.text.length });
    expect(toIndexDocument(ARTICLE).body).toBe(ARTICLE.text);
    setImportLimits();
    expect(toIndexDocument(ARTICLE).body).toBe(ARTICLE.text);
  });
});

describe('toDocMeta', () => {
  it('keeps the date, tags, title, flags and the number of highlights', () => {
    expect(toDocMeta(ARTICLE)).toEqual([
      '2024-03-05T10:00:00Z',
      ['coast', 'sea/north'],
      'Tides of the north sea',
      0,
      0,
    ]);
    expect(toDocMeta(BARE, EMPTY_USER_DATA)).toEqual([null, [], 'Tides of the north sea', 0, 0]);
  });

  it('sets one flag bit for read, for starred and for an article note', () => {
    expect(toDocMeta(ARTICLE, user({ read: true }))[3]).toBe(DOC_FLAGS.read);
    expect(toDocMeta(ARTICLE, user({ starred: true }))[3]).toBe(DOC_FLAGS.starred);
    expect(toDocMeta(ARTICLE, user({ note: 'Keep' }))[3]).toBe(DOC_FLAGS.hasNote);
    expect(toDocMeta(ARTICLE, user({ read: true, starred: true, note: 'Keep' }))[3]).toBe(7);
    expect(toDocMeta(ARTICLE, user({ read: true, note: 'Keep' }))[3]).toBe(5);
    expect(DOC_FLAGS).toEqual({ read: 1, starred: 2, hasNote: 4 });
  });

  it('counts no note for white space alone, nor for highlights’ notes', () => {
    expect(toDocMeta(ARTICLE, user({ note: ' \n\t ' }))[3]).toBe(0);
    const highlighted = user({
      highlights: [makeHighlight('tide', 'a note on a highlight', 'a'.repeat(16)), makeHighlight('boats')],
    });
    expect(toDocMeta(ARTICLE, highlighted)).toEqual([
      '2024-03-05T10:00:00Z',
      ['coast', 'sea/north'],
      'Tides of the north sea',
      0,
      2,
    ]);
  });
});
