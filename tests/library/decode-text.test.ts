import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../main/library/import/decode-text';
import { extract } from '../../main/library/import/extract';

const TEXT = 'Café “quotes” – 5 €\nNaïve façade';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toEqual({
      text: TEXT,
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 little- and big-endian with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(le)).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeText(be)).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('reads windows-1252 smart quotes, dashes and the euro sign as those characters', () => {
    const bytes = iconv.encode(TEXT, 'windows-1252');
    expect(bytes.includes(0x93)).toBe(true); // the byte Node's own decoder turns into a control character
    expect(decodeText(bytes)?.text).toBe(TEXT);
  });

  it('reads ISO-8859-1 accented letters', () => {
    const latin1 = 'Le garçon a mangé à la crêperie près du lycée.\n';
    expect(decodeText(iconv.encode(latin1, 'latin1'))?.text).toBe(latin1);
  });

  it('refuses binary data', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(decodeText(png)).toBeNull();
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(decodeText(noise)).toBeNull();
  });
});

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
