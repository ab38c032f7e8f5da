import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary, utf16WithoutBomOf } from '../../../main/library/import/decode-text';

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

const RUSSIAN =
  'Съешь же ещё этих мягких французских булок, да выпей чаю. Широкая электрификация южных губерний даст мощный толчок подъёму сельского хозяйства.\n';
const POLISH =
  'Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig. Mężny bądź, chroń pułk twój i sześć flag.\n';
const GREEK = 'Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Η γρήγορη καφέ αλεπού πηδάει πάνω από τον τεμπέλη σκύλο.\n';
const TURKISH =
  "Pijamalı hasta yağız şoföre çabucak güvendi. Şişli'de büyük çiğ köfte yedik, ığdır'dan gelen dostlarla.\n";
const HEBREW =
  'דג סקרן שט בים מאוכזב ולפתע מצא חברה. עטלף אבק נס דרך מזגן שהתפוצץ כי חם. הממשלה הודיעה היום כי הכלכלה תצמח במהירות בשנים הקרובות, אך מומחים הטילו ספק.\n';
const ARABIC =
  'نص حكيم له سر قاطع وذو شأن عظيم مكتوب على ثوب أخضر ومغلف بجلد أزرق. في عام ألفين وعشرين، قالت الحكومة إن الاقتصاد سينمو بسرعة كبيرة خلال السنوات القادمة، لكن الخبراء شككوا في ذلك.\n';

describe('decodeText on legacy charsets', () => {
  it('reads the charset the text was written in, naming it, for every script it trusts the guess on', () => {
    const cases: [string, string, string][] = [
      [RUSSIAN, 'windows-1251', 'windows-1251'],
      [RUSSIAN, 'koi8-r', 'koi8-r'],
      [RUSSIAN, 'iso-8859-5', 'iso-8859-5'],
      [POLISH, 'windows-1250', 'windows-1250'],
      [POLISH, 'iso-8859-2', 'iso-8859-2'],
      [GREEK, 'iso-8859-7', 'iso-8859-7'],
      [ARABIC, 'windows-1256', 'windows-1256'],
      [ARABIC, 'iso-8859-6', 'iso-8859-6'],
      // ISO charsets read as the Windows charset that extends them (as browsers read ISO-8859-1 and -9).
      [TURKISH, 'iso-8859-9', 'windows-1254'],
      [TURKISH, 'windows-1254', 'windows-1254'],
      // chardet names windows-1255 Hebrew ISO-8859-8: it was read as windows-1252, every letter garbled.
      [HEBREW, 'windows-1255', 'windows-1255'],
      [HEBREW, 'iso-8859-8', 'windows-1255'],
    ];
    for (const [text, charset, named] of cases) {
      const decoded = decodeText(iconv.encode(text.repeat(3), charset));
      expect(decoded, charset).toEqual({ text: text.repeat(3), encoding: named });
    }
  });

  it('falls back to windows-1252 for a charset it does not trust the guess on, multi-byte ones included', () => {
    const japanese = '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。\n'.repeat(3);
    const bytes = iconv.encode(japanese, 'shift_jis');
    expect(decodeText(bytes)).toEqual({
      text: iconv.decode(bytes, 'windows-1252'),
      encoding: 'windows-1252',
    });
  });

  it('takes only a whole byte order mark for one: a legacy text starting with those letters is legacy text', () => {
    // ï»¿ is the UTF-8 BOM read as windows-1252, ÿþ and þÿ the UTF-16 ones; any two of three, or one, are text.
    for (const start of ['ïA¿', 'ï»A', 'ïle', 'ÿA', 'ÿes', 'þA', 'þe', 'A»¿', 'Aþ', 'Aÿ']) {
      const text = `${start} — le garçon a mangé à la crêperie près du lycée.\n`;
      expect(decodeText(iconv.encode(text, 'windows-1252')), start).toEqual({
        text,
        encoding: 'windows-1252',
      });
    }
  });
});

