/**
 * An export as one file: one article gives one file (`<slug>-<id>.md` or `.html`); several give a zip of one
 * file each; JSON is always one file of all of them.
 */
import type { StoredArticle } from '../../../common/article';
import type { ExportFile, ExportFormat } from '../../../common/export';
import type { UserData } from '../../../common/user-data';
import { exportName } from './file-names';
import { articleHtml } from './html-document';
import { articlesJson } from './json-export';
import { articleMarkdown } from './markdown';
import { zipBuffer } from './zip-buffer';

export interface ExportEntry {
  article: StoredArticle;
  user: UserData;
  /** The article's images as data: URLs, by resource name (HTML only). */
  images: ReadonlyMap<string, string>;
}

const KINDS = {
  markdown: { extension: 'md', mediaType: 'text/markdown; charset=utf-8' },
  html: { extension: 'html', mediaType: 'text/html; charset=utf-8' },
} as const;

export async function exportFile(entries: readonly ExportEntry[], format: ExportFormat): Promise<ExportFile> {
  const count = entries.length;
  if (format === 'json') {
    const name =
      count === 1
        ? exportName(entries[0]!.article.title, entries[0]!.article.id, 'json')
        : `offprint-export-${count}-articles.json`;
    return {
      name,
      mediaType: 'application/json',
      data: Buffer.from(articlesJson(entries)).toString('base64'),
    };
  }
  const { extension, mediaType } = KINDS[format];
  const files = entries.map(({ article, user, images }) => ({
    name: exportName(article.title, article.id, extension),
    data: format === 'markdown' ? articleMarkdown(article, user) : articleHtml(article, user, images),
  }));
  if (files.length === 1)
    return { name: files[0]!.name, mediaType, data: Buffer.from(files[0]!.data).toString('base64') };
  return {
    name: `offprint-export-${count}-articles.zip`,
    mediaType: 'application/zip',
    data: (await zipBuffer(files)).toString('base64'),
  };
}
