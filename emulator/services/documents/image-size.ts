/**
 * An image's natural size in pixels, which Google reports from getWidth()/getHeight() until the
 * script sets another. PNG and SVG are read; anything else reports 0 x 0.
 */
export function imageSize(
  bytes: Uint8Array,
  contentType: string | null,
): { width: number; height: number } {
  const isPng =
    bytes.length >= 24 &&
    bytes[0] === 0x89 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x4e &&
    bytes[3] === 0x47;
  if (isPng) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (contentType === 'image/svg+xml' || /^\s*(<\?xml[^>]*>\s*)?<svg/i.test(head(bytes))) {
    const tag = /<svg\b[^>]*>/i.exec(head(bytes))?.[0] ?? '';
    const width = Number(/\bwidth\s*=\s*["']?([\d.]+)/i.exec(tag)?.[1] ?? 0);
    const height = Number(/\bheight\s*=\s*["']?([\d.]+)/i.exec(tag)?.[1] ?? 0);
    if (width && height) return { width: Math.round(width), height: Math.round(height) };
    const box = /\bviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(
      tag,
    );
    if (box) return { width: Math.round(Number(box[1])), height: Math.round(Number(box[2])) };
  }
  return { width: 0, height: 0 };
}

function head(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, 2048)).toString('utf8');
}
