/** Encodings of offline files: what is read, and what is refused with its row and column. */
import iconv from 'iconv-lite';
import { decodeBytes } from '../../cli/decode';
import { InputError } from '../../cli/errors';

const text = 'school_id;name\r\n0012;МБОУ «Средняя школа № 12» — ёлки\r\n';

function refusal(bytes: Buffer): InputError {
  try {
    decodeBytes(bytes, 'registry.csv');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('decoded without complaint');
}

describe('decodeBytes', () => {
  it('reads UTF-8 with a BOM, without the BOM', () => {
    const read = decodeBytes(Buffer.from(`\uFEFF${text}`, 'utf8'), 'f.csv');
    expect(read).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeBytes(Buffer.from(text, 'utf8'), 'f.csv')).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads Windows-1251, as Russian Excel saves CSV', () => {
    const bytes = iconv.encode(text, 'win1251');
    expect(decodeBytes(bytes, 'f.csv')).toEqual({ text, encoding: 'windows-1251' });
  });

  it('reads plain ASCII', () => {
    expect(decodeBytes(Buffer.from('a,b\n1,2\n'), 'f.csv').text).toBe('a,b\n1,2\n');
  });

  it('refuses KOI8-R, naming the row and the column of the first odd byte', () => {
    const koi = iconv.encode(
      'school_id,name\n0001,Школа 1\n0002,Средняя школа номер два\n',
      'koi8-r',
    );
    const error = refusal(koi);
    expect(error.message).toMatch(/^Файл «registry\.csv», строка 2, столбец «name»: /);
    expect(error.message).toMatch(/кодировк/);
    expect(error.message).toMatch(/UTF-8/);
  });

  it('refuses CP866 (DOS) text', () => {
    const dos = iconv.encode('school_id;name\n0001;Средняя общеобразовательная школа\n', 'cp866');
    expect(refusal(dos).message).toMatch(
      /строка 2, столбец «name»: не удалось определить кодировку/,
    );
  });

  it('refuses UTF-16 as an unknown encoding', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(refusal(utf16).message).toMatch(/не удалось определить кодировку/);
  });

  it('refuses a UTF-8 BOM followed by Windows-1251 bytes', () => {
    const mixed = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'win1251')]);
    expect(refusal(mixed).message).toMatch(/строка 2, столбец «name»: не удалось определить/);
  });

  it('refuses an Excel workbook given as CSV, saying where it belongs', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(refusal(zip).message).toBe(
      'Файл «registry.csv», строка 1: это не CSV, а книга Excel (.xlsx): укажите её в параметре --xlsx',
    );
  });

  it('refuses binary data as not a CSV', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49]);
    // The first zero byte is on the third line (after \r\n and \x1a\n).
    expect(refusal(png).message).toMatch(/строка 3: это не CSV: в файле двоичные данные/);
  });

  it('refuses an empty file and one of blank lines', () => {
    expect(refusal(Buffer.alloc(0)).message).toBe(
      'Файл «registry.csv», строка 1: файл пуст: нет ни заголовка, ни строк',
    );
    expect(refusal(Buffer.from('\r\n \r\n')).message).toMatch(/файл пуст/);
  });
});
