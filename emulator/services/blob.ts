/**
 * A minimal Apps Script Blob: bytes with a content type and a name. Shared by Utilities.newBlob,
 * Drive files, document images and mail attachments. Blob methods are not counted calls: Google
 * answers them in the script's own process, without a round trip.
 */
import { asGas, gasError } from './gas';

/** Java bytes are signed: Apps Script hands scripts numbers in -128..127. */
export function toJavaBytes(data: Uint8Array): number[] {
  return Array.from(data, (b) => (b > 127 ? b - 256 : b));
}

/** Accepts signed (Java) or unsigned byte numbers. */
export function fromJavaBytes(bytes: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(Array.from(bytes), (b) => b & 0xff);
}

export class EmulatedBlob implements Pick<
  GoogleAppsScript.Base.Blob,
  | 'copyBlob'
  | 'getAs'
  | 'getBlob'
  | 'getBytes'
  | 'getContentType'
  | 'getDataAsString'
  | 'getName'
  | 'isGoogleType'
  | 'setBytes'
  | 'setContentType'
  | 'setDataFromString'
  | 'setName'
> {
  /**
   * The bytes, or null while they are still only `text` (a blob made from a string is
   * encoded when its bytes are first asked for: a page handed to Drive's import is read
   * back as text and never needed as bytes).
   */
  private bytes: Uint8Array | null;
  /** The string the blob holds the UTF-8 of, while it holds just that; else null. */
  private text: string | null;
  private contentType: string | null;
  private name: string | null;

  constructor(data: Uint8Array | string, contentType?: string | null, name?: string | null) {
    this.text = typeof data === 'string' ? data : null;
    this.bytes = typeof data === 'string' ? null : data;
    this.contentType = contentType ?? null;
    this.name = name ?? null;
  }

  /** The bytes (a caller may keep and change them: from here on they alone hold the data). */
  private get data(): Uint8Array {
    if (this.bytes === null) {
      this.bytes = new Uint8Array(Buffer.from(this.text as string, 'utf8'));
      this.text = null;
    }
    return this.bytes;
  }

  private set data(bytes: Uint8Array) {
    this.bytes = bytes;
    this.text = null;
  }

  /** Non-Google: the raw unsigned bytes (for the .docx exporter and tests). */
  rawBytes(): Uint8Array {
    return this.data;
  }

  /** Non-Google: the number of bytes, without encoding a blob made from text. */
  byteLength(): number {
    return this.bytes?.length ?? Buffer.byteLength(this.text as string, 'utf8');
  }

  /** Non-Google: the text as UTF-8, decoded only if the blob was not made from that text. */
  utf8Text(): string {
    if (this.text !== null) return this.text;
    const bytes = this.data;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }

  copyBlob(): GoogleAppsScript.Base.Blob {
    return asGas(new EmulatedBlob(this.data.slice(), this.contentType, this.name));
  }

  /** Only a relabelling is emulated: converting between formats needs Google's converters. */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType === this.contentType) return this.copyBlob();
    throw gasError(
      `Converting from ${this.contentType ?? 'unknown'} to ${contentType} is not supported.`,
    );
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    return asGas(this);
  }

  getBytes(): number[] {
    return toJavaBytes(this.data);
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getDataAsString(charset?: string): string {
    if (charset && /^us-ascii$/i.test(charset)) return Buffer.from(this.data).toString('latin1');
    return this.utf8Text();
  }

  getName(): string | null {
    return this.name;
  }

  isGoogleType(): boolean {
    return false;
  }

  setBytes(data: number[]): GoogleAppsScript.Base.Blob {
    this.data = fromJavaBytes(data);
    return asGas(this);
  }

  setContentType(contentType: string | null): GoogleAppsScript.Base.Blob {
    this.contentType = contentType;
    return asGas(this);
  }

  setDataFromString(value: string): GoogleAppsScript.Base.Blob {
    this.bytes = null;
    this.text = value;
    return asGas(this);
  }

  setName(name: string): GoogleAppsScript.Base.Blob {
    this.name = name;
    return asGas(this);
  }
}

/** Anything with getBlob() (Blob, File, chart): resolves it to bytes, type and name. */
export function readBlobSource(source: unknown): {
  bytes: Uint8Array;
  /** The byte count (without encoding a blob made from text). */
  size: number;
  /** The bytes as UTF-8 text (without encoding and decoding a blob made from text). */
  text(): string;
  contentType: string | null;
  name: string | null;
} {
  const blob = (source as GoogleAppsScript.Base.BlobSource | undefined)?.getBlob?.();
  if (!blob) throw gasError('Invalid argument: blob');
  if (blob instanceof EmulatedBlob) {
    return {
      get bytes() {
        return blob.rawBytes();
      },
      size: blob.byteLength(),
      text: () => blob.utf8Text(),
      contentType: blob.getContentType(),
      name: blob.getName(),
    };
  }
  const bytes = fromJavaBytes(blob.getBytes());
  return {
    bytes,
    size: bytes.length,
    text: () => Buffer.from(bytes).toString('utf8'),
    contentType: blob.getContentType(),
    name: blob.getName(),
  };
}
