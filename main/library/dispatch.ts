/**
 * The one dispatcher: an API call that arrived as data (IPC from the renderer, HTTP from a browser) becomes an
 * `Envelope`. The method is checked against the contract and against who is calling, the arguments are parsed
 * with the contract's own parser (common/api.ts), and every failure keeps its `kind`. Both transports use this
 * module, so a call is refused, parsed and answered the same way whichever way it came. Free of Electron and of
 * Node so that the app (main/app) and the server (main/serve) may both import it and it is tested as is.
 */
import {
  type ApiErrorShape,
  type ArgsOf,
  type Envelope,
  isMethodName,
  LOCAL_ONLY_METHODS,
  type MethodName,
  type OffprintApi,
  parseArgs,
  type ResultOf,
} from '../../common/api';
import { toApiError } from '../../common/errors';

/**
 * Who is calling: `local` is this machine's own user (the app's page, the CLI); `remote` is anyone who reaches
 * the HTTP server, who may not call the methods that name files on this machine (LOCAL_ONLY_METHODS).
 */
export type Caller = 'local' | 'remote';

/** Why `caller` may not call `method` (no such method, or a local-only one from afar), or null when it may. */
export function refusal(method: string, caller: Caller): ApiErrorShape | null {
  if (!isMethodName(method)) return { kind: 'not-found', message: `No API method "${method}"` };
  if (caller === 'remote' && LOCAL_ONLY_METHODS.includes(method)) {
    return {
      kind: 'invalid-argument',
      message: `${method} is not available over HTTP: it names files on the server. Upload files with importFiles.`,
    };
  }
  return null;
}

/**
 * Calls `method` on the API with `rawArgs` (untrusted) for `caller`. The API is asked for only once the call is
 * known to be valid: the app's may be switching libraries, and a refused call should not wait for that.
 */
export async function dispatch<M extends MethodName>(
  api: () => OffprintApi | Promise<OffprintApi>,
  method: M,
  caller: Caller,
  rawArgs: unknown,
): Promise<Envelope<ResultOf<M>>> {
  const refused = refusal(method, caller);
  if (refused) return { ok: false, error: refused };
  try {
    const args = parseArgs(method, rawArgs);
    const target = await api();
    // TypeScript cannot correlate `target[method]` with `ArgsOf<M>` for a generic M; parseArgs guarantees it.
    const call = target[method] as (args: ArgsOf<M>) => Promise<ResultOf<M>>;
    return { ok: true, value: await call.call(target, args) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
