/**
 * One IPC call: the sender is checked here (only Offprint's own page may call), then the shared dispatcher
 * (main/library/dispatch.ts) parses the arguments and answers the `Envelope`, exactly as for an HTTP call. The
 * page is local, so it may call the local-only methods. Free of electron so it is unit-tested as is.
 */
import type { Envelope, MethodName, OffprintApi, ResultOf } from '../../common/api';
import { dispatch as dispatchCall } from '../library/dispatch';
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
  return dispatchCall(api, method, 'local', rawArgs);
}
