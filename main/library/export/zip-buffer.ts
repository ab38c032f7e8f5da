/** A few files as one zip in memory (an export: one file per article, each already built as bytes). */
import { ZipFile } from 'yazl';

export function zipBuffer(
  files: ReadonlyArray<{ name: string; data: Uint8Array | string }>,
): Promise<Buffer> {
  const zip = new ZipFile();
  for (const { name, data } of files) zip.addBuffer(Buffer.from(data), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
