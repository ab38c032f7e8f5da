/**
 * Receives a streamed upload (see common/upload.ts): the manifest line, then each file written to disk as its
 * bytes arrive, never held whole in memory. Each file goes into a folder of its own in a private temporary
 * folder, named `upload` there: nothing beside it can pass for its images or its archive index, and no
 * uploaded name ever becomes a path. Whatever is wrong with an upload is refused with the reason and what was
 * staged is removed.
 */
import type { FileHandle } from 'node:fs/promises';
import fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_FILE_BYTES,
  MAX_UPLOAD_FILES,
  MAX_UPLOAD_MANIFEST_BYTES,
  type UploadManifest,
} from '../../common/upload';
import { admitBody, BodyTooLarge, declaredLength, describeBytes } from './body';

export interface StagedUpload {
  files: Array<{ name: string; path: string }>;
  /** Removes the staged files (once imported). */
  remove(): Promise<void>;
}

/** An upload refused: the status to answer and why. */
export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

function parseManifest(line: Buffer): UploadManifest {
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8'));
  } catch {
    throw new UploadRefused(400, 'The upload does not start with its list of files (one line of JSON).');
  }
  const files = (value as Partial<UploadManifest> | null)?.files;
  if (!Array.isArray(files) || files.length === 0) throw new UploadRefused(400, 'The upload lists no files.');
  if (files.length > MAX_UPLOAD_FILES)
    throw new UploadRefused(413, `An upload may hold at most ${MAX_UPLOAD_FILES} files.`);
  let total = 0;
  for (const f of files as unknown[]) {
    const { name, size } = (f ?? {}) as { name?: unknown; size?: unknown };
    if (typeof name !== 'string' || name.length > 1000 || !Number.isSafeInteger(size) || (size as number) < 0)
      throw new UploadRefused(400, 'Each file of an upload needs a name and a size in bytes.');
    if ((size as number) > MAX_UPLOAD_FILE_BYTES)
      throw new UploadRefused(
        413,
        `${displayName(name)} is larger than the ${describeBytes(MAX_UPLOAD_FILE_BYTES)} one upload may be.`,
      );
    total += size as number;
  }
  if (total > MAX_UPLOAD_BYTES)
    throw new UploadRefused(
      413,
      `The upload is larger than the ${describeBytes(MAX_UPLOAD_BYTES)} allowed at once.`,
    );
  return { files: files as UploadManifest['files'] };
}

/** Only the base name: an uploaded name must never become a path (as `importFiles` does). */
export function displayName(name: string): string {
  return path.basename(name.replace(/\\/g, '/')) || 'upload';
}

export async function receiveUpload(req: IncomingMessage, res: ServerResponse): Promise<StagedUpload> {
  try {
    admitBody(req, res, MAX_UPLOAD_MANIFEST_BYTES + 1 + MAX_UPLOAD_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new UploadRefused(413, error.message);
    throw error;
  }
  const stage = await fs.mkdtemp(path.join(os.tmpdir(), 'offprint-upload-'));
  const remove = () => fs.rm(stage, { recursive: true, force: true });
  const staged: StagedUpload['files'] = [];
  let handle: FileHandle | null = null;
  try {
    const chunks = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const head: Buffer[] = [];
    let headBytes = 0;
    let manifest: UploadManifest | null = null;
    let remaining = 0;

    /** Opens the next file to fill; empty files are staged as they are (the importer says they are empty). */
    const openNext = async () => {
      while (staged.length < manifest!.files.length) {
        const { name, size } = manifest!.files[staged.length]!;
        const dir = path.join(stage, String(staged.length));
        await fs.mkdir(dir);
        const file = path.join(dir, 'upload');
        staged.push({ name: displayName(name), path: file });
        handle = await fs.open(file, 'wx', 0o600);
        if (size > 0) {
          remaining = size;
          return;
        }
        await handle.close();
        handle = null;
      }
    };

    // A plain loop rather than `for await`: leaving that early would destroy the request before the answer.
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      let chunk = next.value;
      if (!manifest) {
        const newline = chunk.indexOf(10);
        headBytes += newline < 0 ? chunk.length : newline;
        if (headBytes > MAX_UPLOAD_MANIFEST_BYTES)
          throw new UploadRefused(413, 'The list of files of the upload is too long.');
        if (newline < 0) {
          head.push(chunk);
          continue;
        }
        head.push(chunk.subarray(0, newline));
        manifest = parseManifest(Buffer.concat(head));
        const total = manifest.files.reduce((n, f) => n + f.size, 0);
        const declared = declaredLength(req);
        if (declared !== null && declared !== headBytes + 1 + total)
          throw new UploadRefused(400, 'The upload is not as long as the sizes of its files add up to.');
        chunk = chunk.subarray(newline + 1);
        await openNext();
      }
      while (chunk.length > 0) {
        if (!handle) throw new UploadRefused(400, 'The upload holds more bytes than its files add up to.');
        const take = Math.min(remaining, chunk.length);
        await (handle as FileHandle).write(chunk.subarray(0, take));
        remaining -= take;
        chunk = chunk.subarray(take);
        if (remaining === 0) {
          await (handle as FileHandle).close();
          handle = null;
          await openNext();
        }
      }
    }
    if (!manifest || handle) throw new UploadRefused(400, 'The upload ended before the last of its files.');
    return { files: staged, remove };
  } catch (error) {
    await (handle as FileHandle | null)?.close().catch(() => {});
    await remove();
    throw error;
  }
}
