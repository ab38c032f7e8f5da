/** What of an article the search index sees: its fields as Lunr documents (see FIELDS for the boosts). */
import type { StoredArticle } from '../../../common/article';
import { cutText } from '../import/body-limit';
import { importLimits } from '../import/limits';
import type { IndexDocument } from './lunr-setup';

export function toIndexDocument(a: StoredArticle): IndexDocument {
  return {
    id: a.id,
    title: a.title,
    subtitle: a.subtitle ?? '',
    tags: a.tags.join(' '),
    author: a.author ?? '',
    site: a.site ?? '',
    // Imports bound the body already; an article imported before that limit existed is indexed as if cut.
    body: cutText(a.text, importLimits().maxBodyChars),
  };
}
