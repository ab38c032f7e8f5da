/**
 * Files that are not articles, through extract: a binary file named by what it looks like, whatever its
 * extension, and an empty file said to be empty.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../main/library/import/extract';

describe('extract on files that are not articles', () => {
  async function reasonFor(name: string, bytes: Uint8Array): Promise<string> {
    const outcomes = [];
    for await (const o of extract(name, null, bytes)) outcomes.push(o);
    expect(outcomes).toHaveLength(1);
    const [o] = outcomes;
    if (o!.kind !== 'failed') throw new Error('expected a failure');
    return o!.reason;
  }

  it('names what a binary file looks like, whatever its extension', async () => {
    expect(await reasonFor('photo.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))).toBe(
      'not supported: looks like a JPEG image',
    );
    expect(
      await reasonFor('paper.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1')),
    ).toMatch(/not supported: looks like a PDF document/);
  });

  it('says an empty file is empty', async () => {
    expect(await reasonFor('empty.txt', new Uint8Array())).toBe('the file is empty');
  });
});
