/**
 * A library written as Offprint did before the import cleaned metadata: one article whose title, tags, author,
 * site and neighbour title hold bidi overrides and terminal escapes. It is stored through the real ArticleStore,
 * past the importers, exactly as an older import left it.
 */
import { openLibrary } from '../../main/library/library';
import { makeArticle } from '../../main/library/import/importer';
import { ArticleStore } from '../../main/library/store/article-store';

const RLO = '\u202e';

export const RAW = {
  title: `Invoice ${RLO}gnp.exe\u001b]0;owned\u0007`,
  tags: [`in${RLO}voices`, '\u2066\u2069'],
  author: `Mallory\u009b2J`,
  site: `bank.example${RLO}`,
  previousTitle: `Earlier ${RLO}fdp.scr`,
};

/** The same values as the display must show them. */
export const SHOWN = {
  title: 'Invoice gnp.exe]0;owned',
  tags: ['invoices'],
  author: 'Mallory2J',
  site: 'bank.example',
  previousTitle: 'Earlier fdp.scr',
};

/** Creates the library at `dir`; answers the article's id. */
export async function writeRawMetadataLibrary(dir: string): Promise<string> {
  await (await openLibrary(dir)).close();
  const store = await ArticleStore.open(dir);
  const text =
    'The harbour invoice was paid twice, the auditors found, and the council asked for the money back.';
  const result = await store.add({
    kind: 'article',
    source: 'invoice.txt',
    original: new TextEncoder().encode(text),
    originalName: 'invoice.txt',
    encoding: 'utf-8',
    importer: 'plain-text',
    article: makeArticle({
      title: RAW.title,
      text,
      tags: RAW.tags,
      author: RAW.author,
      site: RAW.site,
      previousTitle: RAW.previousTitle,
    }),
    resources: [],
  });
  await store.commit();
  return result.id;
}
