import { describe, expect, it } from 'vitest';
import { ApiError, unwrapEnvelope } from '../../../renderer/api/client';

describe('unwrapEnvelope', () => {
  it('answers the value of a successful call', () => {
    expect(unwrapEnvelope({ ok: true, value: { total: 3 } })).toEqual({ total: 3 });
  });

  it('throws an ApiError that keeps the kind and message of a failure', () => {
    const failure = {
      ok: false,
      error: { kind: 'locked', message: 'Another Offprint has the library open.' },
    };
    expect(() => unwrapEnvelope(failure)).toThrow(ApiError);
    try {
      unwrapEnvelope(failure);
    } catch (error) {
      expect(error).toMatchObject({ kind: 'locked', message: 'Another Offprint has the library open.' });
    }
  });

  it('refuses anything that is not an envelope', () => {
    for (const garbage of [null, 'ok', { ok: 'yes' }, { value: 1 }, { ok: true }]) {
      expect(() => unwrapEnvelope(garbage)).toThrow('The answer was not an Offprint result.');
    }
  });

  it('names a failure that came without details', () => {
    expect(() => unwrapEnvelope({ ok: false, error: null })).toThrow('The call failed without a message.');
  });
});
