/** What of an article the search index sees: its fields as Lunr documents (see FIELDS for the boosts). */
import type { StoredArticle } from '../../../common/article';
import type { IndexDocument } from './lunr-setup';

export function toIndexDocument(a: StoredArticle): IndexDocument {
  return {
    id: a.id,
    title: a.title,
    subtitle: a.subtitle ?? '',
    tags: a.tags.join(' '),
    author: a.author ?? '',
    site: a.site ?? '',
    body: a.text,
  };
}
