/** Errors the library raises on purpose, with a kind that survives every transport. */
import type { ApiErrorShape } from './api';

export class OffprintError extends Error {
  constructor(
    readonly kind: ApiErrorShape['kind'],
    message: string,
  ) {
    super(message);
    this.name = 'OffprintError';
  }
}

/** Maps any thrown value to the wire shape; unexpected errors keep their message but not their stack. */
export function toApiError(error: unknown): ApiErrorShape {
  if (error instanceof OffprintError) return { kind: error.kind, message: error.message };
  if (error instanceof Error && error.name === 'InvalidArgument')
    return { kind: 'invalid-argument', message: error.message };
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}
