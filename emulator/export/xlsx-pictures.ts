/**
 * What exceljs's streaming writer cannot put into an .xlsx, added to the finished file: the
 * pictures of the embedded charts (exceljs writes no charts at all, and its streaming writer
 * no anchored images), and the header rows repeated on every printed page (`Print_Titles`).
 */
import JSZip from 'jszip';

export interface SheetPictures {
  /** 0-based position of the sheet in the workbook. */
  index: number;
  name: string;
  /** Rows repeated at the top of each printed page (0 = none). */
  titleRows: number;
  pictures: Array<{ png: Uint8Array; row: number; column: number; width: number; height: number }>;
}

const EMU_PER_PX = 9525;
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function drawingXml(pictures: SheetPictures['pictures'], firstImage: number): string {
  const anchors = pictures
    .map(
      (p, i) =>
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="${p.width * EMU_PER_PX}" cy="${p.height * EMU_PER_PX}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="Диаграмма ${firstImage + i + 1}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${p.width * EMU_PER_PX}" cy="${p.height * EMU_PER_PX}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${anchors}</xdr:wsDr>`;
}

function relsXml(rels: Array<{ id: string; type: string; target: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;
}

/** The workbook's bytes with the pictures and print titles added. */
export async function addPicturesAndTitles(
  xlsx: Buffer,
  sheets: readonly SheetPictures[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  let workbook = await zip.file('xl/workbook.xml')!.async('string');
  let image = 0;
  let drawing = 0;
  const titles: string[] = [];
  for (const sheet of sheets) {
    if (sheet.titleRows > 0)
      titles.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${sheet.index}">'${xmlEscape(sheet.name.replace(/'/g, "''"))}'!$1:$${sheet.titleRows}</definedName>`,
      );
    if (sheet.pictures.length === 0) continue;
    drawing += 1;
    const sheetPath = `xl/worksheets/sheet${sheet.index + 1}.xml`;
    const relsPath = `xl/worksheets/_rels/sheet${sheet.index + 1}.xml.rels`;
    const sheetXml = await zip.file(sheetPath)?.async('string');
    if (!sheetXml) continue;
    const imageRels = sheet.pictures.map((p, i) => {
      image += 1;
      // Stored, not deflated: PNG data is compressed already (DEFLATE in JavaScript gained
      // nothing for 0.1 s at 2,000 schools).
      zip.file(`xl/media/chart${image}.png`, p.png, { compression: 'STORE' });
      return { id: `rId${i + 1}`, type: REL_IMAGE, target: `../media/chart${image}.png` };
    });
    zip.file(
      `xl/drawings/drawing${drawing}.xml`,
      drawingXml(sheet.pictures, image - sheet.pictures.length),
    );
    zip.file(`xl/drawings/_rels/drawing${drawing}.xml.rels`, relsXml(imageRels));
    const existing = await zip.file(relsPath)?.async('string');
    const relId = 'rIdShnorDrawing';
    const rel = `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawing}.xml"/>`;
    zip.file(
      relsPath,
      existing
        ? existing.replace('</Relationships>', `${rel}</Relationships>`)
        : relsXml([{ id: relId, type: REL_DRAWING, target: `../drawings/drawing${drawing}.xml` }]),
    );
    // <drawing> goes after the page settings and before <legacyDrawing> (the notes), per the schema.
    const tag = `<drawing r:id="${relId}"/>`;
    const at = sheetXml.search(
      /<legacyDrawing\b|<legacyDrawingHF\b|<picture\b|<oleObjects\b|<controls\b|<webPublishItems\b|<tableParts\b|<extLst\b|<\/worksheet>/,
    );
    const withNs = sheetXml.includes('xmlns:r=')
      ? sheetXml
      : sheetXml.replace(
          '<worksheet ',
          '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
        );
    const shift = withNs.length - sheetXml.length;
    zip.file(sheetPath, withNs.slice(0, at + shift) + tag + withNs.slice(at + shift));
    types = types.replace(
      '</Types>',
      `<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    );
  }
  if (image > 0 && !/Extension="png"/.test(types))
    types = types.replace(
      '<Default ',
      '<Default Extension="png" ContentType="image/png"/><Default ',
    );
  if (titles.length > 0) {
    workbook = /<definedNames>/.test(workbook)
      ? workbook.replace('<definedNames>', `<definedNames>${titles.join('')}`)
      : workbook.replace('</sheets>', `</sheets><definedNames>${titles.join('')}</definedNames>`);
  }
  zip.file('[Content_Types].xml', types);
  zip.file('xl/workbook.xml', workbook);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
