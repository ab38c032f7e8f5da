/**
 * The renderer's API client shows stored metadata cleaned: a library imported before the import cleaned it
 * still holds bidi overrides in titles, tags, authors and site names. The client talks to a real library here,
 * through a bridge that does what the Electron preload does (call the method, answer an envelope). The test
 * runs in Node (the library needs it), so `window` is only the object where the preload puts the bridge.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName, OffprintApi } from '../../../common/api';
import type { OffprintBridge } from '../../../common/bridge';
import { toApiError } from '../../../common/errors';
import { type Library, openLibrary } from '../../../main/library/library';
import { api } from '../../../renderer/api/client';
import { SHOWN, writeRawMetadataLibrary } from '../../helpers/raw-metadata-library';
import { removeDir, tempDir } from '../../helpers/temp-library';

let root: string;
let library: Library;
let id: string;

function bridgeTo(target: OffprintApi): OffprintBridge {
  const methods = Object.fromEntries(
    (['list', 'getArticle', 'search', 'tags'] as MethodName[]).map((method) => [
      method,
      async (args: unknown) => {
        try {
          const call = target[method] as (a: unknown) => Promise<unknown>;
          return { ok: true, value: await call.call(target, args) };
        } catch (error) {
          return { ok: false, error: toApiError(error) };
        }
      },
    ]),
  );
  return methods as unknown as OffprintBridge;
}

beforeAll(async () => {
  root = await tempDir('offprint-client-display-');
  const lib = path.join(root, 'library');
  id = await writeRawMetadataLibrary(lib);
  library = await openLibrary(lib);
  (globalThis as { window?: unknown }).window = { offprint: bridgeTo(library) };
});
afterAll(async () => {
  delete (globalThis as { window?: unknown }).window;
  await library.close();
  await removeDir(root);
});

describe('the renderer API client', () => {
  it('cleans titles, tags, authors and sites of lists, articles, search hits and tag counts', async () => {
    expect(await api.list({})).toMatchObject([
      { id, title: SHOWN.title, tags: SHOWN.tags, site: SHOWN.site },
    ]);
    expect(await api.getArticle({ id })).toMatchObject({
      title: SHOWN.title,
      author: SHOWN.author,
      site: SHOWN.site,
      tags: SHOWN.tags,
      previous: { title: SHOWN.previousTitle },
    });
    const found = await api.search({
      query: 'harbour',
      tags: [],
      anyTag: false,
      notTags: [],
      readState: 'all',
      starred: false,
      from: null,
      to: null,
      sort: 'relevance',
      offset: 0,
      limit: 10,
    });
    expect(found.hits).toMatchObject([{ id, title: SHOWN.title, tags: SHOWN.tags, site: SHOWN.site }]);
    expect(found.tags).toEqual([{ tag: SHOWN.tags[0], count: 1 }]);
    expect(await api.tags({})).toEqual([{ tag: SHOWN.tags[0], count: 1 }]);
  });
});
