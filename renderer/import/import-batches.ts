/**
 * Turns what the user dropped or picked into import batches. Inside Electron the main process reads the files
 * itself, by path (folders included); in a browser only the contents are available, so they are uploaded.
 */
import { api, uploadFiles } from '../api/client';
import { getBridge } from '../api/bridge';
import { batchBySize, UPLOAD_LIMITS } from '../lib/batches';
import type { ImportBatch } from './import-session';
import { filesFromDrop, filesFromPicker, type PickedFile } from './read-files';

function pathBatch(paths: string[]): ImportBatch[] {
  if (paths.length === 0) return [];
  // Folder names become tags, as in the menu import: a folder of saved articles is usually a topic.
  return [
    {
      count: 0,
      start: async () => ({ job: await api.importPaths({ paths, folderTags: true }), failed: [] }),
    },
  ];
}

function uploadBatches(picked: PickedFile[]): ImportBatch[] {
  const sized = picked.map((entry) => ({ ...entry, size: entry.file.size }));
  return batchBySize(sized, UPLOAD_LIMITS).map((batch) => ({
    count: batch.length,
    start: async () => {
      // Streamed from disk to disk (see common/upload.ts): a batch of any size costs no memory on either side.
      const job = await uploadFiles(batch.map(({ file, path }) => ({ name: path, file })));
      return { job, failed: [] };
    },
  }));
}

export async function batchesFromDrop(transfer: DataTransfer): Promise<ImportBatch[]> {
  const bridge = getBridge();
  // Synchronously, before anything awaits: the DataTransfer is emptied once the drop handler returns.
  if (bridge) return pathBatch(bridge.pathsForFiles(Array.from(transfer.files)));
  return uploadBatches(await filesFromDrop(transfer));
}

export function batchesFromPicker(files: FileList): ImportBatch[] {
  const bridge = getBridge();
  if (bridge) return pathBatch(bridge.pathsForFiles(Array.from(files)));
  return uploadBatches(filesFromPicker(files));
}
