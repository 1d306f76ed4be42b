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
  private data: Uint8Array;
  private contentType: string | null;
  private name: string | null;

  constructor(data: Uint8Array | string, contentType?: string | null, name?: string | null) {
    this.data = typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'utf8')) : data;
    this.contentType = contentType ?? null;
    this.name = name ?? null;
  }

  /** Non-Google: the raw unsigned bytes (for the .docx exporter and tests). */
  rawBytes(): Uint8Array {
    return this.data;
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
    const encoding = charset && /^us-ascii$/i.test(charset) ? 'latin1' : 'utf8';
    return Buffer.from(this.data).toString(encoding);
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
    this.data = new Uint8Array(Buffer.from(value, 'utf8'));
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
  contentType: string | null;
  name: string | null;
} {
  const blob = (source as GoogleAppsScript.Base.BlobSource | undefined)?.getBlob?.();
  if (!blob) throw gasError('Invalid argument: blob');
  if (blob instanceof EmulatedBlob) {
    return { bytes: blob.rawBytes(), contentType: blob.getContentType(), name: blob.getName() };
  }
  return {
    bytes: fromJavaBytes(blob.getBytes()),
    contentType: blob.getContentType(),
    name: blob.getName(),
  };
}
