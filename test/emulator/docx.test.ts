import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { exportDocumentToDocx, toDocxBuffer } from '../../emulator/export/docx';
import { EmulatedBlob } from '../../emulator/services/blob';
import { pngBlob, setupDocs } from './docs-helpers';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#36c"/></svg>';

/** A report shaped like the product's: title, headings, text, lists, a table, a chart, a break. */
function buildReport() {
  const { docs } = setupDocs();
  const doc = docs.create('Аналитическая записка');
  const body = doc.getBody();
  body.getChild(0).asParagraph().setText('Аналитическая записка по итогам мониторинга');
  body.getChild(0).asParagraph().setHeading(docs.ParagraphHeading.TITLE);
  body.appendParagraph('Участие').setHeading(docs.ParagraphHeading.HEADING1);
  body
    .appendParagraph('Приняли участие 18 из 18 школ.')
    .editAsText()
    .setBold(0, 9, true)
    .setFontSize(0, 9, 14);
  body.appendListItem('Методический десант');
  body.appendListItem('Наставничество');
  body.appendListItem('Первый шаг').setGlyphType(docs.GlyphType.NUMBER);
  const table = body.appendTable([
    ['Школа', 'Статус', 'Индекс'],
    ['СОШ №1', 'ШНОР', '-0,8'],
  ]);
  table.getRow(0).editAsText().setBold(true);
  table.getCell(1, 1).setBackgroundColor('#f4cccc');
  body.appendImage(pngBlob(64, 32)).setWidth(640).setHeight(320);
  body.appendPageBreak();
  body.appendParagraph('Приложение').setHeading(docs.ParagraphHeading.HEADING2);
  body.appendImage(
    new EmulatedBlob(SVG, 'image/svg+xml', 'chart.svg') as unknown as GoogleAppsScript.Base.Blob,
  );
  return doc;
}

async function unzip(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return {
    zip,
    documentXml: await xml('word/document.xml'),
    numberingXml: await xml('word/numbering.xml'),
  };
}

describe('exportDocumentToDocx', () => {
  test('headings become Word heading styles and the text is there', async () => {
    const { documentXml } = await unzip(await toDocxBuffer(buildReport()));
    expect(documentXml).toContain('Аналитическая записка по итогам мониторинга');
    expect(documentXml).toMatch(/<w:pStyle w:val="Title"\/>[\s\S]*?Аналитическая записка/);
    expect(documentXml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Участие/);
    expect(documentXml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Приложение/);
  });

  test('bold and size attributes reach the runs', async () => {
    const { documentXml } = await unzip(await toDocxBuffer(buildReport()));
    // Offsets 0..9 ("Приняли уч") are bold and 14 pt (28 half-points); the rest is plain.
    expect(documentXml).toMatch(
      /<w:rPr><w:b\/><w:bCs\/><w:sz w:val="28"\/><w:szCs w:val="28"\/><\/w:rPr><w:t xml:space="preserve">Приняли уч<\/w:t>/,
    );
    expect(documentXml).toContain(
      '<w:r><w:t xml:space="preserve">астие 18 из 18 школ.</w:t></w:r>',
    );
  });

  test('list items become real lists: bullets and a numbered list', async () => {
    const { documentXml, numberingXml } = await unzip(await toDocxBuffer(buildReport()));
    expect(documentXml).toMatch(/<w:numPr>[\s\S]*?Методический десант/);
    expect(numberingXml).toContain('w:val="bullet"');
    expect(numberingXml).toContain('w:val="decimal"');
  });

  test('numbering defines only the list kinds the document uses', async () => {
    const { docs } = setupDocs();
    const doc = docs.create('Письмо');
    doc.getBody().appendListItem('Риск');
    const { documentXml, numberingXml } = await unzip(await toDocxBuffer(doc));
    expect(documentXml).toMatch(/<w:numPr>[\s\S]*?Риск/);
    expect(numberingXml).toContain('w:val="bullet"');
    expect(numberingXml).not.toContain('w:val="decimal"');
    expect(numberingXml).not.toContain('w:val="upperRoman"');
  });

  test('every part of the package is in the zip, intact, with its content type', async () => {
    const buffer = await toDocxBuffer(buildReport());
    const zip = await JSZip.loadAsync(buffer, { checkCRC32: true });
    const names = Object.keys(zip.files);
    expect(names).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'word/document.xml',
        'word/styles.xml',
        'word/numbering.xml',
        'word/_rels/document.xml.rels',
      ]),
    );
    const media = names.filter((n) => n.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(2);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('Extension="png"');
    const png = await zip.file(media.find((n) => n.endsWith('.png'))!)!.async('uint8array');
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  test('tables keep cell text; the header row is shaded, a set background wins', async () => {
    const { documentXml } = await unzip(await toDocxBuffer(buildReport()));
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(documentXml)?.[0] ?? '';
    for (const text of ['Школа', 'Статус', 'Индекс', 'СОШ №1', 'ШНОР', '-0,8'])
      expect(table).toContain(text);
    expect(table).toContain('w:fill="D9D9D9"');
    expect(table).toContain('w:fill="F4CCCC"');
    expect(table).toContain('<w:tblHeader');
  });

  test('PNG and SVG images are embedded, page breaks kept', async () => {
    const { zip, documentXml } = await unzip(await toDocxBuffer(buildReport()));
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.some((f) => f.endsWith('.png'))).toBe(true);
    expect(media.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(documentXml).toContain('<w:br w:type="page"/>');
    // 640 px is wider than the text column: scaled to 624 x 312 px (EMU = px * 9525).
    expect(documentXml).toContain(`cx="${624 * 9525}"`);
    expect(documentXml).toContain(`cy="${312 * 9525}"`);
  });

  test('writes a file that opens as a zip with the same document', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'docx-'));
    const file = path.join(dir, 'report.docx');
    await exportDocumentToDocx(buildReport(), file);
    const { documentXml } = await unzip(readFileSync(file));
    expect(documentXml).toContain('Участие');
  });

  test('refuses an object that is not an emulated document', async () => {
    await expect(toDocxBuffer({} as never)).rejects.toThrow(/not an emulated document/);
  });
});
