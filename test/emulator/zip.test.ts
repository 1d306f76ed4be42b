import { packPart, zipParts, zipPartsAsync, type PartData } from '../../emulator/export/zip';

describe('zip of in-memory parts (emulator/export/zip.ts)', () => {
  it('deflating big parts on the thread pool gives the same bytes', async () => {
    const big = Array.from({ length: 4000 }, (_, i) => `<w:p>${i % 97} строка</w:p>`).join('');
    const parts: Array<[string, PartData]> = [
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', big],
      ['word/media/image1.png', new Uint8Array(40_000).map((_, i) => (i * 31) % 251)],
      ['word/styles.xml', packPart('<w:styles/>')],
    ];
    expect(big.length).toBeGreaterThan(16 * 1024);
    expect((await zipPartsAsync(parts)).equals(zipParts(parts))).toBe(true);
  });
});
