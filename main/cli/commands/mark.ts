/** `offprint mark ID… --read|--unread|--star|--unstar` and `offprint note ID [TEXT]`. */
import { InvalidArgument } from '../../../common/validate';
import type { CommandContext } from '../main';
import { json, printable } from '../output';
import { resolveId, resolveIds } from '../resolve-id';

export async function markCommand({ library, args, options, out }: CommandContext): Promise<number> {
  if (options.read && options.unread) throw new InvalidArgument('give --read or --unread, not both');
  if (options.star && options.unstar) throw new InvalidArgument('give --star or --unstar, not both');
  const read = options.read ? true : options.unread ? false : undefined;
  const starred = options.star ? true : options.unstar ? false : undefined;
  if (read === undefined && starred === undefined)
    throw new InvalidArgument('mark needs --read, --unread, --star or --unstar');
  if (args.length === 0) throw new InvalidArgument('mark needs article ids');
  const ids = await resolveIds(library, args);
  const { updated } = await library.setReading({ ids, read, starred });
  if (options.json) json(out, { updated, ids });
  else out.write(`Marked ${ids.length} article${ids.length === 1 ? '' : 's'} (${updated} changed).\n`);
  return 0;
}

export async function noteCommand({ library, args, options, out }: CommandContext): Promise<number> {
  const [given, ...words] = args;
  if (given === undefined) throw new InvalidArgument('note needs an article id');
  if (options.clear && words.length) throw new InvalidArgument('give a note or --clear, not both');
  const id = await resolveId(library, given);
  if (!options.clear && words.length === 0) {
    const { note } = (await library.getArticle({ id })).user;
    if (options.json) json(out, { id, note });
    else out.write(note ? `${printable(note)}\n` : 'No note.\n');
    return 0;
  }
  const note = options.clear ? '' : words.join(' ');
  const { updated } = await library.setNote({ id, note });
  if (options.json) json(out, { updated, id, note });
  else out.write(options.clear ? 'Note removed.\n' : 'Note saved.\n');
  return 0;
}
