/** Shared setup for the DocumentApp / DriveApp / .docx tests, and a real PNG maker. */
import { deflateSync } from 'node:zlib';
import { Runtime, type RuntimeOptions } from '../../emulator/runtime';
import { createDocumentApp, type EmulatedDocumentApp } from '../../emulator/services/documents';
import { createDriveApp, type EmulatedDriveApp } from '../../emulator/services/drive';
import { EmulatedBlob } from '../../emulator/services/blob';

export interface DocsFixture {
  rt: Runtime;
  drive: EmulatedDriveApp;
  docs: EmulatedDocumentApp;
}

export function setupDocs(options: RuntimeOptions = {}): DocsFixture {
  const rt = new Runtime(options);
  const drive = createDriveApp(rt);
  const docs = createDocumentApp(rt, drive);
  return { rt, drive, docs };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid solid-colour RGB PNG of the given size. */
export function solidPng(
  width: number,
  height: number,
  rgb: [number, number, number] = [200, 30, 30],
): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => rgb).flat()),
  ]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

export function pngBlob(
  width: number,
  height: number,
  name = 'chart.png',
): GoogleAppsScript.Base.Blob {
  return new EmulatedBlob(
    solidPng(width, height),
    'image/png',
    name,
  ) as unknown as GoogleAppsScript.Base.Blob;
}