describe('decodeText on NULs and control characters', () => {
  const LATIN = 'Plain English text, as a saved note would have it.\n'.repeat(4);

  it('reads UTF-16 without a BOM by where its NULs fall, and says which byte order', () => {
    const le = Buffer.from(LATIN, 'utf16le');
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(le)).toEqual({ text: LATIN, encoding: 'utf-16le' });
    expect(decodeText(be)).toEqual({ text: LATIN, encoding: 'utf-16be' });
    expect(utf16WithoutBomOf(le)).toBe('utf-16le');
    expect(utf16WithoutBomOf(be)).toBe('utf-16be');
    expect(utf16WithoutBomOf(Buffer.from(LATIN))).toBeNull();
    // Too short to tell: one code unit.
    expect(utf16WithoutBomOf(Buffer.from([0x41, 0]))).toBeNull();
    expect(utf16WithoutBomOf(Buffer.from([0x41, 0, 0x42, 0]))).toBe('utf-16le');
  });

  it('needs a third of the code units to hold a NUL, on one side only, to call bytes UTF-16', () => {
    // 30 units: 10 with a NUL on the odd side is a third (UTF-16LE); 9 is too few.
    const units = (nuls: number, evenNuls = 0) => {
      const bytes = Buffer.alloc(60, 0x61);
      for (let u = 0; u < nuls; u++) bytes[u * 2 + 1] = 0;
      for (let u = 0; u < evenNuls; u++) bytes[58 - u * 2] = 0;
      return bytes;
    };
    expect(utf16WithoutBomOf(units(10))).toBe('utf-16le');
    expect(utf16WithoutBomOf(units(9))).toBeNull();
    // NULs on the other side too: a twentieth of them is tolerated, more is not UTF-16.
    const many = (odd: number, even: number) => {
      const bytes = Buffer.alloc(400, 0x61);
      for (let u = 0; u < odd; u++) bytes[u * 2 + 1] = 0;
      for (let u = 0; u < even; u++) bytes[398 - u * 2] = 0;
      return bytes;
    };
    expect(utf16WithoutBomOf(many(100, 5))).toBe('utf-16le');
    expect(utf16WithoutBomOf(many(100, 6))).toBeNull();
    // The same, mirrored: big-endian.
    expect(utf16WithoutBomOf(Buffer.from(many(100, 5)).swap16())).toBe('utf-16be');
    expect(utf16WithoutBomOf(Buffer.from(units(10)).swap16())).toBe('utf-16be');
    expect(utf16WithoutBomOf(Buffer.from(units(9)).swap16())).toBeNull();
    expect(utf16WithoutBomOf(Buffer.from(many(100, 6)).swap16())).toBeNull();
  });

  it('removes a few stray NULs from a text, and refuses bytes with more than a text could hold', () => {
    expect(decodeText(Buffer.from('ab\0cd\0ef\0gh'))).toEqual({ text: 'abcdefgh', encoding: 'utf-8' });
    // At least 8 NULs are forgiven in a short text; a 9th makes it binary.
    const eight = Buffer.from(`${'x'.repeat(20)}${'\0y'.repeat(8)}${'z'.repeat(40)}`);
    expect(decodeText(eight)).toEqual({
      text: `${'x'.repeat(20)}${'y'.repeat(8)}${'z'.repeat(40)}`,
      encoding: 'utf-8',
    });
    expect(decodeText(Buffer.from(`${'x'.repeat(20)}${'\0y'.repeat(9)}${'z'.repeat(40)}`))).toBeNull();
    // In a long text, half a percent of its first 8 KiB: 40 NULs there pass, 41 do not.
    const long = (nuls: number) => {
      const bytes = Buffer.alloc(9000, 0x61);
      for (let k = 0; k < nuls; k++) bytes[100 + k * 150] = 0;
      return bytes;
    };
    expect(decodeText(long(40))?.text).toBe('a'.repeat(9000 - 40));
    expect(decodeText(long(41))).toBeNull();
    // The 8 KiB sample ends before byte 8192: a 41st NUL there is not counted.
    const edge = long(40);
    edge[8192] = 0;
    expect(decodeText(edge)?.text).toBe('a'.repeat(9000 - 41));
    // NULs past the first 8 KiB are not counted, only removed.
    const late = Buffer.concat([Buffer.alloc(8192, 0x62), Buffer.from('\0\0c')]);
    expect(decodeText(late)).toEqual({ text: `${'b'.repeat(8192)}c`, encoding: 'utf-8' });
    // After a UTF-8 BOM too.
    expect(decodeText(Buffer.from('\ufeffab\0c'))).toEqual({ text: 'abc', encoding: 'utf-8' });
  });

  it('calls bytes binary past 2 % of control characters, tab, newlines, form feed and escape not counted', () => {
    const sample = (controls: string) => Buffer.from(`${controls}${'a'.repeat(100 - controls.length)}`);
    expect(looksBinary(sample('\x01\x02'))).toBe(false);
    expect(looksBinary(sample('\x01\x02\x1f'))).toBe(true);
    expect(looksBinary(sample('\t\n\r\f\x1b\t\n\r\f\x1b'))).toBe(false);
    for (const allowed of ['\t', '\n', '\r', '\f', '\x1b'])
      expect(looksBinary(sample(allowed.repeat(5))), JSON.stringify(allowed)).toBe(false);
    expect(looksBinary(sample('\x00'))).toBe(true);
    expect(looksBinary(new Uint8Array())).toBe(false);
    // Only the first 8 KiB are looked at.
    expect(looksBinary(Buffer.concat([Buffer.alloc(8192, 0x61), Buffer.alloc(1000, 1)]))).toBe(false);
    expect(decodeText(sample('\x01\x02\x1f'))).toBeNull();
    expect(decodeText(sample('\x01\x02'))?.text).toBe(`\x01\x02${'a'.repeat(98)}`);
  });

  it('checks text decoded from UTF-16 the same way: control characters and NULs make it binary', () => {
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const body = (controls: string) => `${controls}${'a'.repeat(100 - controls.length)}`;
    expect(decodeText(utf16(body('\x01\x02')))?.text).toBe(body('\x01\x02'));
    expect(decodeText(utf16(body('\x01\x02\x03')))).toBeNull();
    // Escape counts here (no UTF-16 text holds one), tab, newlines and form feed do not.
    expect(decodeText(utf16(body('\x1b\x1b\x1b')))).toBeNull();
    expect(decodeText(utf16(body('\t\n\r\f\t\n\r\f')))?.encoding).toBe('utf-16le');
    for (const allowed of ['\t', '\n', '\r', '\f'])
      expect(decodeText(utf16(body(allowed.repeat(5))))?.encoding, JSON.stringify(allowed)).toBe('utf-16le');
    // Only the first 8 KiB characters are looked at.
    const lateControls = `${'a'.repeat(8192)}${'\x01'.repeat(1000)}`;
    expect(decodeText(utf16(lateControls))?.text).toBe(lateControls);
    // Up to 8 NUL characters are removed; more is binary.
    expect(decodeText(utf16(`${'\0b'.repeat(8)}${'a'.repeat(84)}`))?.text).toBe(
      `${'b'.repeat(8)}${'a'.repeat(84)}`,
    );
    expect(decodeText(utf16(`${'\0b'.repeat(9)}${'a'.repeat(82)}`))).toBeNull();
    // An empty UTF-16 file is an empty text.
    expect(decodeText(Buffer.from([0xfe, 0xff]))).toEqual({ text: '', encoding: 'utf-16be' });
  });
});
