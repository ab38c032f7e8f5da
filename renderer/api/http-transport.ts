/** The API over HTTP for the browser mode: `POST /api/<method>` with the arguments as JSON, answered by an envelope. */
import type { MethodName } from '../../common/api';
import { captureToken } from './auth-token';

let token: string | null | undefined;

function authorization(): Record<string, string> {
  // Captured lazily, on the first call, so importing this module has no side effect on the address bar.
  if (token === undefined) token = captureToken();
  return token === null ? {} : { Authorization: `Bearer ${token}` };
}

/** Sends one call; answers the parsed JSON body, whatever the status (error envelopes come with 4xx/5xx). */
export async function postJson(method: MethodName, args: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authorization() },
      body: JSON.stringify(args),
    });
  } catch {
    throw new Error('Cannot reach the Offprint server. Is `offprint serve` still running?');
  }
  try {
    return await response.json();
  } catch {
    throw new Error(
      `The Offprint server answered ${response.status} ${response.statusText} without a result.`,
    );
  }
}
