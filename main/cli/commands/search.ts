/** `offprint search QUERY`: Lunr syntax plus tag, date, reading-state and star filters. */
import { type OffprintApi, parseArgs } from '../../../common/api';
import { cleanShownFields, cleanTagCounts } from '../../../common/clean-text';
import type { CommandContext } from '../main';
import { day, json, marks, printable, terminalSnippet } from '../output';
import { searchCriteria } from '../search-options';

/** Needs only `search`: a search-only view of the library will do (see library/search-only.ts). */
export async function searchCommand({
  library,
  args,
  options,
  out,
}: Omit<CommandContext, 'library'> & { library: Pick<OffprintApi, 'search'> }): Promise<number> {
  const limit = Number(options.limit);
  const request = parseArgs('search', {
    ...searchCriteria(args, options),
    offset: 0,
    limit: Number.isInteger(limit) ? limit : options.limit,
  });
  const answer = await library.search(request);
  // Cleaned again for libraries imported before the import cleaned these fields.
  const r = { ...answer, hits: answer.hits.map(cleanShownFields), tags: cleanTagCounts(answer.tags) };
  if (options.json) {
    json(out, {
      total: r.total,
      tookMs: r.tookMs,
      hits: r.hits.map(({ id, title, score, snippet, read, starred }) => ({
        id,
        title,
        score,
        snippet,
        read,
        starred,
      })),
      tags: r.tags,
      notice: r.notice,
    });
    return 0;
  }
  if (r.notice) out.write(`Note: ${printable(r.notice)}\n`);
  out.write(`${r.total} article${r.total === 1 ? '' : 's'} (${r.tookMs} ms)\n`);
  const color = Boolean(process.stdout.isTTY);
  for (const hit of r.hits) {
    out.write(
      `\n${printable(hit.title)}\n  ${hit.id}  ${day(hit.published)}  ${marks(hit)}  score ${hit.score}${hit.tags.length ? `  [${printable(hit.tags.join(', '))}]` : ''}\n`,
    );
    if (hit.snippet) out.write(`  ${terminalSnippet(hit.snippet, color)}\n`);
  }
  if (r.total > r.hits.length) out.write(`\n… ${r.total - r.hits.length} more (use --limit)\n`);
  return 0;
}
