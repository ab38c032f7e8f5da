/**
 * The parts citations are made of, called directly: bylines as names (people, organisations, the odd spacing
 * and separators real bylines have), citation keys (stop words, fallbacks, accents, long runs of one key), the
 * CSL item's optional fields and dates, and what each format's result says it is.
 * citations.test.ts checks whole citations of one article against outputs written by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseAuthors } from '../../../main/library/export/author-names';
import { citationKey, citationKeys } from '../../../main/library/export/citation-key';
import { citeArticles } from '../../../main/library/export/cite';
import { cslItem, dateParts } from '../../../main/library/export/csl-item';

const ARTICLE = {
  title: 'Drone attack on Iraqi PM marks escalation',
  author: 'Jane Smith',
  site: 'BBC News',
  url: 'https://www.bbc.co.uk/news/world-middle-east-59199440',
  published: '2021-11-07T19:14:16Z',
  importedAt: '2024-03-05T23:30:00.000Z',
};

const person = (given: string, family: string) => ({ given, family });

describe('bylines as names', () => {
  it('reads spacing, "by" and separators as a person would', () => {
    expect(parseAuthors('By  Jane\n   Smith')).toEqual([person('Jane', 'Smith')]);
    expect(parseAuthors('Jane  Smith')).toEqual([person('Jane', 'Smith')]);
    // "by" is a word at the start, not letters inside a name.
    expect(parseAuthors('Abby Lee')).toEqual([person('Abby', 'Lee')]);
    expect(parseAuthors('Byron Smith')).toEqual([person('Byron', 'Smith')]);
    expect(parseAuthors('Jane Doe and Byron Smith')).toEqual([
      person('Jane', 'Doe'),
      person('Byron', 'Smith'),
    ]);
    expect(parseAuthors('Jane Doe and Abby Lee')).toEqual([person('Jane', 'Doe'), person('Abby', 'Lee')]);
    // "by" again after a separator, separators without spaces, and an empty part.
    expect(parseAuthors('Jane Doe, by John Roe')).toEqual([person('Jane', 'Doe'), person('John', 'Roe')]);
    expect(parseAuthors('Jane Doe,John Roe;Ann Lee')).toEqual([
      person('Jane', 'Doe'),
      person('John', 'Roe'),
      person('Ann', 'Lee'),
    ]);
    expect(parseAuthors('Jane Doe, , John Roe,')).toEqual([person('Jane', 'Doe'), person('John', 'Roe')]);
    for (const blank of ['', '   \n ', ' \t ']) expect(parseAuthors(blank)).toEqual([]);
  });

  it('keeps what is not one person whole, as a literal', () => {
    for (const literal of [
      'Madonna', // one word
      'Jean Claude Van Der Berg', // five words
      'Agent 47', // a digit
      'Sports Editor',
      'Sports Editors',
      'Crime Reporter',
      'Foreign Correspondent',
      'Foreign Correspondents',
      'BBC News',
    ])
      expect(parseAuthors(literal), literal).toEqual([{ literal }]);
    // Four words is still a person; so are two.
    expect(parseAuthors('Mary Ann Van Dyke')).toEqual([person('Mary Ann Van', 'Dyke')]);
    expect(parseAuthors('Ann Lee')).toEqual([person('Ann', 'Lee')]);
  });
});

describe('citation keys', () => {
  it("skips every stop word of the title's start", () => {
    for (const stop of ['a', 'an', 'the', 'of', 'on', 'in', 'at', 'to', 'for', 'and', 'or', 'is', 'by'])
      expect(citationKey({ ...ARTICLE, title: `${stop} Drone attack` }), stop).toBe('smith2021drone');
    // A title of stop words only, or of none at all: no word.
    expect(citationKey({ ...ARTICLE, title: 'On the' })).toBe('smith2021');
    // Punctuation first: not an empty word.
    expect(citationKey({ ...ARTICLE, title: '“Drone” attack' })).toBe('smith2021drone');
    expect(citationKey({ ...ARTICLE, title: 'Été meurtrier' })).toBe('smith2021ete');
  });

  it("falls back to the site's first word, then to anon", () => {
    expect(citationKey({ ...ARTICLE, author: null })).toBe('bbc2021drone');
    expect(citationKey({ ...ARTICLE, author: null, site: null })).toBe('anon2021drone');
    // A name with no ASCII letter at all.
    expect(citationKey({ ...ARTICLE, author: '李明' })).toBe('anon2021drone');
    expect(citationKey({ ...ARTICLE, published: 'not a date' })).toBe('smithnddrone');
  });

  it('suffixes a repeated key a to z, then aa, ab', () => {
    const keys = citationKeys(Array.from({ length: 28 }, () => ARTICLE));
    expect(keys.slice(0, 2)).toEqual(['smith2021dronea', 'smith2021droneb']);
    expect(keys.slice(24)).toEqual([
      'smith2021droney',
      'smith2021dronez',
      'smith2021droneaa',
      'smith2021droneab',
    ]);
  });
});

describe('CSL items', () => {
  it('leaves out what the article does not have', () => {
    const bare = cslItem(
      { title: 'Untitled', author: null, site: null, url: null, published: null, importedAt: '' },
      'k',
    );
    expect(bare).toStrictEqual({ id: 'k', type: 'webpage', title: 'Untitled' });
    expect(Object.keys(cslItem({ ...ARTICLE, author: '  ' }, 'k'))).not.toContain('author');
  });

  it('reads dates as UTC date parts, and nothing from no date or a bad one', () => {
    expect(dateParts('2024-03-05T23:30:00.000Z')).toEqual({ 'date-parts': [[2024, 3, 5]] });
    expect(dateParts(null)).toBeNull();
    expect(dateParts('')).toBeNull();
    expect(dateParts('not a date')).toBeNull();
  });
});

describe('what each citation says it is', () => {
  it('a reference: plain text, and HTML without trailing space', async () => {
    const c = await citeArticles([ARTICLE], 'apa');
    expect(c.mediaType).toBe('text/plain');
    expect(c.format).toBe('apa');
    expect(c.html).toMatch(/^<div class="csl-bib-body">[^]*<\/div>$/);
  });

  it('RIS: a newspaper article without a byline, and a web page with one', async () => {
    const unsigned = (await citeArticles([{ ...ARTICLE, author: null }], 'ris')).text;
    expect(unsigned).toMatch(/^TY {2}- NEWS$/m);
    expect(unsigned).not.toMatch(/^AU/m);
    const page = (await citeArticles([{ ...ARTICLE, site: null, author: 'Jane Smith' }], 'ris')).text;
    expect(page).toMatch(/^TY {2}- ELEC$/m);
    expect(page).toMatch(/^AU {2}- Smith, Jane$/m);
    const org = (await citeArticles([{ ...ARTICLE, author: 'Reuters' }], 'ris')).text;
    expect(org).toMatch(/^AU {2}- Reuters$/m);
  });
});
