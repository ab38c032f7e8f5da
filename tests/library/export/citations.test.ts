/**
 * Citations of a fixed article, against outputs written out by hand: a BibTeX entry, an RIS record, an APA
 * reference (text and HTML), and CSL-JSON validated against the official CSL-JSON schema
 * (tests/fixtures/csl/, see SOURCE.md there). Also how bylines become names and how citation keys are made.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseAuthors } from '../../../main/library/export/author-names';
import { citeArticles } from '../../../main/library/export/cite';
import { citationKeys } from '../../../main/library/export/citation-key';
import { REPO } from '../../helpers/temp-library';

const ARTICLE = {
  title: 'Drone attack on Iraqi PM marks escalation',
  author: 'By Jane Smith and John Doe',
  site: 'BBC News',
  url: 'https://www.bbc.co.uk/news/world-middle-east-59199440',
  published: '2021-11-07T19:14:16Z',
  // Late in the UTC day: the accessed date must be the UTC one, whatever the machine's time zone.
  importedAt: '2024-03-05T23:30:00.000Z',
};
const URL = ARTICLE.url;

describe('citations of one newspaper article', () => {
  it('BibTeX', async () => {
    const c = await citeArticles([ARTICLE], 'bibtex');
    expect(c.mediaType).toBe('application/x-bibtex');
    expect(c.html).toBeNull();
    expect(c.text).toBe(
      [
        '@article{smith2021drone,',
        '\tnote = {[Online; accessed 2024-03-05]},',
        '\tauthor = {Smith, Jane and Doe, John},',
        '\tjournal = {BBC News},',
        '\tyear = {2021},',
        '\tmonth = {nov 7},',
        '\ttitle = {Drone attack on {Iraqi} {PM} marks escalation},',
        `\turl = {${URL}},`,
        `\thowpublished = {${URL}},`,
        '}',
        '',
      ].join('\n'),
    );
  });

  it('RIS, with the writers as AU lines', async () => {
    const c = await citeArticles([ARTICLE], 'ris');
    expect(c.mediaType).toBe('application/x-research-info-systems');
    expect(c.text).toBe(
      [
        'TY  - NEWS',
        'AU  - Smith, Jane',
        'AU  - Doe, John',
        'ID  - smith2021drone',
        'PY  - 2021',
        'T2  - BBC News',
        'TI  - Drone attack on Iraqi PM marks escalation',
        `UR  - ${URL}`,
        'Y2  - 2024/3/5/',
        'ER  - ',
        '',
      ].join('\n'),
    );
  });

  it('APA, as text and as HTML (citeproc-js with the bundled style)', async () => {
    const c = await citeArticles([ARTICLE], 'apa');
    expect(c.text).toBe(
      `Smith, J., & Doe, J. (2021, November 7). Drone attack on Iraqi PM marks escalation. BBC News. ${URL}\n`,
    );
    expect(c.html).toBe(
      '<div class="csl-bib-body">\n' +
        `  <div data-csl-entry-id="smith2021drone" class="csl-entry">Smith, J., &#38; Doe, J. (2021, November 7). Drone attack on Iraqi PM marks escalation. <i>BBC News</i>. ${URL}</div>\n` +
        '</div>',
    );
  });

  it('Harvard and Vancouver', async () => {
    expect((await citeArticles([ARTICLE], 'harvard')).text).toBe(
      `Smith, J. and Doe, J. (2021) “Drone attack on Iraqi PM marks escalation,” BBC News, 7 November. Available at: ${URL} (Accessed: March 5, 2024).\n`,
    );
    expect((await citeArticles([ARTICLE], 'vancouver')).text).toBe(
      `1. Smith J, Doe J. Drone attack on Iraqi PM marks escalation. BBC News [Internet]. 2021 Nov 7 [cited 2024 Mar 5]. Available from: ${URL}\n`,
    );
  });

  it('CSL-JSON: the expected item, valid against the CSL-JSON schema', async () => {
    const c = await citeArticles([ARTICLE, { ...ARTICLE, site: null, author: 'Reuters' }], 'csl-json');
    expect(c.mediaType).toBe('application/vnd.citationstyles.csl+json');
    const items = JSON.parse(c.text) as unknown[];
    expect(items[0]).toEqual({
      id: 'smith2021drone',
      type: 'article-newspaper',
      title: ARTICLE.title,
      author: [
        { family: 'Smith', given: 'Jane' },
        { family: 'Doe', given: 'John' },
      ],
      'container-title': 'BBC News',
      issued: { 'date-parts': [[2021, 11, 7]] },
      accessed: { 'date-parts': [[2024, 3, 5]] },
      URL,
    });
    // No site: a web page; an organisation stays whole.
    expect(items[1]).toMatchObject({
      type: 'webpage',
      author: [{ literal: 'Reuters' }],
      id: 'reuters2021drone',
    });
    const schema = JSON.parse(
      fs.readFileSync(path.join(REPO, 'tests', 'fixtures', 'csl', 'csl-data.schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(items), JSON.stringify(validate.errors)).toBe(true);
    // The schema is real: an invented field is refused.
    expect(validate([{ ...(items[0] as object), 'citation-key': 'x' }])).toBe(false);
  });
});

describe('names and keys', () => {
  it('parses bylines into people and organisations', async () => {
    expect(parseAuthors('By Jane Smith')).toEqual([{ family: 'Smith', given: 'Jane' }]);
    expect(parseAuthors('Jane Smith, John Doe & Ann Marie Lee')).toEqual([
      { family: 'Smith', given: 'Jane' },
      { family: 'Doe', given: 'John' },
      { family: 'Lee', given: 'Ann Marie' },
    ]);
    expect(parseAuthors('BBC News')).toEqual([{ literal: 'BBC News' }]);
    expect(parseAuthors('The Guardian Staff')).toEqual([{ literal: 'The Guardian Staff' }]);
    expect(parseAuthors(null)).toEqual([]);
  });

  it('makes keys unique within one call, and the same article always gets the same key', async () => {
    const undated = { ...ARTICLE, author: 'Zoë Ångström', published: null, title: 'The tides' };
    expect(citationKeys([ARTICLE, ARTICLE, undated])).toEqual([
      'smith2021dronea',
      'smith2021droneb',
      'angstromndtides',
    ]);
    expect(citationKeys([ARTICLE])).toEqual(['smith2021drone']);
  });
});
