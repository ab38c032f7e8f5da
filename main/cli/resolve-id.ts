/** People type the start of an id; scripts pass the whole one. */
import { parseArgs } from '../../common/api';
import { OffprintError } from '../../common/errors';
import type { OffprintApi } from '../../common/api';

/** The article whose id is `given` or starts with it (at least 4 characters); an error naming it otherwise. */
export async function resolveId(library: Pick<OffprintApi, 'list'>, given: string): Promise<string> {
  return (await resolveIds(library, [given]))[0]!;
}

/** Each of `given` resolved as `resolveId` does, listing the library at most once. */
export async function resolveIds(
  library: Pick<OffprintApi, 'list'>,
  given: readonly string[],
): Promise<string[]> {
  let ids: string[] | null = null;
  const out: string[] = [];
  for (const one of given) {
    if (/^[0-9a-f]{20}$/.test(one)) {
      out.push(one);
      continue;
    }
    if (!/^[0-9a-f]{4,19}$/.test(one)) {
      out.push(parseArgs('getArticle', { id: one }).id);
      continue;
    }
    ids ??= (await library.list({})).map((a) => a.id);
    const matches = ids.filter((id) => id.startsWith(one));
    if (matches.length !== 1)
      throw new OffprintError(
        'not-found',
        matches.length === 0
          ? `No article id starts with ${one}.`
          : `${matches.length} article ids start with ${one}; give more characters.`,
      );
    out.push(matches[0]!);
  }
  return out;
}
