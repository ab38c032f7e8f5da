/** `offprint tag ID… --add T --remove T` and `offprint tag --rename OLD NEW`. */
import { InvalidArgument } from '../../../common/validate';
import type { CommandContext } from '../main';
import { json } from '../output';
import { resolveIds } from '../resolve-id';

export async function tagCommand({ library, args, options, out }: CommandContext): Promise<number> {
  const add = options.add ?? [];
  const remove = options.remove ?? [];
  if (options.rename) {
    if (args.length !== 2 || add.length || remove.length)
      throw new InvalidArgument('tag --rename takes the old and the new name, and nothing else');
    const [from, to] = args as [string, string];
    const { updated } = await library.renameTag({ from, to });
    if (options.json) json(out, { updated });
    else out.write(`Renamed the tag on ${updated} article${updated === 1 ? '' : 's'}.\n`);
    return 0;
  }
  if (args.length === 0) throw new InvalidArgument('tag needs article ids (or --rename OLD NEW)');
  if (!add.length && !remove.length) throw new InvalidArgument('tag needs --add T or --remove T');
  const ids = await resolveIds(library, args);
  const { updated } = await library.editTags({ ids, add, remove });
  if (options.json) json(out, { updated, ids });
  else out.write(`Changed the tags of ${updated} of ${ids.length} article${ids.length === 1 ? '' : 's'}.\n`);
  return 0;
}
