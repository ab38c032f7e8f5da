/**
 * The index manifest on disk, read directly from files written for the test: missing (a new library, no
 * problem to report), damaged in each way it can be (not JSON, not ours, no segment list), of an older format
 * (rebuilt, saying which) or a newer one (refused: rebuilding would overwrite it), and written then read back.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  emptyManifest,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  readManifest,
  writeManifest,
} from '../../../main/library/search/engine/manifest';
import { FileVersionError } from '../../../main/library/store/file-versions';
import { removeDir, tempDir } from '../../helpers/temp-library';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('offprint-manifest-');
});
afterEach(async () => {
  await removeDir(dir);
});

const put = async (content: string) => {
  await fs.mkdir(path.join(dir, 'index'), { recursive: true });
  await fs.writeFile(path.join(dir, MANIFEST_FILE), content);
};
const DAMAGED = 'the index manifest is damaged; rebuilding the index';

describe('the index manifest', () => {
  it('is empty, with no problem, when there is none yet', async () => {
    expect(await readManifest(dir)).toEqual({ manifest: emptyManifest(), problem: null });
    expect(emptyManifest()).toEqual({
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      coveredRevision: 0,
      segments: [],
    });
  });

  it('reads back what was written', async () => {
    const manifest = {
      ...emptyManifest(),
      coveredRevision: 7,
      segments: [{ name: 's1.seg', docs: 12 }],
      removed: ['abc'],
    };
    await writeManifest(dir, manifest);
    expect(await readManifest(dir)).toEqual({ manifest, problem: null });
  });

  it('is damaged when it is not JSON, not an index manifest, or has no segment list', async () => {
    for (const content of [
      '{"format":"offprint-index",',
      'null',
      JSON.stringify({ ...emptyManifest(), format: 'other' }),
      JSON.stringify({ ...emptyManifest(), segments: 'all of them' }),
      JSON.stringify({ ...emptyManifest(), version: 'one' }),
    ]) {
      await put(content);
      expect(await readManifest(dir), content).toEqual({ manifest: emptyManifest(), problem: DAMAGED });
    }
  });

  it('is rebuilt from an older format, saying which, and refused from a newer one', async () => {
    await put(JSON.stringify({ ...emptyManifest(), version: 0 }));
    expect(await readManifest(dir)).toEqual({
      manifest: emptyManifest(),
      problem: 'the index has format 0; rebuilding it',
    });
    await put(JSON.stringify({ ...emptyManifest(), version: MANIFEST_VERSION + 1 }));
    await expect(readManifest(dir)).rejects.toThrow(FileVersionError);
    await expect(readManifest(dir)).rejects.toThrow(/newer Offprint/);
  });
});
