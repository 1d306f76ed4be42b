/**
 * Emulated Utilities: dates in a time zone, ids, digests and signatures as Java byte arrays,
 * base64, blobs, CSV, and a sleep that moves the virtual clock instead of waiting.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Runtime } from '../runtime';
import { EmulatedBlob, fromJavaBytes, toJavaBytes } from './blob';
import { formatJavaDate } from './date-format';
import { asGas, gasEnum, gasError } from './gas';

export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
export const MacAlgorithm = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;
export const RsaAlgorithm = { RSA_SHA_1: 'RSA_SHA_1', RSA_SHA_256: 'RSA_SHA_256' } as const;

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

type Bytes = number[];
type CharsetValue = GoogleAppsScript.Utilities.Charset;

function encodeString(value: string, charset?: CharsetValue): Buffer {
  return Buffer.from(value, (charset as unknown) === Charset.US_ASCII ? 'latin1' : 'utf8');
}

function toBuffer(value: string | Bytes, charset?: CharsetValue): Buffer {
  return typeof value === 'string'
    ? encodeString(value, charset)
    : Buffer.from(fromJavaBytes(value));
}

function nodeAlgorithm(algorithm: unknown): string {
  const name = NODE_DIGEST[String(algorithm)];
  if (!name) throw gasError(`The emulator does not support ${String(algorithm)}.`);
  return name;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Java String.format's common conversions (%s, %d, %f with precision, %%). */
function formatJavaString(template: string, args: unknown[]): string {
  let next = 0;
  return template.replace(/%(\d+\$)?(\.\d+)?([sdf%])/g, (_m, pos: string, prec: string, conv) => {
    if (conv === '%') return '%';
    const value = pos ? args[Number(pos.slice(0, -1)) - 1] : args[next++];
    if (conv === 'd') return String(Math.trunc(Number(value)));
    if (conv === 'f') return Number(value).toFixed(prec ? Number(prec.slice(1)) : 6);
    return String(value);
  });
}

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. */
function parseCsvText(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export class EmulatedUtilities implements Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'DigestAlgorithm'
  | 'MacAlgorithm'
  | 'RsaAlgorithm'
  | 'base64Decode'
  | 'base64DecodeWebSafe'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'computeHmacSignature'
  | 'formatDate'
  | 'formatString'
  | 'getUuid'
  | 'newBlob'
  | 'parseCsv'
  | 'sleep'
> {
  readonly Charset = gasEnum<typeof GoogleAppsScript.Utilities.Charset>(Charset);
  readonly DigestAlgorithm =
    gasEnum<typeof GoogleAppsScript.Utilities.DigestAlgorithm>(DigestAlgorithm);
  readonly MacAlgorithm = gasEnum<typeof GoogleAppsScript.Utilities.MacAlgorithm>(MacAlgorithm);
  readonly RsaAlgorithm = gasEnum<typeof GoogleAppsScript.Utilities.RsaAlgorithm>(RsaAlgorithm);

  constructor(private readonly rt: Runtime) {}

  private count(method: string): void {
    this.rt.record('Utilities', `Utilities.${method}`);
  }

  base64Decode(encoded: string, charset?: CharsetValue): Bytes {
    void charset; // the charset only matters for non-ASCII input, which base64 text is not
    this.count('base64Decode');
    return toJavaBytes(Buffer.from(encoded, 'base64'));
  }

  base64DecodeWebSafe(encoded: string, charset?: CharsetValue): Bytes {
    void charset;
    this.count('base64DecodeWebSafe');
    return toJavaBytes(Buffer.from(encoded, 'base64url'));
  }

  base64Encode(data: string | Bytes, charset?: CharsetValue): string {
    this.count('base64Encode');
    return toBuffer(data, charset).toString('base64');
  }

  /** Google keeps the '=' padding in the web-safe form, unlike Node's base64url. */
  base64EncodeWebSafe(data: string | Bytes, charset?: CharsetValue): string {
    this.count('base64EncodeWebSafe');
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | Bytes,
    charset?: CharsetValue,
  ): Bytes {
    this.count('computeDigest');
    const hash = createHash(nodeAlgorithm(algorithm));
    return toJavaBytes(hash.update(toBuffer(value, charset)).digest());
  }

  computeHmacSha256Signature(
    value: string | Bytes,
    key: string | Bytes,
    charset?: CharsetValue,
  ): Bytes {
    this.count('computeHmacSha256Signature');
    const mac = createHmac('sha256', toBuffer(key, charset));
    return toJavaBytes(mac.update(toBuffer(value, charset)).digest());
  }

  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: string | Bytes,
    key: string | Bytes,
    charset?: CharsetValue,
  ): Bytes {
    this.count('computeHmacSignature');
    const mac = createHmac(nodeAlgorithm(algorithm), toBuffer(key, charset));
    return toJavaBytes(mac.update(toBuffer(value, charset)).digest());
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.count('formatDate');
    if (!isDate(date)) {
      throw gasError(
        `The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`,
      );
    }
    return formatJavaDate(date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    this.count('formatString');
    return formatJavaString(template, args);
  }

  getUuid(): string {
    this.count('getUuid');
    return randomUUID();
  }

  newBlob(data: string | Bytes, contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    this.count('newBlob');
    const bytes = typeof data === 'string' ? data : fromJavaBytes(data);
    return asGas(new EmulatedBlob(bytes, contentType ?? null, name ?? null));
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    this.count('parseCsv');
    return parseCsvText(csv, delimiter ?? ',');
  }

  /** No real waiting: the virtual clock moves, so retries and back-off stay fast and reproducible. */
  sleep(milliseconds: number): void {
    this.count('sleep');
    if (milliseconds > 300000) {
      throw gasError('Argument too large: milliseconds');
    }
    this.rt.clock.advance(Math.max(0, milliseconds));
  }
}

export function createUtilities(rt: Runtime): EmulatedUtilities {
  return new EmulatedUtilities(rt);
}
