/**
 * Bytes of a CSV file to text. UTF-8 (with or without BOM) is what Google and "CSV UTF-8"
 * save; Windows-1251 is what Russian Excel saves as plain "CSV". Anything else is refused with
 * the row and column of the first byte that fits neither, rather than read as mojibake.
 */
import iconv from 'iconv-lite';
import { isUtf8 } from 'node:buffer';
import { CLI_INPUT } from './messages';
import { InputError } from './errors';

export type Encoding = 'utf-8' | 'windows-1251';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function decodeBytes(bytes: Buffer, file: string): Decoded {
  if (bytes.toString('latin1').trim() === '') throw new InputError(file, CLI_INPUT.empty, 1);
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC))
    throw new InputError(file, CLI_INPUT.notCsvWorkbook, 1);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // UTF-16 text has a zero in about every other byte; other binary data is simply not text.
    const zeros = bytes.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
    if (zeros * 4 >= bytes.length) throw encodingError(bytes, nul, file);
    throw new InputError(file, CLI_INPUT.notCsvBinary, lineOf(bytes, nul));
  }
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8' };
  if (body !== bytes) throw encodingError(bytes, firstInvalidUtf8(bytes), file);
  const text = iconv.decode(bytes, 'win1251');
  if (looksLikeRussian(bytes, text)) return { text, encoding: 'windows-1251' };
  throw encodingError(bytes, firstInvalidUtf8(bytes), file);
}

/**
 * Windows-1251 accepts any byte, so the decoded text is checked: Russian text is mostly
 * lower-case Cyrillic letters, with a little typographic punctuation. KOI8-R or CP866 read as
 * Windows-1251 gives mostly capitals or Serbian letters and box symbols instead.
 */
function looksLikeRussian(bytes: Buffer, text: string): boolean {
  if (bytes.includes(0x98)) return false; // the one byte Windows-1251 leaves undefined
  let lower = 0;
  let upper = 0;
  let odd = 0;
  let high = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    high += 1;
    if (/[а-яё]/.test(ch)) lower += 1;
    else if (/[А-ЯЁ]/.test(ch)) upper += 1;
    else if (!/[«»№–—“”„‘’…•\u00a0°±§]/.test(ch)) odd += 1;
  }
  if (odd * 10 > high) return false;
  return lower + upper < 8 || lower >= upper;
}

function firstInvalidUtf8(bytes: Buffer): number {
  const text = bytes.toString('utf8');
  const at = text.indexOf('\ufffd');
  return at < 0 ? 0 : Buffer.byteLength(text.slice(0, at), 'utf8');
}

function lineOf(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Names the row and, when the header is plain ASCII, the column of the offending byte. */
function encodingError(bytes: Buffer, offset: number, file: string): InputError {
  const row = lineOf(bytes, offset);
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  const before = bytes.subarray(lineStart, offset).toString('latin1');
  const headerLine = bytes.subarray(0, Math.max(0, bytes.indexOf(0x0a))).toString('latin1');
  const delimiter = headerLine.split(';').length > headerLine.split(',').length ? ';' : ',';
  const index = before.split(delimiter).length - 1;
  const names = headerLine.replace(/^\uFEFF|^\xef\xbb\xbf/, '').split(delimiter);
  const name = (names[index] ?? '').trim();
  const printable = /^[\x20-\x7e]*$/.test(name) ? name : '';
  return new InputError(file, CLI_INPUT.unknownEncoding, row, printable || index + 1);
}
