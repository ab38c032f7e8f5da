/** What of an article the search index sees: its fields as Lunr documents (see FIELDS for the boosts). */
import type { StoredArticle } from '../../../common/article';
import { EMPTY_USER_DATA, type UserData } from '../../../common/user-data';
import { cutText } from '../import/body-limit';
import { importLimits } from '../import/limits';
import { DOC_FLAGS, type DocMeta } from './engine/segment-format';
import type { IndexDocument } from './lunr-setup';

export function toIndexDocument(a: StoredArticle, user: UserData = EMPTY_USER_DATA): IndexDocument {
  return {
    id: a.id,
    title: a.title,
    subtitle: a.subtitle ?? '',
    tags: a.tags.join(' '),
    author: a.author ?? '',
    site: a.site ?? '',
    // Imports bound the body already; an article imported before that limit existed is indexed as if cut.
    body: cutText(a.text, importLimits().maxBodyChars),
    // One passage a line: Lunr's tokenizer splits on white space, so passages never run into each other.
    note: [user.note, ...user.highlights.map((h) => h.note)].filter(Boolean).join('\n'),
    highlight: user.highlights.map((h) => h.quote.exact).join('\n'),
  };
}

/** What search keeps of a document beside its terms (see DocMeta). */
export function toDocMeta(a: StoredArticle, user: UserData = EMPTY_USER_DATA): DocMeta {
  const flags =
    (user.reading.read ? DOC_FLAGS.read : 0) |
    (user.reading.starred ? DOC_FLAGS.starred : 0) |
    (user.note.trim() ? DOC_FLAGS.hasNote : 0);
  return [a.published ?? null, a.tags, a.title, flags, user.highlights.length];
}
