/**
 * The one dispatcher both IPC and HTTP use (main/library/dispatch.ts), over a real library on disk: a remote
 * caller may not call the methods that name files on this machine, a local one may; errors keep their kind, and
 * the kind comes from the error's class, never from its name.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OffprintError, toApiError } from '../../common/errors';
import { InvalidArgument } from '../../common/validate';
import { dispatch, refusal } from '../../main/library/dispatch';
import { type Library, openLibrary } from '../../main/library/library';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';

let root: string;
let inputs: string;
let library: Library;

beforeAll(async () => {
  root = await tempDir();
  inputs = path.join(root, 'inputs');
  await writeFixtures(inputs);
  library = await openLibrary(path.join(root, 'lib'), { create: true });
});
afterAll(async () => {
  await library.close();
  await removeDir(root);
});

describe('the shared dispatcher', () => {
  it('refuses a local-only method to a remote caller without touching the library', async () => {
    const envelope = await dispatch(() => library, 'importPaths', 'remote', { paths: [inputs] });
    expect(envelope).toEqual({
      ok: false,
      error: {
        kind: 'invalid-argument',
        message: expect.stringMatching(/^importPaths is not available over HTTP/),
      },
    });
    expect(await library.list({})).toEqual([]);
    expect(refusal('backup', 'remote')?.kind).toBe('invalid-argument');
  });

  it('lets a local caller import by path, and answers with the parsed call’s result', async () => {
    const started = await dispatch(() => library, 'importPaths', 'local', { paths: [inputs] });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const finished = await library.waitForImport(started.value.jobId);
    expect(finished.report!.imported.length).toBeGreaterThan(0);
    const listed = await dispatch(() => library, 'list', 'remote', {});
    expect(listed.ok && listed.value.length).toBe(finished.report!.imported.length);
  });

  it('answers an unknown method as not-found and bad arguments as invalid-argument', async () => {
    expect(refusal('dropLibrary', 'local')).toEqual({
      kind: 'not-found',
      message: 'No API method "dropLibrary"',
    });
    expect(await dispatch(() => library, 'getArticle', 'remote', { id: '../../etc' })).toEqual({
      ok: false,
      error: { kind: 'invalid-argument', message: expect.stringMatching(/^id is not an article id/) },
    });
    expect(await dispatch(() => library, 'getArticle', 'local', { id: 'f'.repeat(20) })).toEqual({
      ok: false,
      error: { kind: 'not-found', message: expect.any(String) },
    });
  });

  it('tells an error’s kind by its class, not by its name', () => {
    expect(toApiError(new InvalidArgument('x must be a string'))).toEqual({
      kind: 'invalid-argument',
      message: 'x must be a string',
    });
    expect(toApiError(new OffprintError('invalid-argument', 'name is empty'))).toEqual({
      kind: 'invalid-argument',
      message: 'name is empty',
    });
    // Any code may name an error anything: a name is no kind.
    const impostor = Object.assign(new Error('disk on fire'), { name: 'InvalidArgument' });
    expect(toApiError(impostor)).toEqual({ kind: 'failed', message: 'disk on fire' });
  });
});
