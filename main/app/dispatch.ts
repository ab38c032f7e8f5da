/**
 * One IPC call, from untrusted input to an `Envelope`: the sender is checked, the arguments are parsed with the
 * contract's own parser, and every failure keeps its kind. Free of electron so it is unit-tested as is.
 */
import {
  parseArgs,
  type ArgsOf,
  type Envelope,
  type MethodName,
  type OffprintApi,
  type ResultOf,
} from '../../common/api';
import { toApiError } from '../../common/errors';
import { isTrustedSender, type SenderFrame } from './app-origin';

export const UNTRUSTED_SENDER_MESSAGE = 'Refused: the call did not come from Offprint’s own page.';

export async function dispatch<M extends MethodName>(
  api: () => Promise<OffprintApi>,
  method: M,
  sender: SenderFrame | null,
  rawArgs: unknown,
): Promise<Envelope<ResultOf<M>>> {
  if (!isTrustedSender(sender))
    return { ok: false, error: { kind: 'failed', message: UNTRUSTED_SENDER_MESSAGE } };
  try {
    const args = parseArgs(method, rawArgs);
    const library = await api();
    // TypeScript cannot correlate `library[method]` with `ArgsOf<M>` for a generic M; parseArgs guarantees it.
    const call = library[method] as (args: ArgsOf<M>) => Promise<ResultOf<M>>;
    return { ok: true, value: await call.call(library, args) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
