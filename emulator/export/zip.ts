/**
 * A zip file of a few in-memory parts, each compressed with Node's own zlib (DEFLATE, level 3:
 * a letter's document.xml in about 45 % of level 6's time, about 11 % larger).
 * The docx package zips with fflate, a DEFLATE in JavaScript: for the offline run's letters (one
 * .docx per school, thousands of small packages) that was a third of the export's time; zlib
 * does the same work in native code. Plain zip (PKWARE APPNOTE 6.3.10, §4.3): local headers,
 * the central directory, its end record; no zip64 (parts and packages are far below 4 GB).
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw, deflateRawSync } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);

/** The one compression level of every part, here and on the thread pool (same bytes). */
const DEFLATE = { level: 3 };

/** 1980-01-01 00:00 in MS-DOS time and date: fixed, so the same parts give the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A part's bytes: text as UTF-8; bytes as they are (also from another realm, e.g. a vm context). */
function bytesOf(data: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** A part already compressed: a package's fixed parts are packed once and zipped many times. */
export interface PackedPart {
  packed: Buffer;
  crc: number;
  size: number;
}

export type PartData = string | Uint8Array | ArrayBuffer | PackedPart;

export function packPart(data: string | Uint8Array | ArrayBuffer): PackedPart {
  const raw = bytesOf(data);
  return packedOf(raw, deflateRawSync(raw, DEFLATE));
}

/** A part's deflated bytes with the checksum and size the zip's headers give of the raw ones. */
function packedOf(raw: Uint8Array, packed: Buffer): PackedPart {
  return { packed, crc: crc32(raw), size: raw.length };
}

function isPacked(data: PartData): data is PackedPart {
  return typeof data === 'object' && 'packed' in data;
}

/**
 * Parts at least this big are deflated on libuv's thread pool by `zipPartsAsync` (a letter's
 * document.xml, tens of KB); smaller ones cost less here than a round trip to a thread.
 */
const POOL_FROM_BYTES = 16 * 1024;

/**
 * `zipParts` with the big parts deflated on the thread pool, so that another core compresses
 * while the caller builds the next package. The same bytes as `zipParts` (zlib, level 3).
 */
export async function zipPartsAsync(parts: Iterable<[string, PartData]>): Promise<Buffer> {
  const packed = await Promise.all(
    [...parts].map(async ([path, data]): Promise<[string, PartData]> => {
      if (isPacked(data)) return [path, data];
      const raw = bytesOf(data);
      if (raw.length < POOL_FROM_BYTES) return [path, packPart(raw)];
      return [path, packedOf(raw, await deflateRawAsync(raw, DEFLATE))];
    }),
  );
  return zipParts(packed);
}

export function zipParts(parts: Iterable<[string, PartData]>): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [path, data] of parts) {
    const name = Buffer.from(path, 'utf8');
    const { packed, crc, size } = isPacked(data) ? data : packPart(data);
    // The local header and the central directory's entry share 26 bytes of fields (§4.3.7,
    // §4.3.12): version needed 2.0 (deflate), UTF-8 names, deflate, time, date, CRC, sizes,
    // name length; extra field, comment, disk and attributes are 0.
    const fields = Buffer.alloc(26);
    fields.writeUInt16LE(20, 0);
    fields.writeUInt16LE(0x0800, 2);
    fields.writeUInt16LE(8, 4);
    fields.writeUInt16LE(DOS_TIME, 6);
    fields.writeUInt16LE(DOS_DATE, 8);
    fields.writeUInt32LE(crc, 10);
    fields.writeUInt32LE(packed.length, 14);
    fields.writeUInt32LE(size, 18);
    fields.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields.copy(local, 4);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    fields.copy(entry, 6);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
    count += 1;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
