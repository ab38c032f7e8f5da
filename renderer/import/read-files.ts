/**
 * What the browser hands over when files or folders are dropped or picked, turned into files with the path they
 * had inside what was dropped (`tech/001.txt`), so the import report can name them and folder names can become tags.
 */

export interface PickedFile {
  file: File;
  /** Relative to what was dropped; never an absolute path (the browser does not reveal those). */
  path: string;
}

/** Hidden files (`.DS_Store`, `.git/…`) are never articles. */
const isHidden = (name: string) => name.startsWith('.');

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Chromium returns at most 100 entries per call: keep asking until it answers with none. */
async function childrenOf(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return children;
    children.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, prefix: string, into: PickedFile[]): Promise<void> {
  if (isHidden(entry.name)) return;
  const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
  if (entry.isFile) {
    into.push({ file: await fileOf(entry as FileSystemFileEntry), path });
  } else if (entry.isDirectory) {
    for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, path, into);
  }
}

/**
 * Files of a drop, folders included. The entries must be taken before the first `await`: the browser empties
 * the DataTransfer as soon as the drop event handler returns.
 */
export function filesFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  // Text or links dragged along with the files are items too; only file items can be entries.
  const entries = Array.from(transfer.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry());
  const files = Array.from(transfer.files);
  return (async () => {
    if (entries.length === 0 || entries.some((entry) => entry === null)) {
      // No entry API (or an item it cannot describe): fall back to the plain files, without folders.
      return files.filter((file) => !isHidden(file.name)).map((file) => ({ file, path: file.name }));
    }
    const picked: PickedFile[] = [];
    for (const entry of entries) if (entry) await walk(entry, '', picked);
    return picked;
  })();
}

/** Files chosen in a file picker (a folder picker fills `webkitRelativePath`). */
export function filesFromPicker(files: FileList): PickedFile[] {
  return Array.from(files, (file) => ({ file, path: file.webkitRelativePath || file.name })).filter(
    ({ path }) => !path.split('/').some(isHidden),
  );
}
