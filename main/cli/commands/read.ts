/** `offprint list` (with filters), `offprint show ID` and `offprint tags`. */
import type { ArticleView } from '../../../common/article';
import { cleanShownArticle, cleanShownFields, cleanTagCounts } from '../../../common/clean-text';
import type { OffprintApi } from '../../../common/api';
import { InvalidArgument } from '../../../common/validate';
import type { CliOptions, CommandContext } from '../main';
import { resolveId } from '../resolve-id';
import { day, json, marks, printable, table } from '../output';
import { hasIndexFilters, readFilter, searchCriteria } from '../search-options';

export async function listCommand({ library, args, options, out }: CommandContext): Promise<number> {
  if (args.length) throw new InvalidArgument('list takes no words; to search, use: offprint search QUERY');
  // Cleaned again for libraries imported before the import cleaned these fields.
  let articles = (await library.list({})).map(cleanShownFields);
  const readState = readFilter(options);
  if (readState !== 'all') articles = articles.filter((a) => a.read === (readState === 'read'));
  if (options.starred) articles = articles.filter((a) => a.starred);
  // Tag and date filters mean what they mean in search (sub-tags, any case): the index answers them.
  if (hasIndexFilters(options)) {
    const wanted = await matchingIds(library, options);
    articles = articles.filter((a) => wanted.has(a.id));
  }
  const filtered = readState !== 'all' || options.starred || hasIndexFilters(options);
  if (options.json) json(out, articles);
  else if (articles.length === 0)
    out.write(
      filtered
        ? 'No articles match these filters.\n'
        : 'The library is empty. Import articles with: offprint import PATH…\n',
    );
  else
    table(
      out,
      articles.map((a) => [a.id, marks(a), day(a.published), a.title]),
    );
  await noticeDamage(library, out);
  return 0;
}

/** The ids of every article the tag and date filters let through, page by page. */
async function matchingIds(library: Pick<OffprintApi, 'search'>, options: CliOptions): Promise<Set<string>> {
  const criteria = { ...searchCriteria([], options), sort: 'date' as const };
  const ids = new Set<string>();
  const page = 10_000;
  for (let offset = 0; ; offset += page) {
    const { hits, total } = await library.search({ ...criteria, offset, limit: page });
    for (const hit of hits) ids.add(hit.id);
    if (hits.length < page || offset + page >= total) return ids;
  }
}

/** Damaged articles are left out of the list, never silently: say so on stderr. */
async function noticeDamage(
  library: Pick<OffprintApi, 'libraryHealth'>,
  out: CommandContext['out'],
): Promise<void> {
  const health = await library.libraryHealth({});
  const set = health.quarantined.length + health.unrepaired.length;
  if (set === 0) return;
  out.error(
    `offprint: ${set} damaged article${set === 1 ? ' is' : 's are'} left out of the library (in quarantine or unreadable); run "offprint doctor" for details.
`,
  );
}

export async function tagsCommand({ library, options, out }: CommandContext): Promise<number> {
  const tags = cleanTagCounts(await library.tags({}));
  if (options.json) json(out, tags);
  else if (tags.length === 0) out.write('No tags yet.\n');
  else
    table(
      out,
      tags.map((t) => [String(t.count).padStart(6), t.tag]),
    );
  return 0;
}

/** The fields of `show --json`, in this order: the documented output, not everything the API returns. */
const SHOW_FIELDS = [
  'id',
  'title',
  'subtitle',
  'author',
  'site',
  'url',
  'published',
  'category',
  'tags',
  'text',
  'source',
  'truncated',
  'previous',
  'next',
] as const;

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;
}

export async function showCommand({ library, args, options, out }: CommandContext): Promise<number> {
  if (args.length !== 1) {
    out.error('offprint show: give one article id\n');
    return 2;
  }
  const a = cleanShownArticle(await library.getArticle({ id: await resolveId(library, args[0]!) }));
  if (options.json) {
    json(out, pick(a, SHOW_FIELDS));
  } else {
    out.write(humanArticle(a));
  }
  return 0;
}

function humanArticle(a: ArticleView): string {
  const lines = [a.title, '='.repeat(Math.min(a.title.length, 80))];
  if (a.subtitle) lines.push(a.subtitle);
  const meta = [
    ['Author', a.author],
    ['Site', a.site],
    ['Published', a.published],
    ['Category', a.category],
    ['Tags', a.tags.join(', ') || null],
    ['URL', a.url],
    ['Source', a.source],
    ['Id', a.id],
  ].filter((m): m is [string, string] => Boolean(m[1]));
  lines.push(
    '',
    ...meta.map(([k, v]) => `${k.padEnd(10)} ${v}`),
    '',
    ...(a.truncated
      ? [
          `(Long article: only its first ${a.truncated.keptChars} of ${a.truncated.fullChars} characters were kept and indexed; the imported file is kept whole.)`,
          '',
        ]
      : []),
    a.linkOnly ? '(a link only: no saved text)' : a.text,
    '',
  );
  for (const [label, n] of [
    ['Previous article', a.previous],
    ['Next article', a.next],
  ] as const) {
    if (n) lines.push(`${label}: ${n.title}${n.id ? ` [${n.id}]` : ' (not in your library)'}`);
  }
  return lines.map(printable).join('\n') + '\n';
}
