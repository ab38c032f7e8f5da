import type { ArticleView } from '../../common/article';
import { formatDate } from '../lib/format';
import { isWebLink } from '../lib/web-links';
import { PlainTextBody } from './PlainTextBody';
import { RichHtmlBody } from './RichHtmlBody';
import { SourceNeighbours } from './SourceNeighbours';

interface ArticleDocumentProps {
  article: ArticleView;
  terms: readonly string[];
  onOpenArticle(id: string): void;
  /** The reader's text size in CSS pixels (the frame of a rich body needs it given; it inherits nothing). */
  fontSize: number;
  /** Called when a rich body's frame has marked the query's words. */
  onBodyMarked(): void;
  /** The element holding the body's text once it is shown (in the frame for a rich body), null when it goes. */
  onBody(articleId: string, container: HTMLElement | null): void;
}

/** WordPress files every post without a category under "Uncategorized": that says nothing worth a line. */
function shownCategory(category: string | null): string | null {
  return category && category.toLowerCase() !== 'uncategorized' ? category : null;
}

function formatImported(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
}

/** One line on a body cut at import: the file itself was kept whole. */
export function truncatedNotice(t: { fullChars: number; keptChars: number }): string {
  const n = (x: number) => x.toLocaleString('en');
  return `This article is long: only its first ${n(t.keptChars)} of ${n(t.fullChars)} characters are shown and searchable. The imported file is kept whole.`;
}

/** The article in a reading layout: header (what it is and where from), body, then its neighbours and provenance. */
export function ArticleDocument(props: ArticleDocumentProps) {
  const { article, terms, onOpenArticle } = props;
  const published = formatDate(article.published);
  const earlier = article.previousVersion;
  const kicker = [article.site, shownCategory(article.category)].filter(Boolean).join(' · ');
  return (
    <article className="article" aria-labelledby="article-title">
      <header className="article-header">
        {kicker && <p className="article-kicker">{kicker}</p>}
        <h2 id="article-title" className="article-title">
          {article.title}
        </h2>
        {article.subtitle && <p className="article-subtitle">{article.subtitle}</p>}
        {(article.author || published) && (
          <p className="article-byline">
            {article.author && <span className="article-author">By {article.author}</span>}
            {published && <time dateTime={article.published ?? undefined}>{published}</time>}
          </p>
        )}
        {article.tags.length > 0 && (
          <ul className="article-tags" aria-label="Tags">
            {article.tags.map((tag) => (
              <li key={tag} className="chip">
                {tag}
              </li>
            ))}
          </ul>
        )}
      </header>
      {article.truncated && (
        <p className="link-only" role="note">
          {truncatedNotice(article.truncated)}
        </p>
      )}
      {article.linkOnly ? (
        <p className="link-only">
          Only the link to this article was saved (from a read-it-later export), so there is no text to read
          here.
        </p>
      ) : article.html !== null ? (
        <RichHtmlBody
          key={article.id}
          articleId={article.id}
          html={article.html}
          title={article.title}
          terms={terms}
          fontSize={props.fontSize}
          onMarked={props.onBodyMarked}
          onBody={(container) => props.onBody(article.id, container)}
        />
      ) : (
        <PlainTextBody
          text={article.text}
          terms={terms}
          onBody={(container) => props.onBody(article.id, container)}
        />
      )}
      <footer className="article-footer">
        <SourceNeighbours previous={article.previous} next={article.next} onOpen={onOpenArticle} />
        <p className="provenance">
          {article.url && (
            <>
              Saved from{' '}
              {isWebLink(article.url) ? (
                <a href={article.url} target="_blank" rel="noopener noreferrer" className="provenance-url">
                  {article.url}
                </a>
              ) : (
                <span className="provenance-url">{article.url}</span>
              )}
              .{' '}
            </>
          )}
          Imported from <code>{article.source}</code> on {formatImported(article.importedAt)}.
        </p>
        {earlier && (
          <p className="provenance">
            This is a newer copy of a page already in your library.{' '}
            <button type="button" className="link-button" onClick={() => onOpenArticle(earlier)}>
              Open the earlier version
            </button>
          </p>
        )}
      </footer>
    </article>
  );
}
