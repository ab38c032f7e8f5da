/**
 * The one place every importer's output goes through before it leaves the worker (registry.ts wraps each
 * importer's `read` with `finishOutcomes`): whatever a format's code does, what is stored is
 * - HTML sanitized (sanitize-html.ts), and only the resources that sanitized HTML still references;
 * - titles, tags, authors, site names, subtitles, categories and neighbour titles without control characters
 *   or bidi overrides, and capped in length (common/clean-text.ts says which caps and why);
 * - text without NUL characters (a file with a stray NUL byte imports; a NUL is never meaningful in an article).
 */
import { FIELD_LIMITS, cleanLine, cleanOptional, cleanTags, cleanTitle } from '../../../common/clean-text';
import type { ExtractedArticle } from '../../../common/article';
import type { ImportOutcome } from './importer';
import { sanitizeHtml } from './sanitize-html';

/** A source names a file (with its entry inside an archive): as long as paths get, and one line. */
const SOURCE_LIMIT = 4096;

/** Articles already finished: an archive's entries pass through the wrapper of each importer they nest in. */
const finished = new WeakSet<ExtractedArticle>();

export function finishArticle(article: ExtractedArticle): ExtractedArticle {
  if (finished.has(article)) return article;
  const html = article.html === null ? null : sanitizeHtml(article.html.replace(/\u0000/g, '')) || null;
  const out: ExtractedArticle = {
    ...article,
    title: cleanTitle(article.title),
    subtitle: cleanOptional(article.subtitle, FIELD_LIMITS.subtitle),
    author: cleanOptional(article.author, FIELD_LIMITS.author),
    site: cleanOptional(article.site, FIELD_LIMITS.site),
    category: cleanOptional(article.category, FIELD_LIMITS.category),
    tags: cleanTags(article.tags),
    previousTitle: cleanOptional(article.previousTitle, FIELD_LIMITS.title),
    nextTitle: cleanOptional(article.nextTitle, FIELD_LIMITS.title),
    text: article.text.replace(/\u0000/g, ''),
    html,
  };
  finished.add(out);
  return out;
}

export function finishOutcome(outcome: ImportOutcome): ImportOutcome {
  const source = cleanLine(outcome.source, SOURCE_LIMIT) || 'unnamed input';
  if (outcome.kind === 'failed') return { ...outcome, source };
  if (finished.has(outcome.article)) return outcome;
  const article = finishArticle(outcome.article);
  // A resource is kept only while the stored HTML shows it: one the sanitizer removed is not stored.
  const resources = outcome.resources.filter((r) => article.html?.includes(`"resource:${r.name}"`) ?? false);
  return { ...outcome, source, article, resources };
}

/** Wraps what an importer's `read` returns, array or stream, so each outcome is finished as it goes out. */
export async function* finishOutcomes(
  outcomes: AsyncIterable<ImportOutcome> | Promise<ImportOutcome[]>,
): AsyncGenerator<ImportOutcome> {
  if (Symbol.asyncIterator in outcomes) {
    for await (const outcome of outcomes) yield finishOutcome(outcome);
  } else {
    for (const outcome of await outcomes) yield finishOutcome(outcome);
  }
}
