/**
 * An article as Markdown: YAML front matter (title, author, site, url, published, imported, tags, read,
 * starred), the body as paragraphs, then `## Highlights` (each quote a blockquote with its colour and note)
 * and `## Notes` (the article's note). The `yaml` package writes the front matter, so any title is quoted
 * as YAML needs.
 */
import { stringify } from 'yaml';
import type { StoredArticle } from '../../../common/article';
import type { UserData } from '../../../common/user-data';

export function articleMarkdown(article: StoredArticle, user: UserData): string {
  const front = stringify({
    title: article.title,
    author: article.author,
    site: article.site,
    url: article.url,
    published: article.published,
    imported: article.importedAt,
    tags: article.tags,
    read: user.reading.read,
    starred: user.reading.starred,
  });
  const parts = [`---\n${front}---`, `# ${oneLine(article.title)}`];
  const body = paragraphs(article.text);
  if (body.length) parts.push(...body);
  if (user.highlights.length) {
    parts.push('## Highlights');
    for (const h of user.highlights) {
      const note = h.note.trim() ? ` — ${oneLine(h.note)}` : '';
      parts.push(`${quote(h.quote.exact)}\n>\n> *${h.color}*${note}`);
    }
  }
  if (user.note.trim()) parts.push('## Notes', user.note.trim());
  return `${parts.join('\n\n')}\n`;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function quote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => (line.trim() ? `> ${line.trim()}` : '>'))
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
