import { describe, expect, it } from 'vitest';
import type { OffprintApi } from '../../common/api';
import { OffprintError } from '../../common/errors';
import { APP_ENTRY_URL } from '../../main/app/app-origin';
import { dispatch, UNTRUSTED_SENDER_MESSAGE } from '../../main/app/dispatch';

const OUR_PAGE = { url: APP_ENTRY_URL, isMainFrame: true };
const ID = '0123456789abcdef0123';

/** A library that records what reached it; `this` must be the library, as for the real class. */
function fakeLibrary() {
  const calls: unknown[] = [];
  const library = {
    calls,
    async setTags(this: { calls: unknown[] }, args: { id: string; tags: string[] }) {
      this.calls.push(args);
      return { id: args.id, tags: args.tags };
    },
    async getArticle(args: { id: string }) {
      throw new OffprintError('not-found', `No article ${args.id}`);
    },
    async tags() {
      throw new Error('disk on fire');
    },
  };
  return { library, api: async () => library as unknown as OffprintApi };
}

describe('dispatch', () => {
  it('calls the library with the parsed arguments and wraps the result', async () => {
    const { library, api } = fakeLibrary();
    const envelope = await dispatch(api, 'setTags', OUR_PAGE, { id: ID, tags: ['Iraq', 'Iran'] });
    expect(envelope).toEqual({ ok: true, value: { id: ID, tags: ['Iraq', 'Iran'] } });
    expect(library.calls).toEqual([{ id: ID, tags: ['Iraq', 'Iran'] }]);
  });

  it('refuses a call from another page without touching the library', async () => {
    const { library, api } = fakeLibrary();
    const envelope = await dispatch(
      api,
      'setTags',
      { url: 'https://evil.example/', isMainFrame: true },
      {
        id: ID,
        tags: [],
      },
    );
    expect(envelope).toEqual({ ok: false, error: { kind: 'failed', message: UNTRUSTED_SENDER_MESSAGE } });
    expect(library.calls).toEqual([]);
  });

  it('refuses a call from an iframe or a vanished frame', async () => {
    const { api } = fakeLibrary();
    expect((await dispatch(api, 'tags', { url: APP_ENTRY_URL, isMainFrame: false }, {})).ok).toBe(false);
    expect((await dispatch(api, 'tags', null, {})).ok).toBe(false);
  });

  it('answers invalid arguments with invalid-argument naming the field, before the library sees them', async () => {
    const { library, api } = fakeLibrary();
    expect(await dispatch(api, 'setTags', OUR_PAGE, { id: '../../etc', tags: [] })).toEqual({
      ok: false,
      error: { kind: 'invalid-argument', message: expect.stringMatching(/^id is not an article id/) },
    });
    expect(await dispatch(api, 'setTags', OUR_PAGE, { id: ID, tags: 'Iraq' })).toEqual({
      ok: false,
      error: { kind: 'invalid-argument', message: expect.stringMatching(/^tags must be a list/) },
    });
    expect(await dispatch(api, 'setTags', OUR_PAGE, { id: ID, tags: [], admin: true })).toEqual({
      ok: false,
      error: { kind: 'invalid-argument', message: expect.stringContaining('unknown field "admin"') },
    });
    expect(library.calls).toEqual([]);
  });

  it('keeps the kind of a library error', async () => {
    const { api } = fakeLibrary();
    expect(await dispatch(api, 'getArticle', OUR_PAGE, { id: ID })).toEqual({
      ok: false,
      error: { kind: 'not-found', message: `No article ${ID}` },
    });
  });

  it('reports an unexpected error as failed, with its message', async () => {
    const { api } = fakeLibrary();
    expect(await dispatch(api, 'tags', OUR_PAGE, undefined)).toEqual({
      ok: false,
      error: { kind: 'failed', message: 'disk on fire' },
    });
  });

  it('reports a library that could not be opened on every call', async () => {
    const api = () =>
      Promise.reject(new OffprintError('locked', 'The library is in use by another program.'));
    expect(await dispatch(api, 'tags', OUR_PAGE, {})).toEqual({
      ok: false,
      error: { kind: 'locked', message: 'The library is in use by another program.' },
    });
  });
});
