/**
 * The seed format: a plain-text dump of a news page (see `../shared/seed/drone-attack-iraqi-pm.txt` and the
 * anatomy table in the design notes). Top to bottom: a breadcrumb `Home <category> <headline>`, the headline
 * repeated, the standfirst, the body, then a footer of tag bullets (with markup debris), boilerplate such
 * as `Reuse this content`, `Published at <date>`, and `Previous article<title>` / `Next article<title>`.
 * The parser recognises each part by its shape, not by line numbers, so CRLF, a missing date or tag list,
 * other bullets, other repeat counts and other categories all read correctly.
 */
import type { Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';
import { makeArticle, singleArticle } from '../importer';
import { UTC_RULE } from '../../../../common/zone-rule';
import { normalizeDate } from '../dates';
import { normalizeSpace, splitLines } from '../text-lines';

const BREADCRUMB = /^Home(?:\s*[›»>/|]\s*|\s+)(.*)$/u;
const BULLET = /^\s*[•·▪◦●‣⁃\-*–]\s+(.*)$/u;
const PREVIOUS = /^Previous\s*article\s*[:›»>-]?\s*(.*)$/iu;
const NEXT = /^Next\s*article\s*[:›»>-]?\s*(.*)$/iu;
const PUBLISHED = /^(?:Published|Posted|Updated)(?:\s+(?:at|on))?\s*:?\s*(.+)$/iu;
/** Page furniture that is never part of an article. */
const BOILERPLATE =
  /^(?:Reuse this content|Share this article|Share on \w+|Advertisement|Skip to content)$/iu;
/** WordPress's default category: a placeholder, never a tag. */
const EMPTY_CATEGORIES = new Set(['uncategorized', 'uncategorised']);

type Line = { text: string; index: number };

export interface SeedParse {
  title: string;
  subtitle: string | null;
  category: string | null;
  body: string[];
  tags: string[];
  published: string | null;
  previousTitle: string | null;
  nextTitle: string | null;
}

/** How many seed-format landmarks the text has; two or more means the seed format. */
export function seedLandmarks(text: string): number {
  const lines = splitLines(text)
    .map((l) => l.trim())
    .filter(Boolean);
  const first = lines[0] ?? '';
  const head = lines.slice(0, 12).map(normalizeSpace);
  let score = 0;
  if (BREADCRUMB.test(first)) score++;
  if (head.some((line, i) => line.length > 0 && head.indexOf(line) !== i)) score++;
  const tail = lines.slice(-30);
  if (tail.some((l) => PREVIOUS.test(l) || NEXT.test(l))) score++;
  if (tail.some((l) => PUBLISHED.test(l) && normalizeDate(l.replace(PUBLISHED, '$1'), UTC_RULE) !== null))
    score++;
  if (tail.some((l) => BOILERPLATE.test(l))) score++;
  return score;
}

export function parseSeed(text: string): SeedParse {
  const lines: Line[] = splitLines(text)
    .map((t, index) => ({ text: normalizeSpace(t), index, raw: t }))
    .filter((l) => l.text !== '')
    .map(({ text: t, index }) => ({ text: t, index }));

  // Footer: the longest run at the end made only of footer lines.
  let footerStart = lines.length;
  while (footerStart > 0 && isFooterLine(lines[footerStart - 1]!.text)) footerStart--;
  const footer = lines.slice(footerStart);
  let rest = lines.slice(0, footerStart);

  // Header: optional breadcrumb, then the headline (possibly repeated).
  let breadcrumb: string | null = null;
  const crumb = rest[0] ? BREADCRUMB.exec(rest[0].text) : null;
  if (crumb && rest.length > 1) {
    breadcrumb = crumb[1]!.trim();
    rest = rest.slice(1);
  }
  const title = chooseHeadline(rest, breadcrumb);
  // The headline and its repeats are no paragraphs, wherever they stand.
  const paragraphs = rest.map((l) => l.text).filter((t) => t !== title);

  // The standfirst is the first paragraph after the headline, when there is a body after it.
  let subtitle: string | null = null;
  if (paragraphs.length >= 2 && paragraphs[0]!.length <= 400) subtitle = paragraphs.shift()!;

  return {
    title,
    subtitle,
    category: categoryOf(breadcrumb, title),
    body: paragraphs,
    ...readFooter(footer.map((l) => l.text)),
  };
}

function isFooterLine(text: string): boolean {
  return (
    BULLET.test(text) ||
    BOILERPLATE.test(text) ||
    PREVIOUS.test(text) ||
    NEXT.test(text) ||
    (PUBLISHED.test(text) && text.length < 120)
  );
}

/** The headline is the first line that repeats near the top; failing that, the first line, or the breadcrumb. */
function chooseHeadline(lines: Line[], breadcrumb: string | null): string {
  const head = lines.slice(0, 12).map((l) => l.text);
  const repeated = head.find((t, i) => head.indexOf(t) === i && head.lastIndexOf(t) !== i);
  if (repeated) return repeated;
  return head[0] || breadcrumb || 'Untitled';
}

function categoryOf(breadcrumb: string | null, title: string): string | null {
  if (!breadcrumb) return null;
  const withoutTitle = breadcrumb.endsWith(title) ? breadcrumb.slice(0, -title.length) : breadcrumb;
  const category = withoutTitle.replace(/[\s›»>/|]+$/u, '').trim();
  return category || null;
}

function readFooter(footer: string[]): Pick<SeedParse, 'tags' | 'published' | 'previousTitle' | 'nextTitle'> {
  const tags: string[] = [];
  let published: string | null = null;
  let previousTitle: string | null = null;
  let nextTitle: string | null = null;
  for (const line of footer) {
    const bullet = BULLET.exec(line);
    const prev = PREVIOUS.exec(line);
    const next = NEXT.exec(line);
    const date = PUBLISHED.exec(line);
    if (bullet) {
      const tag = bullet[1]!.trim();
      if (isTag(tag) && !tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    } else if (prev) {
      previousTitle = prev[1]!.trim() || null;
    } else if (next) {
      nextTitle = next[1]!.trim() || null;
    } else if (date) {
      // The format declares no zone: a zone-less `Published at 2023-05-01 22:00` is UTC.
      published = normalizeDate(date[1]!, UTC_RULE) ?? published;
    }
  }
  return { tags, published, previousTitle, nextTitle };
}

/** Markup debris (`” target=”_blank” rel=…>`) and placeholders are not tags. */
function isTag(candidate: string): boolean {
  if (!candidate || candidate.length > 80) return false;
  if (/[=<>{}]/.test(candidate)) return false;
  if (/^["“”'‘’]/u.test(candidate)) return false;
  return !EMPTY_CATEGORIES.has(candidate.toLowerCase());
}

export const seedTextImporter: Importer = {
  name: 'seed-text',
  accepts(_input: ImportInput, sniffed: SniffedContent) {
    return (
      sniffed.text !== null &&
      ['txt', 'text', ''].includes(sniffed.extension) &&
      seedLandmarks(sniffed.text) >= 2
    );
  },
  async read(input: ImportInput, sniffed: SniffedContent): Promise<ImportOutcome[]> {
    const parsed = parseSeed(sniffed.text ?? '');
    if (parsed.body.length === 0 && !parsed.subtitle) {
      return [{ kind: 'failed', source: input.name, reason: 'the file has a headline but no article text' }];
    }
    const article = makeArticle({
      title: parsed.title,
      subtitle: parsed.subtitle,
      category: parsed.category,
      tags: parsed.tags,
      published: parsed.published,
      text: parsed.body.join('\n\n'),
      previousTitle: parsed.previousTitle,
      nextTitle: parsed.nextTitle,
    });
    return [singleArticle(input, sniffed, 'seed-text', article)];
  },
};
